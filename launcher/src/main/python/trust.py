"""Marks the course's own notebooks trusted, so that Jupyter shows their stored SVG diagrams at once.

Jupyter renders SVG (and HTML with scripts) only in notebooks it trusts: ones whose content matches a
signature in its trust database (nbsignatures.db, in the Jupyter data folder: JUPYTER_DATA_DIR, else
~/.local/share/jupyter; JUPYTER_PATH does not move it). A fresh clone's notebooks are signed nowhere,
so their diagrams show as text until their cells run. A signature is of the content, so a notebook
changed since (a git pull) needs signing again: this runs before every start and signs only what has
changed."""
import os
import shutil
import subprocess


def trust_notebooks(jupyter, notebooks, env, say):
    """Signs the notebooks with the nbformat of the Python that serves them (`jupyter trust`, or that
    Python's `-m nbformat.sign` where the jupyter-trust program is not installed, as on Debian), with
    the environment the server gets, so the signatures land in the database it reads. Never fatal:
    unsigned notebooks still open, with their diagrams as text until run."""
    command = _sign_command(jupyter)
    if command is None:
        say("Notebooks: not marked trusted (no jupyter trust, and no Python found for the notebook "
            "server): Jupyter shows their diagrams as text until their cells run.")
        return False
    done = subprocess.run(command + list(notebooks), env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True)
    if done.returncode != 0:
        say(f"Notebooks: not marked trusted ({' '.join(command)} failed: {done.stdout.strip()}); Jupyter "
            "shows their diagrams as text until their cells run.")
        return False
    signed = done.stdout.count("Signing notebook")
    say(f"Notebooks: {len(notebooks)} trusted ({signed} newly signed), so their stored diagrams show")
    return True


def _sign_command(jupyter):
    if jupyter.has("trust"):
        return jupyter.command("trust")
    python = _interpreter(jupyter.program(jupyter.server()))
    return [python, "-m", "nbformat.sign"] if python else None


def _interpreter(program):
    """The Python a console script runs with, from its #! line (absolute as pip, conda and Debian
    write it; or `/usr/bin/env python3`, found on the PATH)."""
    try:
        with open(program, "rb") as f:
            first = f.readline().decode("utf-8", "replace")
    except OSError:
        return None
    if not first.startswith("#!"):
        return None
    words = first[2:].split()
    if len(words) >= 2 and os.path.basename(words[0]) == "env":
        return shutil.which(words[1])
    return words[0] if words and os.access(words[0], os.X_OK) else None
