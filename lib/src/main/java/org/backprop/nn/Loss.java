package org.backprop.nn;

/** How far an output is from its target: the error E that backpropagation differentiates. */
public enum Loss {
    /**
     * Squared error E = ½ (target − out)² per output, summed over the outputs for E_total. The ½
     * cancels the 2 of the derivative: ∂E/∂out = −(target − out) — the −1 comes from the inner
     * derivative of (target − out) with respect to out.
     */
    SQUARED_ERROR {
        @Override
        public double error(double target, double out) {
            double difference = target - out;
            return 0.5 * difference * difference;
        }

        @Override
        public double derivative(double target, double out) {
            return -(target - out);
        }
    };

    /** The error of one output neuron, E_o. */
    public abstract double error(double target, double out);

    /** ∂E/∂out for one output neuron. */
    public abstract double derivative(double target, double out);
}
