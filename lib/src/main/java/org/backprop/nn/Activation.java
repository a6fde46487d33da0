package org.backprop.nn;

/**
 * The squashing function a neuron applies to its total net input: {@code out = f(net)}.
 *
 * <p>Each constant also knows its derivative {@code ∂out/∂net = f'(net)}, the factor the chain
 * rule multiplies in at every neuron (Nielsen's σ′(z)).
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

    /** out = f(net) and f′(net) for elements {@code from} … {@code to − 1}, in one pass. */
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

    /** Its usual name, for legends and tables: sigmoid, tanh, ReLU, leaky ReLU, identity. */
    @Override
    public String toString() {
        return label;
    }
}
