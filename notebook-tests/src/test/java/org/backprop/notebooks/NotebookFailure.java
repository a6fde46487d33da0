package org.backprop.notebooks;

import com.google.gson.JsonObject;

/** A notebook that does not run cleanly or whose committed outputs are stale; the message says where and why. */
final class NotebookFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    NotebookFailure(String message) {
        super(message);
    }

    /** The message says it all; the harness's own stack is noise in the build log. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** {@code cell[3] (In [2]) "first line of source"} — the index is the 0-based position in the cells array. */
    static String cellLabel(int index, JsonObject cell, Integer executionCount) {
        String count = executionCount == null ? "" : " (In [" + executionCount + "])";
        return "cell[" + index + "]" + count + " \"" + firstLine(Notebook.source(cell)) + "\"";
    }

    static String firstLine(String source) {
        for (String line : source.split("\\R")) {
            String t = line.strip();
            if (!t.isEmpty())
                return t.length() > 100 ? t.substring(0, 97) + "..." : t;
        }
        return "";
    }

    /** Strips ANSI colour codes from tracebacks. */
    static String plain(String s) {
        return s.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
    }
}
