package org.backprop.nn;

import java.util.Arrays;

/**
 * One training example: the input values and the outputs we want for them.
 *
 * <p>A sample either holds its own values ({@code new Sample(input, target)}) or reads row x of
 * a data set's storage ({@link #of(SampleRows, int)}): a view, not a copy, so a data set of
 * 60,000 images keeps its pixels once. Either way it is unchangeable from outside: {@link #input()}
 * and {@link #target()} hand out copies.
 */
public final class Sample {

    private final SampleRows rows;
    private final int row;

    /**
     * A sample holding copies of {@code input}, the values fed to the input neurons i1, i2, …,
     * and {@code target}, the values wanted from the output neurons o1, o2, …; both must be
     * present, non-empty and finite.
     */
    public Sample(double[] input, double[] target) {
        this(new Own(Require.finiteVector("input", input), Require.finiteVector("target", target)), 0);
    }

    private Sample(SampleRows rows, int row) {
        this.rows = rows;
        this.row = row;
    }

    /** Convenience for {@code new Sample(input, target)}. */
    public static Sample of(double[] input, double[] target) {
        return new Sample(input, target);
    }

    /** The sample stored in row {@code x} of {@code rows}, read from there (not copied). */
    public static Sample of(SampleRows rows, int x) {
        Require.present("rows", rows);
        Require.index("x", x, rows.size(), "the rows");
        return new Sample(rows, x);
    }

    /** A copy of the input values. */
    public double[] input() {
        double[] input = new double[inputSize()];
        rows.writeInput(row, input, 0);
        return input;
    }

    /** A copy of the target values. */
    public double[] target() {
        double[] target = new double[targetSize()];
        rows.writeTarget(row, target, 0);
        return target;
    }

    /** The number of input values. */
    public int inputSize() {
        return rows.inputSize();
    }

    /** The number of target values. */
    public int targetSize() {
        return rows.targetSize();
    }

    void writeInput(double[] into, int offset) {
        rows.writeInput(row, into, offset);
    }

    void writeTarget(double[] into, int offset) {
        rows.writeTarget(row, into, offset);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sample that
                && Arrays.equals(input(), that.input()) && Arrays.equals(target(), that.target());
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(input()) + Arrays.hashCode(target());
    }

    @Override
    public String toString() {
        return "Sample[input=" + Arrays.toString(input()) + ", target=" + Arrays.toString(target()) + "]";
    }

    /** The one row of a sample that holds its own values. */
    private record Own(double[] input, double[] target) implements SampleRows {

        @Override
        public int size() {
            return 1;
        }

        @Override
        public int inputSize() {
            return input.length;
        }

        @Override
        public int targetSize() {
            return target.length;
        }

        @Override
        public void writeInput(int x, double[] into, int offset) {
            System.arraycopy(input, 0, into, offset, input.length);
        }

        @Override
        public void writeTarget(int x, double[] into, int offset) {
            System.arraycopy(target, 0, into, offset, target.length);
        }
    }
}
