package org.backprop.nn;

/** Argument checks whose messages name the parameter, what was expected and what came. */
final class Require {

    private Require() {
    }

    static double finite(String parameter, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(
                    parameter + " must be a finite number, but was " + value);
        }
        return value;
    }

    static double positive(String parameter, double value) {
        finite(parameter, value);
        if (value <= 0) {
            throw new IllegalArgumentException(
                    parameter + " must be greater than 0, but was " + value);
        }
        return value;
    }

    /** value &gt; bound, the value of the parameter named boundParameter; both finite. */
    static double greaterThan(String parameter, double value, String boundParameter, double bound) {
        if (value <= bound) {
            throw new IllegalArgumentException(
                    parameter + " must be greater than " + boundParameter + " (" + bound + "), but was " + value);
        }
        return value;
    }

    static int positive(String parameter, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    parameter + " must be at least 1, but was " + value);
        }
        return value;
    }

    static int nonNegative(String parameter, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(
                    parameter + " must be 0 or more, but was " + value);
        }
        return value;
    }

    /** 0 ≤ value &lt; size: an index into {@code what}, which has {@code size} elements. */
    static int index(String parameter, int value, int size, String what) {
        if (value < 0 || value >= size) {
            throw new IllegalArgumentException(parameter + " must be between 0 and " + (size - 1) + " (" + what
                    + "), but was " + value);
        }
        return value;
    }

    static <T> T present(String parameter, T value) {
        if (value == null) {
            throw new IllegalArgumentException(parameter + " must not be null");
        }
        return value;
    }

    static double[] finiteVector(String parameter, double[] values) {
        present(parameter, values);
        if (values.length == 0) {
            throw new IllegalArgumentException(parameter + " must hold at least 1 value, but was empty");
        }
        for (int i = 0; i < values.length; i++) {
            finite(parameter + "[" + i + "]", values[i]);
        }
        return values.clone();
    }

    static void length(String parameter, int length, int expected, String what) {
        if (length != expected) {
            throw new IllegalArgumentException(parameter + " must hold " + expected + " values (one per "
                    + what + "), but held " + length);
        }
    }
}
