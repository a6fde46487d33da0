package org.backprop.rnn;

import org.backprop.nn.NumericalGradient;

/**
 * ∂E/∂θ for every parameter θ of an {@link ElmanNetwork}, in matrices of the parameters' shapes:
 * a gradient from {@link BackwardThroughTime}, one step's term of it, or a numerical estimate.
 * Immutable.
 */
public final class ElmanGradient {

    private final Parameters parameters;

    ElmanGradient(Parameters parameters) {
        this.parameters = parameters;
    }

    /**
     * The central- or forward-difference estimate of every entry of every parameter, with E the
     * total error of {@code network.forward(sequence)}: each entry nudged on its own, the others
     * as they are. Costs two forward passes per entry (central difference).
     */
    public static ElmanGradient numerical(ElmanNetwork network, Sequence sequence, NumericalGradient difference) {
        Check.present("network", network);
        Check.present("difference", difference);
        network.forward(sequence);
        Parameters estimate = network.parameters().zerosLike();
        for (Parameter p : Parameter.values()) {
            double[][] into = estimate.view(p);
            for (int j = 0; j < into.length; j++) {
                for (int k = 0; k < into[j].length; k++) {
                    int row = j;
                    int column = k;
                    into[j][k] = difference.of(value -> network.with(p, row, column, value).forward(sequence)
                            .totalError(), network.get(p, j, k), p + "[" + j + "][" + k + "]");
                }
            }
        }
        return new ElmanGradient(estimate);
    }

    /** ∂E/∂θ for one entry (row, column) of a parameter (column 0 for a bias). */
    public double get(Parameter parameter, int row, int column) {
        return parameters.get(parameter, row, column);
    }

    /** A copy of ∂E/∂θ for one whole parameter. */
    public double[][] get(Parameter parameter) {
        return parameters.get(parameter);
    }

    /** The number of rows of a parameter's matrix. */
    public int rows(Parameter parameter) {
        return parameters.rows(Check.present("parameter", parameter));
    }

    /** The number of columns of a parameter's matrix (1 for a bias). */
    public int columns(Parameter parameter) {
        return parameters.columns(Check.present("parameter", parameter));
    }

    /**
     * The global norm ‖g‖ = √(Σ_θ Σ_entries (∂E/∂θ)²), all parameters taken together as one
     * vector: the norm gradient clipping measures.
     */
    public double norm() {
        return parameters.norm();
    }

    /**
     * Gradient clipping by the global norm (Pascanu, Mikolov &amp; Bengio 2013, "On the
     * difficulty of training recurrent neural networks", ICML, algorithm 1): if ‖g‖ &gt; threshold,
     * g ← g · threshold / ‖g‖, which keeps the direction and shortens the step; a gradient whose
     * norm is at most the threshold is returned unchanged.
     */
    public ElmanGradient clipped(double threshold) {
        Check.positive("threshold", threshold);
        double norm = norm();
        return norm <= threshold ? this : new ElmanGradient(parameters.times(threshold / norm));
    }

    /**
     * The largest relative error |a − b| / max(|a|, |b|) over every entry of one parameter, with
     * a from this gradient and b from {@code other} (0 where both are 0).
     */
    public double relativeError(Parameter parameter, ElmanGradient other) {
        Check.present("parameter", parameter);
        Check.present("other", other);
        parameters.checkSizes("other", other.parameters);
        double[][] a = parameters.view(parameter);
        double[][] b = other.parameters.view(parameter);
        double largest = 0;
        for (int j = 0; j < a.length; j++) {
            for (int k = 0; k < a[j].length; k++) {
                double scale = Math.max(Math.abs(a[j][k]), Math.abs(b[j][k]));
                largest = Math.max(largest, scale == 0 ? 0 : Math.abs(a[j][k] - b[j][k]) / scale);
            }
        }
        return largest;
    }

    /** The largest relative error over every entry of every parameter (see {@link #relativeError}). */
    public double maxRelativeError(ElmanGradient other) {
        double largest = 0;
        for (Parameter p : Parameter.values()) {
            largest = Math.max(largest, relativeError(p, other));
        }
        return largest;
    }

    Parameters parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "Gradient of an Elman network " + parameters.sizes() + ", ‖∂E/∂θ‖ = " + norm();
    }
}
