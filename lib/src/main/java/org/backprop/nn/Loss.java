package org.backprop.nn;

/**
 * How far an output is from its target: the error E that backpropagation differentiates, and
 * where backpropagation starts (BP1, {@link #outputDelta}).
 *
 * <p>Each loss is a sum over the output neurons, E_total = Σⱼ E(targetⱼ, outⱼ). The two
 * cross-entropies go with one output activation each, the one whose derivative they cancel, so
 * that δᴸ = out − target (Nielsen, "Neural Networks and Deep Learning", ch. 3).
 */
public enum Loss {
    /**
     * Squared error E = ½ (target − out)² per output, summed over the outputs for E_total. The ½
     * cancels the 2 of the derivative: ∂E/∂out = −(target − out) — the −1 comes from the inner
     * derivative of (target − out) with respect to out. Works with every output activation.
     */
    SQUARED_ERROR("squared error", null) {
        @Override
        public double error(double target, double out) {
            double difference = target - out;
            return 0.5 * difference * difference;
        }

        @Override
        public double derivative(double target, double out) {
            return -(target - out);
        }
    },
    /**
     * Cross-entropy of a softmax output, E = −Σⱼ targetⱼ ln outⱼ (Nielsen's log-likelihood for a
     * one-hot target: −ln of the probability given to the right class). ∂E/∂outⱼ = −targetⱼ/outⱼ,
     * and through the softmax δⱼ = outⱼ − targetⱼ. Needs a softmax output layer and targets that
     * form a probability distribution (each in [0, 1], adding up to 1). A term whose target is 0
     * is 0, also where out is 0.
     */
    CROSS_ENTROPY("cross-entropy", Activation.SOFTMAX) {
        @Override
        public double error(double target, double out) {
            return target == 0 ? 0 : -target * Math.log(out);
        }

        @Override
        public double derivative(double target, double out) {
            return target == 0 ? 0 : -target / out;
        }
    },
    /**
     * Binary cross-entropy of sigmoid outputs, E = −[target ln out + (1 − target) ln(1 − out)] per
     * output (Nielsen's eq. 57 and 63). ∂E/∂out = −target/out + (1 − target)/(1 − out) =
     * (out − target) / (out (1 − out)), and σ′ = out (1 − out) cancels: δ = out − target. Needs
     * a sigmoid output layer and targets in [0, 1]. A term whose coefficient is 0 is 0.
     */
    BINARY_CROSS_ENTROPY("binary cross-entropy", Activation.SIGMOID) {
        @Override
        public double error(double target, double out) {
            double ofOne = target == 0 ? 0 : -target * Math.log(out);
            double ofZero = target == 1 ? 0 : -(1 - target) * Math.log(1 - out);
            return ofOne + ofZero;
        }

        @Override
        public double derivative(double target, double out) {
            double ofOne = target == 0 ? 0 : -target / out;
            double ofZero = target == 1 ? 0 : (1 - target) / (1 - out);
            return ofOne + ofZero;
        }
    };

    /** How far a distribution's sum may be from 1 for {@link #CROSS_ENTROPY}: rounding of a few additions. */
    private static final double SUM_TOLERANCE = 1e-9;

    private final String label;
    private final Activation output;

    Loss(String label, Activation output) {
        this.label = label;
        this.output = output;
    }

    /** The error of one output neuron, E_o. */
    public abstract double error(double target, double out);

    /** ∂E/∂out for one output neuron. */
    public abstract double derivative(double target, double out);

    /** E_total = Σⱼ E(targetⱼ, outⱼ) over the output neurons. */
    public double error(double[] target, double[] out) {
        checkPair(target, out);
        double total = 0;
        for (int j = 0; j < out.length; j++) {
            total += error(target[j], out[j]);
        }
        return total;
    }

