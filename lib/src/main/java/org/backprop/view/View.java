package org.backprop.view;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.backprop.nn.TrainingHistory;

/**
 * Something the course shows: a table, a chart, a diagram or a derivation.
 *
 * <p>In IJava a view renders itself as the cell's result (HTML, PNG, SVG or LaTeX); anywhere
 * else it prints as plain text. A rich rendering is made once, when it is first asked for: a view
 * that is never shown (a step of a chain of {@code with…} calls, a panel of a grid) is never encoded.
 */
public abstract class View {

    private static final String RENDERABLE = "io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable";

    /** True inside a kernel built on jupyter-jvm-basekernel (IJava), whose renderer views plug into. */
    static final boolean IN_KERNEL = isPresent(RENDERABLE);

    private final String mimeType;
    private final String text;
    private final Once<String> rendering;

    /** A view with one rich rendering of {@code mimeType} and its plain-text counterpart. */
    View(String mimeType, String rendering, String text) {
        this(mimeType, () -> rendering, text);
    }

    /** A view whose rich rendering of {@code mimeType} is made by {@code render} when first asked for. */
    View(String mimeType, Supplier<String> render, String text) {
        this.mimeType = mimeType;
        this.rendering = new Once<>(render);
        this.text = text;
    }

    /** Plain text, for consoles, logs and kernels without rich output. */
    public final String toText() {
        return text;
    }

    /**
     * Every rendering by MIME type, the rich one first and {@code text/plain} last. Images are
     * base64-encoded, as Jupyter stores them.
     */
    public final Map<String, String> toMimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put(mimeType, rendering());
        bundle.put("text/plain", text);
        return bundle;
    }

    /** The rich rendering (HTML, base64 PNG, SVG or LaTeX). */
    String rendering() {
        return rendering.get();
    }

    @Override
    public String toString() {
        return toText();
    }

    /** The argument check every view factory makes: {@code value}, or a message naming the parameter. */
    static <T> T require(String parameter, T value) {
        if (value == null) {
            throw new IllegalArgumentException(parameter + " must not be null");
        }
        return value;
    }

    /**
     * The check of every view of a run's kept iterations ({@code purpose}: "list iterations"):
     * only a run on one sample keeps them, and only when asked to.
     */
    static TrainingHistory requireSnapshots(TrainingHistory history, String purpose) {
        require("history", history);
        if (history.samples() > 1) {
            throw new IllegalArgumentException("history must keep snapshots to " + purpose + ", but was a run on "
                    + history.samples() + " samples, which keeps none (only runs on 1 sample do: train(network, "
                    + "sample, n, snapshots)); for this run, chart its error per epoch with Charts.error(history), "
                    + "and read the trained weights from the network it trained");
        }
        if (history.snapshots().isEmpty()) {
            throw new IllegalArgumentException("history must keep snapshots to " + purpose + ": expected at "
                    + "least 1 kept iteration, but the run kept 0 (train with snapshots > 0)");
        }
        return history;
    }

    /**
     * The check every chart of several named lines makes, before XChart sees them: each label a
     * non-blank text, as the legend shows it, and each value present. Returns {@code lines}.
     */
    static <T> Map<String, T> labelled(String parameter, Map<String, T> lines) {
        require(parameter, lines).forEach((label, value) -> {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException(parameter + " must name each line with a non-blank label (the "
                        + "legend shows it), but held the label " + (label == null ? "null" : "'" + label + "'"));
            }
            require(parameter + "['" + label + "']", value);
        });
        return lines;
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
