package org.backprop.nn;

/**
 * The squashing function a neuron applies to its total net input: {@code out = f(net)}.
 *
 * <p>Each constant also knows its derivative {@code ∂out/∂net = f'(net)}, the factor the chain
 * rule multiplies in at every neuron (Nielsen's σ′(z)). All but {@link #SOFTMAX} act on each
 * neuron alone; softmax needs its whole layer, so a network allows it only in the output layer.
 */
public enum Activation {
    /** Logistic function σ(net) = 1 / (1 + e^−net); σ′ = out·(1 − out). Outputs stay in (0, 1). */
    SIGMOID("sigmoid", "\\sigma") {
        @Override
        public double apply(double net) {
            return 1.0 / (1.0 + Math.exp(-net));
        }

        @Override
        public double derivative(double net, double out) {
            return out * (1.0 - out);
        }
    },
    /** Hyperbolic tangent tanh(net); tanh′ = 1 − out². Outputs stay in (−1, 1). */
    TANH("tanh", "\\tanh") {
        @Override
        public double apply(double net) {
            return Math.tanh(net);
        }

        @Override
        public double derivative(double net, double out) {
            return 1.0 - out * out;
        }
    },
    /** Rectified linear unit max(0, net); its derivative is 1 for net &gt; 0, else 0. */
    RELU("ReLU", "\\mathrm{ReLU}") {
        @Override
        public double apply(double net) {
            return Math.max(0.0, net);
        }

        @Override
        public double derivative(double net, double out) {
            return net > 0 ? 1.0 : 0.0;
        }
    },
    /**
     * Leaky rectified linear unit: out = net for net &gt; 0, else 0.01·net; its derivative is 1
     * for net &gt; 0, else 0.01, so a neuron with negative net still passes δ back (Maas, Hannun
     * &amp; Ng 2013, "Rectifier Nonlinearities Improve Neural Network Acoustic Models").
     */
    LEAKY_RELU("leaky ReLU", "\\mathrm{LeakyReLU}") {
        @Override
        public double apply(double net) {
            return net > 0 ? net : 0.01 * net;
        }

        @Override
        public double derivative(double net, double out) {
            return net > 0 ? 1.0 : 0.01;
        }
    },
    /** Linear unit: out = net, derivative 1 (the "no activation" of the 2-2-1 linear example). */
    IDENTITY("identity", "\\mathrm{id}") {
        @Override
        public double apply(double net) {
            return net;
        }

        @Override
        public double derivative(double net, double out) {
            return 1.0;
        }
    },
    /**
     * Softmax over the whole layer: out_j = e^net_j / Σₖ e^net_k, so the outputs are positive and
     * add up to 1 (a probability for each class). Computed as e^(net_j − max) / Σₖ e^(net_k − max),
     * which is the same number but cannot overflow. Each out_j depends on every net_k:
     * ∂out_j/∂net_k = out_j (1[j = k] − out_k). {@link #derivative} gives the diagonal,
     * out_j (1 − out_j); backpropagation uses the whole Jacobian (see {@link Loss}).
     */
    SOFTMAX("softmax", "\\mathrm{softmax}") {
        @Override
        public double apply(double net) {
            throw new UnsupportedOperationException("softmax is a function of a whole layer, out_j = e^net_j / "
                    + "Σₖ e^net_k, and has no value for one net input alone: use apply(double[] net)");
        }

        @Override
        public double derivative(double net, double out) {
            return out * (1.0 - out);
        }

        @Override
        void apply(double[] net, double[] out, double[] derivative, int from, int to) {
            if (from != 0 || to != net.length) {
                throw new IllegalStateException("softmax needs the whole layer, but was given neurons " + from
                        + " … " + (to - 1) + " of " + net.length);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double value : net) {
                max = Math.max(max, value);
            }
            double sum = 0;
            for (int j = 0; j < net.length; j++) {
                out[j] = Math.exp(net[j] - max);
                sum += out[j];
            }
            for (int j = 0; j < net.length; j++) {
                out[j] /= sum;
                derivative[j] = derivative(net[j], out[j]);
            }
        }
    };

    private final String label;
    private final String latex;

    Activation(String label, String latex) {
        this.label = label;
        this.latex = latex;
    }

    /** {@code out = f(net)}. */
    public abstract double apply(double net);

    /**
     * {@code ∂out/∂net = f'(net)}. Both arguments are given because some derivatives are
     * cheapest in terms of the output (the sigmoid's out·(1 − out)).
     */
    public abstract double derivative(double net, double out);

    /**
     * out = f(net) of a whole layer: each neuron's f(net_j), or for softmax the layer's
     * probabilities. {@code net} must hold at least one value, all finite.
     */
    public double[] apply(double[] net) {
        double[] copy = Require.finiteVector("net", net);
        double[] out = new double[copy.length];
        apply(copy, out, new double[copy.length], 0, copy.length);
        return out;
    }

    /** Whether out_j depends on the other neurons' net inputs too (softmax), not on net_j alone. */
    boolean couplesLayer() {
        return this == SOFTMAX;
    }

    /**
     * out = f(net) and f′(net) for elements {@code from} … {@code to − 1}, in one pass (softmax:
     * the whole layer, from = 0 and to = its size).
     */
    void apply(double[] net, double[] out, double[] derivative, int from, int to) {
        for (int i = from; i < to; i++) {
            double o = apply(net[i]);
            out[i] = o;
            derivative[i] = derivative(net[i], o);
        }
    }

    /**
     * The activation with this name: its usual name as {@link #toString()} prints it ("ReLU",
     * "leaky ReLU") or its constant's name ("RELU", "LEAKY_RELU"), in any case, with a space or
     * an underscore between words.
     */
    public static Activation of(String name) {
        Require.present("name", name);
        String key = name.trim().replace(' ', '_');
        for (Activation activation : values()) {
            if (activation.name().equalsIgnoreCase(key) || activation.label.replace(' ', '_').equalsIgnoreCase(key)) {
                return activation;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Activation activation : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(activation.label);
        }
        throw new IllegalArgumentException("name must be one of " + known + " (or a constant's name such as "
                + "LEAKY_RELU), in any case, but was '" + name + "'");
    }

    /** The function's symbol in LaTeX, for derivations. */
    public String latex() {
        return latex;
    }

    /** Its usual name, for legends and tables: sigmoid, tanh, ReLU, leaky ReLU, identity, softmax. */
    @Override
    public String toString() {
        return label;
    }
}
