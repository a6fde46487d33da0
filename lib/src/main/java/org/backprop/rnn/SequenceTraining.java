package org.backprop.rnn;

/**
 * Gradient descent for an {@link ElmanNetwork} on one sequence: every epoch runs the forward pass
 * over the whole sequence, backpropagates through time (full, or truncated to k steps),
 * optionally clips the gradient by its global norm, and takes one step θ ← θ − η ∂E/∂θ. Nothing
 * is random: the seed of {@link ElmanNetwork#initialized} decides the run. Immutable:
 * {@code SequenceTraining.withLearningRate(0.1).clippedAt(5).train(network, sequence, 100)}.
 */
public final class SequenceTraining {

    private final double learningRate;
    /** The clipping threshold, or +∞ for none. */
    private final double threshold;
    /** k for truncated BPTT, or 0 for full. */
    private final int truncation;

    private SequenceTraining(double learningRate, double threshold, int truncation) {
        this.learningRate = learningRate;
        this.threshold = threshold;
        this.truncation = truncation;
    }

    /** Full BPTT, no clipping, learning rate η &gt; 0. */
    public static SequenceTraining withLearningRate(double learningRate) {
        return new SequenceTraining(Check.positive("learningRate", learningRate), Double.POSITIVE_INFINITY, 0);
    }

    /** The same training, clipping every gradient to a global norm of at most {@code threshold}. */
    public SequenceTraining clippedAt(double threshold) {
        return new SequenceTraining(learningRate, Check.positive("threshold", threshold), truncation);
    }

    /** The same training with truncated BPTT: δ flows back within pieces of {@code truncation} steps. */
    public SequenceTraining truncatedAt(int truncation) {
        return new SequenceTraining(learningRate, threshold, Check.atLeast("truncation", truncation, 1));
    }

    /** η. */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Trains a copy of {@code start} for {@code epochs} epochs (at least 1); {@code start} is
     * immutable and stays as it was.
     *
     * @throws ArithmeticException if E or ‖∂E/∂θ‖ is no longer a finite number (divergence)
     */
    public Run train(ElmanNetwork start, Sequence sequence, int epochs) {
        Check.present("start", start);
        start.forward(Check.present("sequence", sequence));
        Check.atLeast("epochs", epochs, 1);
        double[] errors = new double[epochs + 1];
        double[] norms = new double[epochs];
        ElmanNetwork network = start;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            ForwardThroughTime forward = network.forward(sequence);
            errors[epoch - 1] = finite("E", forward.totalError(), epoch);
            ElmanGradient gradient = (truncation == 0 ? forward.backward() : forward.backward(truncation)).gradient();
            norms[epoch - 1] = finite("‖∂E/∂θ‖", gradient.norm(), epoch);
            boolean clipping = threshold < Double.POSITIVE_INFINITY;
            network = network.step(clipping ? gradient.clipped(threshold) : gradient, learningRate);
        }
        errors[epochs] = finite("E", network.forward(sequence).totalError(), epochs + 1);
        return new Run(start, network, errors, norms);
    }

    private double finite(String what, double value, int epoch) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("training diverged: " + what + " = " + value + " after " + (epoch - 1)
                    + (epoch == 2 ? " epoch" : " epochs") + " (try a smaller learning rate than " + learningRate + ", or clipping)");
        }
        return value;
    }

    /** A finished run: the networks before and after, E after every epoch, ‖∂E/∂θ‖ at every epoch. */
    public static final class Run {
        private final ElmanNetwork start;
        private final ElmanNetwork end;
        private final double[] errors;
        private final double[] gradientNorms;

        private Run(ElmanNetwork start, ElmanNetwork end, double[] errors, double[] gradientNorms) {
            this.start = start;
            this.end = end;
            this.errors = errors;
            this.gradientNorms = gradientNorms;
        }

        /** The network before training. */
        public ElmanNetwork start() {
            return start;
        }

        /** The network after the last epoch. */
        public ElmanNetwork network() {
            return end;
        }

        /** The number of epochs run. */
        public int epochs() {
            return gradientNorms.length;
        }

        /** E = Σ_t E_t after {@code epoch} updates (epoch 0: before training). */
        public double error(int epoch) {
            if (epoch < 0 || epoch > epochs()) {
                throw new IllegalArgumentException("epoch must be between 0 and " + epochs() + ", but was " + epoch);
            }
            return errors[epoch];
        }

        /** E after every epoch, from epoch 0 (before training) to the last. */
        public double[] errors() {
            return errors.clone();
        }

        /** ‖∂E/∂θ‖ computed in {@code epoch} (1 … epochs), before any clipping. */
        public double gradientNorm(int epoch) {
            if (epoch < 1 || epoch > epochs()) {
                throw new IllegalArgumentException("epoch must be between 1 and " + epochs() + ", but was " + epoch);
            }
            return gradientNorms[epoch - 1];
        }

        @Override
        public String toString() {
            return "Run of " + epochs() + " epochs: E = " + errors[0] + " → " + errors[epochs()];
        }
    }
}
