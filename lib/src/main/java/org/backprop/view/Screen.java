package org.backprop.view;

/** Where a live view shows itself and redraws in place: a notebook's output area. */
interface Screen {

    /** Shows {@code view} as a new output and returns the id that names that output. */
    String show(View view);

    /** Replaces the output named {@code id}, wherever it is, with {@code view}. */
    void update(String id, View view);

    /** The running kernel's output area, or null outside a running kernel (then views print as text). */
    static Screen current() {
        return View.IN_KERNEL ? Renderables.screen() : null;
    }
}
