package org.backprop.view;

import java.util.function.Supplier;

/**
 * A value made the first time it is asked for, then kept: how a view puts off drawing and
 * encoding until it is shown. Drops its maker once it has made the value.
 */
final class Once<T> implements Supplier<T> {

    private Supplier<T> make;
    private T value;

    Once(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public synchronized T get() {
        if (make != null) {
            value = make.get();
            make = null;
        }
        return value;
    }
}
