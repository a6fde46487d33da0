package org.backprop.rnn;

import org.backprop.nn.Activation;
import org.backprop.nn.Loss;

/**
 * What the forward pass of an {@link ElmanNetwork} computed over a sequence, step by step: the
 * network unrolled in time. Every quantity is addressed by its time step t = 1 … length (h also
 * at t = 0, the start h_0 = 0). Immutable; accessors return copies.
 */
public final class ForwardThroughTime {

    private final ElmanNetwork network;
    private final Sequence sequence;
    /** h[t] for t = 0 … T; the others at index t − 1. */
    private final double[][] h;
    private final double[][] netH;
    private final double[][] netY;
    private final double[][] y;
    private final double[] errors;
    private final double totalError;

    ForwardThroughTime(ElmanNetwork network, Sequence sequence) {
        this.network = network;
        this.sequence = sequence;
        int length = sequence.length();
        h = new double[length + 1][];
        netH = new double[length][];
        netY = new double[length][];
        y = new double[length][];
        errors = new double[length];
        h[0] = new double[network.hidden()];
        double total = 0;
        for (int t = 1; t <= length; t++) {
            netH[t - 1] = network.hiddenNet(sequence.input(t), h[t - 1]);
            h[t] = Activation.TANH.apply(netH[t - 1]);
            netY[t - 1] = network.outputNet(h[t]);
            y[t - 1] = Activation.SOFTMAX.apply(netY[t - 1]);
            errors[t - 1] = Loss.CROSS_ENTROPY.error(sequence.target(t), y[t - 1]);
            total += errors[t - 1];
        }
        this.totalError = total;
    }

    /** The network that made this pass. */
    public ElmanNetwork network() {
        return network;
    }

    /** The sequence it ran over. */
    public Sequence sequence() {
        return sequence;
    }

    /** T, the number of time steps. */
    public int length() {
        return sequence.length();
    }

    /** x_t. */
    public double[] x(int t) {
        return sequence.input(t);
    }

    /** target_t. */
    public double[] target(int t) {
        return sequence.target(t);
    }

    /** h_t = tanh(net_h,t) for t = 1 … length; h_0 = 0. */
    public double[] h(int t) {
        return h[Check.step("t", t, length(), true)].clone();
    }

    /** net_h,t = W_xh x_t + W_hh h_{t−1} + b_h. */
    public double[] netH(int t) {
        return netH[Check.step("t", t, length(), false) - 1].clone();
    }

    /** net_y,t = W_hy h_t + b_y. */
    public double[] netY(int t) {
        return netY[Check.step("t", t, length(), false) - 1].clone();
    }

    /** y_t = softmax(net_y,t): a probability for each output. */
    public double[] y(int t) {
        return y[Check.step("t", t, length(), false) - 1].clone();
    }

    /** E_t = −Σ_j target_t,j ln y_t,j. */
    public double error(int t) {
        return errors[Check.step("t", t, length(), false) - 1];
    }

    /** E = Σ_t E_t. */
    public double totalError() {
        return totalError;
    }

    /**
     * The most probable output at every step, as characters (a sequence made from text) or as
     * indices separated by spaces.
     */
    public String predictions() {
        StringBuilder text = new StringBuilder();
        for (int t = 1; t <= length(); t++) {
            if (sequence.encoding().isPresent()) {
                text.append(sequence.encoding().get().decode(y[t - 1]));
            } else {
                text.append(t == 1 ? "" : " ").append(CharacterEncoding.largest(y[t - 1]));
            }
        }
        return text.toString();
    }

    /** Full backpropagation through time of E = Σ_t E_t (see {@link BackwardThroughTime}). */
    public BackwardThroughTime backward() {
        return new BackwardThroughTime(this, length(), false);
    }

    /**
     * Truncated backpropagation through time: the sequence is cut into pieces of
     * {@code truncation} steps (1 … k, k + 1 … 2k, …), and δ does not flow back across a cut,
     * while h did flow forward across it. A truncation of at least the length is full BPTT.
     */
    public BackwardThroughTime backward(int truncation) {
        Check.atLeast("truncation", truncation, 1);
        return new BackwardThroughTime(this, Math.min(truncation, length()), false);
    }

    /**
     * Full backpropagation of the last step's error E_T alone: ∂E_T/∂h_t shows how far back in
     * time the error at the end reaches (vanishing and exploding gradients).
     */
    public BackwardThroughTime backwardFromLastStep() {
        return new BackwardThroughTime(this, length(), true);
    }

    @Override
    public String toString() {
        return "Forward pass of " + network + " over " + length() + " steps: E = " + totalError;
    }
}
