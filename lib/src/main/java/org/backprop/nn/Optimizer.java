package org.backprop.nn;

import java.util.List;
import java.util.Objects;

/**
 * How a descent turns a gradient g = ∂E/∂w into a step of w: plain gradient descent, or a rule
 * that remembers earlier gradients in a state kept per parameter (a velocity, running means of
 * g and g²). Each rule below is written once, in {@link #update}, next to its state; a training
 * run allocates the state once, at rest (zeros, step count t = 0), and every update of that run
 * carries it on. η is the descent's learning rate at the update's epoch.
 *
 * <p>Immutable; compare with {@code equals}.
 */
public abstract class Optimizer {

    private final String name;
    private final List<String> state;

    private Optimizer(String name, List<String> state) {
        this.name = name;
        this.state = state;
    }

    /** Plain (stochastic) gradient descent, w ← w − η·g, without state. */
    public static Optimizer plain() {
        return Plain.INSTANCE;
    }

    /**
     * Polyak's heavy ball (1964), in the form of Sutskever et al. (2013), eq. 1–2:
     * v ← μ·v − η·g, w ← w + v. A velocity v per parameter, 0 at the start; 0 ≤ μ &lt; 1.
     */
    public static Optimizer momentum(double momentum) {
        return new Momentum(fraction("momentum", momentum));
    }

    /**
     * Nesterov's accelerated gradient (Nesterov 1983; Sutskever et al. 2013, eq. 3–4:
     * v ← μ·v − η·∇E(w + μ·v), w ← w + v), in the form of Bengio, Boulanger-Lewandowski and
     * Pascanu (2013, eq. 6–7) that keeps the look-ahead point w + μ·v as the weights, so the
     * gradient g is the one backprop computes at the network's weights: v ← μ·v − η·g,
     * w ← w + μ·v − η·g (with the new v). 0 ≤ μ &lt; 1.
     */
    public static Optimizer nesterov(double momentum) {
        return new Nesterov(fraction("momentum", momentum));
    }

    /**
     * RMSProp (Tieleman and Hinton 2012, lecture 6.5): a running mean of squared gradients
     * s ← ρ·s + (1 − ρ)·g², then w ← w − η·g / (√s + ε). 0 ≤ ρ &lt; 1, ε &gt; 0.
     */
    public static Optimizer rmsProp(double decay, double epsilon) {
        return new RmsProp(fraction("decay", decay), Require.positive("epsilon", epsilon));
    }

    /** RMSProp with ρ = 0.9 (the lecture's) and ε = 10⁻⁸. */
    public static Optimizer rmsProp() {
        return rmsProp(0.9, 1e-8);
    }

    /**
     * Adam (Kingma and Ba 2015, Algorithm 1): t ← t + 1, m ← β₁·m + (1 − β₁)·g,
     * v ← β₂·v + (1 − β₂)·g², m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ), w ← w − η·m̂ / (√v̂ + ε);
     * t counts the updates of the run. 0 ≤ β₁, β₂ &lt; 1, ε &gt; 0.
     */
    public static Optimizer adam(double beta1, double beta2, double epsilon) {
        return new Adam(fraction("beta1", beta1), fraction("beta2", beta2), Require.positive("epsilon", epsilon));
    }

    /** Adam with the paper's defaults β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸. */
    public static Optimizer adam() {
        return adam(0.9, 0.999, 1e-8);
    }

    /** The rule's short name: "SGD", "momentum", "Nesterov", "RMSProp" or "Adam". */
    public String name() {
        return name;
    }

    /** The names of the state it keeps per parameter, in order: none, [v], [s] or [m, v]. */
    public List<String> state() {
        return state;
    }

    /** Whether this is plain gradient descent, w ← w − η·g. */
    public boolean isPlain() {
        return this == Plain.INSTANCE;
    }

    /**
     * One update of a row of parameters: next[k] is the new value of w[k], whose gradient is
     * g[k]; s1 and s2 hold the row's state (null where the rule keeps less) and are updated in
     * place; {@code rate} is η and {@code t} the number of this update in the run, 1 for the
     * first.
     */
    abstract void update(double[] w, double[] g, double[] next, double[] s1, double[] s2, double rate, long t);

