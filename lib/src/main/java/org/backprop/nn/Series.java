package org.backprop.nn;

import java.util.Arrays;

/**
 * A growing list of doubles without boxing: a training history adds a few numbers per
 * iteration and must not allocate per iteration, nor reserve room for a million iterations it
 * may never run.
 */
final class Series {

    private double[] values = new double[16];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, 2 * size);
        }
        values[size++] = value;
    }

    double get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    /** The first {@code n} values. */
    double[] first(int n) {
        return Arrays.copyOf(values, n);
    }
}
