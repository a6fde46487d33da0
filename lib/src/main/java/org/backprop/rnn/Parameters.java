package org.backprop.rnn;

import java.util.EnumMap;
import java.util.Map;

/**
 * Five matrices, one per {@link Parameter}, of the shapes an Elman network with the given sizes
 * needs: the weights of a network, or a gradient ∂E/∂θ of the same shapes. Never changed once
 * made; every operation returns a new set.
 */
final class Parameters {

    final int inputs;
    final int hidden;
    final int outputs;
    private final Map<Parameter, double[][]> values;

    private Parameters(int inputs, int hidden, int outputs, Map<Parameter, double[][]> values) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.outputs = outputs;
        this.values = values;
    }

    /** All zeros. */
    static Parameters zeros(int inputs, int hidden, int outputs) {
        Map<Parameter, double[][]> values = new EnumMap<>(Parameter.class);
        for (Parameter p : Parameter.values()) {
            values.put(p, new double[p.rows(hidden, outputs)][p.columns(inputs, hidden)]);
        }
        return new Parameters(inputs, hidden, outputs, values);
    }

    /** The given matrices, checked against the shapes and copied. */
    static Parameters of(int inputs, int hidden, int outputs, Map<Parameter, double[][]> given) {
        Map<Parameter, double[][]> values = new EnumMap<>(Parameter.class);
        for (Parameter p : Parameter.values()) {
            values.put(p, Check.matrix(p.name(), given.get(p), p.rows(hidden, outputs), p.columns(inputs, hidden)));
        }
        return new Parameters(inputs, hidden, outputs, values);
    }

    /** Sets with the same sizes share a shape. */
    Parameters zerosLike() {
        return zeros(inputs, hidden, outputs);
    }

    int rows(Parameter p) {
        return p.rows(hidden, outputs);
    }

    int columns(Parameter p) {
        return p.columns(inputs, hidden);
    }

    /** The entry (row, column) of p, after checking both indices. */
    double get(Parameter p, int row, int column) {
        checkEntry(p, row, column);
        return values.get(p)[row][column];
    }

    /** A copy of p's matrix. */
    double[][] get(Parameter p) {
        Check.present("parameter", p);
        double[][] matrix = values.get(p);
        double[][] copy = new double[matrix.length][];
        for (int j = 0; j < matrix.length; j++) {
            copy[j] = matrix[j].clone();
        }
        return copy;
    }

    /** The matrix itself, for loops in this package that only read it. */
    double[][] view(Parameter p) {
        return values.get(p);
    }

    /** The same set with one entry replaced. */
    Parameters with(Parameter p, int row, int column, double value) {
        checkEntry(p, row, column);
        Check.finite(p.name() + "[" + row + "][" + column + "]", value);
        Parameters copy = times(1);
        copy.values.get(p)[row][column] = value;
        return copy;
    }

    /** The same set with p's matrix replaced by a checked copy of {@code matrix}. */
    Parameters with(Parameter p, double[][] matrix) {
        Check.present("parameter", p);
        Parameters copy = times(1);
        copy.values.put(p, Check.matrix(p.name(), matrix, rows(p), columns(p)));
        return copy;
    }

    /** this + factor · other, entry by entry. */
    Parameters plus(Parameters other, double factor) {
        Parameters sum = zerosLike();
        for (Parameter p : Parameter.values()) {
            double[][] a = values.get(p);
            double[][] b = other.values.get(p);
            double[][] to = sum.values.get(p);
            for (int j = 0; j < a.length; j++) {
                for (int k = 0; k < a[j].length; k++) {
                    to[j][k] = a[j][k] + factor * b[j][k];
                }
            }
        }
        return sum;
    }

    /** factor · this. */
    Parameters times(double factor) {
        return zerosLike().plus(this, factor);
    }

    /**
     * √(Σ over every entry of every parameter of its square): the norm of the whole set as one
     * vector. Computed as m·√(Σ (v/m)²) with m the largest |v|, so that squares of large entries
     * cannot overflow.
     */
    double norm() {
        double largest = 0;
        for (double[][] matrix : values.values()) {
            for (double[] row : matrix) {
                for (double value : row) {
                    largest = Math.max(largest, Math.abs(value));
                }
            }
        }
        if (largest == 0 || !Double.isFinite(largest)) {
            return largest;
        }
        double squares = 0;
        for (double[][] matrix : values.values()) {
            for (double[] row : matrix) {
                for (double value : row) {
                    squares += (value / largest) * (value / largest);
                }
            }
        }
        return largest * Math.sqrt(squares);
    }

    /** Refuses a set of other sizes, naming it {@code parameter}. */
    void checkSizes(String parameter, Parameters other) {
        if (other.inputs != inputs || other.hidden != hidden || other.outputs != outputs) {
            throw new IllegalArgumentException(parameter + " must be for a network of " + sizes() + " (inputs-hidden-"
                    + "outputs), but was for " + other.sizes());
        }
    }

    /** inputs-hidden-outputs, e.g. 4-3-4. */
    String sizes() {
        return inputs + "-" + hidden + "-" + outputs;
    }

    private void checkEntry(Parameter p, int row, int column) {
        Check.present("parameter", p);
        if (row < 0 || row >= rows(p)) {
            throw new IllegalArgumentException("row must be between 0 and " + (rows(p) - 1) + " for " + p
                    + ", but was " + row);
        }
        if (column < 0 || column >= columns(p)) {
            throw new IllegalArgumentException("column must be between 0 and " + (columns(p) - 1) + " for " + p
                    + ", but was " + column);
        }
    }
}