    /**
     * BP1, δᴸ = ∂E/∂netᴸ of an output layer whose activation is {@code activation}:
     * <ul>
     * <li>out − target for a cross-entropy with its own activation (its derivative cancels);
     * <li>outⱼ (∂E/∂outⱼ − Σₖ outₖ ∂E/∂outₖ) through a softmax: the Jacobian
     *     ∂outₖ/∂netⱼ = outₖ (1[k = j] − outⱼ) applied to ∂E/∂out;
     * <li>∂E/∂outⱼ · f′(netⱼ) for the others, which act on each neuron alone.
     * </ul>
     *
     * @param target     the target of each output neuron
     * @param net        each output neuron's net input
     * @param activation the output layer's activation; it must suit this loss
     * @return δᴸ, one value per output neuron
     */
    public double[] outputDelta(double[] target, double[] net, Activation activation) {
        Require.present("activation", activation);
        checkActivation("activation", activation);
        double[] out = activation.apply(net);
        checkPair(target, out);
        checkTarget("target", target);
        double[] derivative = new double[out.length];
        for (int j = 0; j < out.length; j++) {
            derivative[j] = activation.derivative(net[j], out[j]);
        }
        double[] delta = new double[out.length];
        outputDelta(activation, target, out, derivative, new double[out.length], delta);
        return delta;
    }

    /** BP1 into the given rows: ∂E/∂outᴸ into {@code outGradient}, δᴸ into {@code delta} (see above). */
    void outputDelta(Activation activation, double[] target, double[] out, double[] outDerivative,
                     double[] outGradient, double[] delta) {
        for (int j = 0; j < out.length; j++) {
            outGradient[j] = derivative(target[j], out[j]);
        }
        if (output != null) {
            for (int j = 0; j < out.length; j++) {
                delta[j] = out[j] - target[j];
            }
        } else if (activation.couplesLayer()) {
            double weighted = 0;
            for (int k = 0; k < out.length; k++) {
                weighted += out[k] * outGradient[k];
            }
            for (int j = 0; j < out.length; j++) {
                delta[j] = out[j] * (outGradient[j] - weighted);
            }
        } else {
            for (int j = 0; j < out.length; j++) {
                delta[j] = outGradient[j] * outDerivative[j];
            }
        }
    }

    /**
     * Whether δᴸ = out − target: the output activation's derivative cancels against this loss's
     * (the cross-entropies), so BP1 needs neither ∂E/∂out nor f′.
     */
    public boolean cancelsOutputDerivative() {
        return output != null;
    }

    /**
     * Whether δᴸ of an output layer with {@code activation} is the product of the two factors
     * ∂E/∂out · f′(net), which a derivation can show one by one: not where this loss cancels f′,
     * nor through a softmax, whose outputs depend on each other's net inputs.
     */
    public boolean deltaIsChainProduct(Activation activation) {
        Require.present("activation", activation);
        return output == null && !activation.couplesLayer();
    }

    /** Whether this loss accepts only some targets (see {@link #checkTarget}). */
    boolean constrainsTargets() {
        return output != null;
    }

    /** Refuses an output activation this loss does not go with, naming {@code parameter}. */
    void checkActivation(String parameter, Activation activation) {
        if (output != null && activation != output) {
            throw new IllegalArgumentException(parameter + " must be " + output + " for the " + label
                    + " loss (its δ = out − target holds only there), but was " + activation
                    + (output == Activation.SOFTMAX ? "; use Loss.BINARY_CROSS_ENTROPY for sigmoid outputs"
                    : "; use Loss.CROSS_ENTROPY for a softmax output"));
        }
    }

    /**
     * Refuses targets this loss cannot take: for a cross-entropy, values outside [0, 1], and for
     * {@link #CROSS_ENTROPY} targets that do not add up to 1.
     */
    void checkTarget(String parameter, double[] target) {
        if (!constrainsTargets()) {
            return;
        }
        double sum = 0;
        for (int j = 0; j < target.length; j++) {
            if (!(target[j] >= 0 && target[j] <= 1)) {
                throw new IllegalArgumentException(parameter + "[" + j + "] must lie in [0, 1] for the " + label
                        + " loss, but was " + target[j]);
            }
            sum += target[j];
        }
        if (this == CROSS_ENTROPY && Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException(parameter + " must add up to 1 for the " + label
                    + " loss (a probability for each class, e.g. one-hot), but added up to " + sum);
        }
    }

    private static void checkPair(double[] target, double[] out) {
        Require.finiteVector("target", target);
        Require.finiteVector("out", out);
        Require.length("target", target.length, out.length, "output neuron");
    }

    /** Its usual name, for legends and tables: squared error, cross-entropy, binary cross-entropy. */
    @Override
    public String toString() {
        return label;
    }
}
