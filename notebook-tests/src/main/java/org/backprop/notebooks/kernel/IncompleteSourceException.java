package org.backprop.notebooks.kernel;

/**
 * A cell whose end JShell still considers unfinished (an open brace, a dangling operator): everything before
 * it has been evaluated, the rest cannot be. The simple class name is the {@code ename} of the error output,
 * as with IJava.
 */
public final class IncompleteSourceException extends Exception {
    private static final long serialVersionUID = 1L;

    IncompleteSourceException(String unfinished) {
        super(unfinished);
    }

    /** The trailing source that was not evaluated (also the exception's message, i.e. the {@code evalue}). */
    public String unfinishedSource() {
        return getMessage();
    }
}
