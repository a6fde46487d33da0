package org.backprop.rnn;

/** Argument checks whose messages name the parameter, what was expected and what came. */
final class Check {

    private Check() {
    }

    static <T> T present(String parameter, T value) {
        if (value == null) {
            throw new IllegalArgumentException(parameter + " must not be null");
        }
        return value;
    }

    static double finite(String parameter, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(parameter + " must be a finite number, but was " + value);
        }
        return value;
    }

    static double positive(String parameter, double value) {
        finite(parameter, value);
        if (value <= 0) {
            throw new IllegalArgumentException(parameter + " must be greater than 0, but was " + value);
        }
        return value;
    }

    static int atLeast(String parameter, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(parameter + " must be at least " + least + ", but was " + value);
        }
        return value;
    }

    /** A 1-based time step: 1 ≤ t ≤ length (0 ≤ t when {@code fromZero}, for h_0). */
    static int step(String parameter, int t, int length, boolean fromZero) {
        int first = fromZero ? 0 : 1;
        if (t < first || t > length) {
            throw new IllegalArgumentException(parameter + " must be a time step from " + first + " to " + length
                    + ", but was " + t);
        }
        return t;
    }

    /** A copy of a finite vector of the given length (any length ≥ 1 when {@code length} is −1). */
    static double[] vector(String parameter, double[] values, int length) {
        present(parameter, values);
        if (values.length == 0) {
            throw new IllegalArgumentException(parameter + " must hold at least 1 value, but was empty");
        }
        if (length >= 0 && values.length != length) {
            throw new IllegalArgumentException(parameter + " must hold " + length + " values, but held "
                    + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            finite(parameter + "[" + i + "]", values[i]);
        }
        return values.clone();
    }

    /** A copy of a finite rows × columns matrix. */
    static double[][] matrix(String parameter, double[][] values, int rows, int columns) {
        present(parameter, values);
        if (values.length != rows) {
            throw new IllegalArgumentException(parameter + " must have " + rows + " rows, but had " + values.length);
        }
        double[][] copy = new double[rows][];
        for (int j = 0; j < rows; j++) {
            copy[j] = vector(parameter + "[" + j + "]", values[j], columns);
        }
        return copy;
    }
}
