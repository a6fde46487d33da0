package org.backprop.view;

import java.util.Map;

/**
 * Something the course shows: a table, a chart, a diagram or a derivation.
 *
 * <p>In IJava a view renders itself as the cell's result (HTML, PNG, SVG or LaTeX); anywhere
 * else it prints as plain text. The rich renderings are computed once, when the view is made.
 */
public abstract class View {

    private static final String RENDERABLE = "io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable";

    /** True inside a kernel built on jupyter-jvm-basekernel (IJava), whose renderer views plug into. */
    static final boolean IN_KERNEL = isPresent(RENDERABLE);

    View() {
    }

    /** Plain text, for consoles, logs and kernels without rich output. */
    public abstract String toText();

    /**
     * Every rendering by MIME type, richest first and {@code text/plain} last. Images are
     * base64-encoded, as Jupyter stores them.
     */
    public abstract Map<String, String> toMimeBundle();

    @Override
    public String toString() {
        return toText();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, View.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
