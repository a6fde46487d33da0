package org.backprop.nn;

import java.util.Arrays;

/**
 * One training example: the input values and the outputs we want for them.
 *
 * @param input  the values fed to the input neurons i1, i2, …
 * @param target the values wanted from the output neurons o1, o2, …
 */
public record Sample(double[] input, double[] target) {

    /** Checks that both arrays are present, non-empty and finite, and keeps private copies. */
    public Sample {
        input = Require.finiteVector("input", input);
        target = Require.finiteVector("target", target);
    }

    /** Convenience for {@code new Sample(input, target)}. */
    public static Sample of(double[] input, double[] target) {
        return new Sample(input, target);
    }

    /** A copy of the input values. */
    @Override
    public double[] input() {
        return input.clone();
    }

    /** A copy of the target values. */
    @Override
    public double[] target() {
        return target.clone();
    }

    double input(int index) {
        return input[index];
    }

    double target(int index) {
        return target[index];
    }

    int inputSize() {
        return input.length;
    }

    int targetSize() {
        return target.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sample that
                && Arrays.equals(input, that.input) && Arrays.equals(target, that.target);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(input) + Arrays.hashCode(target);
    }

    @Override
    public String toString() {
        return "Sample[input=" + Arrays.toString(input) + ", target=" + Arrays.toString(target) + "]";
    }
}