    private static double fraction(String parameter, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(parameter + " must be at least 0 and less than 1, but was " + value);
        }
        return value;
    }

    private static final class Plain extends Optimizer {
        static final Plain INSTANCE = new Plain();

        private Plain() {
            super("SGD", List.of());
        }

        @Override
        void update(double[] w, double[] g, double[] next, double[] s1, double[] s2, double rate, long t) {
            for (int k = 0; k < next.length; k++) {
                next[k] = w[k] - rate * g[k];
            }
        }

        @Override
        public String toString() {
            return "SGD";
        }
    }

    private static final class Momentum extends Optimizer {
        private final double mu;

        Momentum(double mu) {
            super("momentum", List.of("v"));
            this.mu = mu;
        }

        @Override
        void update(double[] w, double[] g, double[] next, double[] v, double[] unused, double rate, long t) {
            for (int k = 0; k < next.length; k++) {
                v[k] = mu * v[k] - rate * g[k];
                next[k] = w[k] + v[k];
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Momentum that && Double.compare(mu, that.mu) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(mu);
        }

        @Override
        public String toString() {
            return "momentum (μ = " + mu + ")";
        }
    }

    private static final class Nesterov extends Optimizer {
        private final double mu;

        Nesterov(double mu) {
            super("Nesterov", List.of("v"));
            this.mu = mu;
        }

        @Override
        void update(double[] w, double[] g, double[] next, double[] v, double[] unused, double rate, long t) {
            for (int k = 0; k < next.length; k++) {
                double step = rate * g[k];
                v[k] = mu * v[k] - step;
                next[k] = w[k] + mu * v[k] - step;
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Nesterov that && Double.compare(mu, that.mu) == 0;
        }

        @Override
        public int hashCode() {
            return 31 * Double.hashCode(mu) + 1;
        }

        @Override
        public String toString() {
            return "Nesterov (μ = " + mu + ")";
        }
    }

    private static final class RmsProp extends Optimizer {
        private final double rho;
        private final double epsilon;

        RmsProp(double rho, double epsilon) {
            super("RMSProp", List.of("s"));
            this.rho = rho;
            this.epsilon = epsilon;
        }

        @Override
        void update(double[] w, double[] g, double[] next, double[] s, double[] unused, double rate, long t) {
            for (int k = 0; k < next.length; k++) {
                s[k] = rho * s[k] + (1 - rho) * g[k] * g[k];
                next[k] = w[k] - rate * g[k] / (Math.sqrt(s[k]) + epsilon);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RmsProp that && Double.compare(rho, that.rho) == 0
                    && Double.compare(epsilon, that.epsilon) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(rho, epsilon);
        }

        @Override
        public String toString() {
            return "RMSProp (ρ = " + rho + ", ε = " + epsilon + ")";
        }
    }

    private static final class Adam extends Optimizer {
        private final double beta1;
        private final double beta2;
        private final double epsilon;

        Adam(double beta1, double beta2, double epsilon) {
            super("Adam", List.of("m", "v"));
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
        }

        @Override
        void update(double[] w, double[] g, double[] next, double[] m, double[] v, double rate, long t) {
            double firstCorrection = 1 - Math.pow(beta1, t);
            double secondCorrection = 1 - Math.pow(beta2, t);
            for (int k = 0; k < next.length; k++) {
                m[k] = beta1 * m[k] + (1 - beta1) * g[k];
                v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k];
                next[k] = w[k] - rate * (m[k] / firstCorrection) / (Math.sqrt(v[k] / secondCorrection) + epsilon);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Adam that && Double.compare(beta1, that.beta1) == 0
                    && Double.compare(beta2, that.beta2) == 0 && Double.compare(epsilon, that.epsilon) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(beta1, beta2, epsilon);
        }

        @Override
        public String toString() {
            return "Adam (β₁ = " + beta1 + ", β₂ = " + beta2 + ", ε = " + epsilon + ")";
        }
    }
}
