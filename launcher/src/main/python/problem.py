"""The one way a step of ./course stops: it says what is missing and how to get it."""


class Problem(Exception):
    """A step cannot go on. The message names what is missing or wrong and how to fix it."""
