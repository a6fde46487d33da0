package org.backprop.notebooks.kernel;

import jdk.jshell.SnippetEvent;

/**
 * JShell did not accept a snippet of the cell (a compile error, or a declaration it rejected). The simple
 * class name is the {@code ename} of the error output, as with IJava; the message is empty, the details are
 * in the traceback ({@link Tracebacks}).
 */
public final class CompilationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SnippetEvent event;

    CompilationException(SnippetEvent event) {
        this.event = event;
    }

    /** JShell's report on the snippet: its source, status and, through the shell, its diagnostics. */
    public SnippetEvent event() {
        return this.event;
    }
}
