package org.backprop.rnn;

import org.backprop.nn.Activation;
import org.backprop.nn.Loss;

/**
 * Backpropagation through time (Werbos 1990, "Backpropagation through time: what it does and
 * how to do it", Proc. IEEE 78(10)): BP1–BP4 on the unrolled network, from the last step back
 * to the first. At every step t = T … 1:
 *
 * <pre>
 *   δy_t   = y_t − target_t                                  BP1, softmax with cross-entropy
 *   δh_t   = W_hyᵀ δy_t + W_hhᵀ δnet_{t+1}                   ∂E/∂h_t: h_t feeds y_t and h_{t+1}
 *   δnet_t = δh_t ⊙ (1 − h_t²)                               BP2, tanh′ = 1 − h²
 * </pre>
 *
 * (δnet_{T+1} = 0.) Every weight is used at every step, so its gradient is the sum of one term
 * per step, BP3 and BP4 of that step's copy:
 *
 * <pre>
 *   ∂E/∂W_hy = Σ_t δy_t h_tᵀ        ∂E/∂b_y = Σ_t δy_t
 *   ∂E/∂W_hh = Σ_t δnet_t h_{t−1}ᵀ   ∂E/∂W_xh = Σ_t δnet_t x_tᵀ   ∂E/∂b_h = Σ_t δnet_t
 * </pre>
 *
 * Truncated to k steps, the term W_hhᵀ δnet_{t+1} is left out where t is a multiple of k: the
 * sequence is cut into pieces of k steps that δ does not cross. From the last step only, δy_t
 * is 0 for every t &lt; T. Immutable; accessors return copies.
 */
public final class BackwardThroughTime {

    private final ForwardThroughTime forward;
    private final int truncation;
    private final boolean lastStepOnly;
    /** At index t − 1: δy_t, δh_t, δnet_t. */
    private final double[][] deltaY;
    private final double[][] deltaH;
    private final double[][] deltaNet;
    /** At index t − 1: step t's term of every parameter's gradient. */
    private final Parameters[] contributions;
    private final Parameters gradient;

    BackwardThroughTime(ForwardThroughTime forward, int truncation, boolean lastStepOnly) {
        this.forward = forward;
        this.truncation = truncation;
        this.lastStepOnly = lastStepOnly;
        ElmanNetwork network = forward.network();
        int length = forward.length();
        deltaY = new double[length][];
        deltaH = new double[length][];
        deltaNet = new double[length][];
        contributions = new Parameters[length];
        double[][] why = network.view(Parameter.W_hy);
        double[][] whh = network.view(Parameter.W_hh);
        for (int t = length; t >= 1; t--) {
            double[] h = forward.h(t);
            deltaY[t - 1] = lastStepOnly && t < length ? new double[network.outputs()]
                    : Loss.CROSS_ENTROPY.outputDelta(forward.target(t), forward.netY(t), Activation.SOFTMAX);
            double[] fromOutput = transposeTimes(why, deltaY[t - 1]);
            boolean cut = t == length || t % truncation == 0;
            double[] fromNext = cut ? new double[h.length] : transposeTimes(whh, deltaNet[t]);
            deltaH[t - 1] = new double[h.length];
            deltaNet[t - 1] = new double[h.length];
            double[] netH = forward.netH(t);
            for (int j = 0; j < h.length; j++) {
                deltaH[t - 1][j] = fromOutput[j] + fromNext[j];
                deltaNet[t - 1][j] = deltaH[t - 1][j] * Activation.TANH.derivative(netH[j], h[j]);
            }
            contributions[t - 1] = contribution(network, t);
        }
        Parameters sum = network.parameters().zerosLike();
        for (Parameters term : contributions) {
            sum = sum.plus(term, 1);
        }
        this.gradient = sum;
    }

    /** Step t's terms: BP4 δ·inᵀ and BP3 δ for both layers of the step's copy. */
    private Parameters contribution(ElmanNetwork network, int t) {
        Parameters term = network.parameters().zerosLike();
        double[] dy = deltaY[t - 1];
        double[] dnet = deltaNet[t - 1];
        outer(term.view(Parameter.W_hy), dy, forward.h(t));
        outer(term.view(Parameter.b_y), dy, new double[] {1});
        outer(term.view(Parameter.W_hh), dnet, forward.h(t - 1));
        outer(term.view(Parameter.W_xh), dnet, forward.x(t));
        outer(term.view(Parameter.b_h), dnet, new double[] {1});
        return term;
    }

    /** into = delta · inᵀ. */
    private static void outer(double[][] into, double[] delta, double[] in) {
        for (int j = 0; j < delta.length; j++) {
            for (int k = 0; k < in.length; k++) {
                into[j][k] = delta[j] * in[k];
            }
        }
    }

    /** Wᵀ δ. */
    private static double[] transposeTimes(double[][] weights, double[] delta) {
        double[] result = new double[weights[0].length];
        for (int j = 0; j < weights.length; j++) {
            for (int k = 0; k < result.length; k++) {
                result[k] += weights[j][k] * delta[j];
            }
        }
        return result;
    }

    /** The forward pass this backward pass started from. */
    public ForwardThroughTime forward() {
        return forward;
    }

    /** k, the length of the pieces δ flows back within; the sequence's length for full BPTT. */
    public int truncation() {
        return truncation;
    }

    /** Whether only the last step's error E_T was backpropagated. */
    public boolean lastStepOnly() {
        return lastStepOnly;
    }

    /** δy_t = ∂E/∂net_y,t = y_t − target_t (0 before the last step for {@link #lastStepOnly()}). */
    public double[] deltaY(int t) {
        return deltaY[step(t)].clone();
    }

    /** δh_t = ∂E/∂h_t = W_hyᵀ δy_t + W_hhᵀ δnet_{t+1}. */
    public double[] deltaH(int t) {
        return deltaH[step(t)].clone();
    }

    /** δnet_t = ∂E/∂net_h,t = δh_t ⊙ (1 − h_t²). */
    public double[] deltaNet(int t) {
        return deltaNet[step(t)].clone();
    }

    /** ‖∂E/∂h_t‖, the Euclidean norm of δh_t. */
    public double hiddenGradientNorm(int t) {
        double[] delta = deltaH[step(t)];
        double squares = 0;
        for (double d : delta) {
            squares += d * d;
        }
        return Math.sqrt(squares);
    }

    /** ∂E/∂θ for every parameter: the sum over t of {@link #contribution}. */
    public ElmanGradient gradient() {
        return new ElmanGradient(gradient);
    }

    /**
     * Step t's term of every parameter's gradient: δy_t h_tᵀ for W_hy, δnet_t h_{t−1}ᵀ for W_hh,
     * and so on. Adding the terms of t = 1 … T in this order gives {@link #gradient()}.
     */
    public ElmanGradient contribution(int t) {
        return new ElmanGradient(contributions[step(t)]);
    }

    private int step(int t) {
        return Check.step("t", t, forward.length(), false) - 1;
    }

    @Override
    public String toString() {
        return (lastStepOnly ? "Backpropagation of E_T" : truncation < forward.length()
                ? "Truncated backpropagation (k = " + truncation + ")" : "Backpropagation")
                + " through " + forward.length() + " steps: ‖∂E/∂θ‖ = " + gradient.norm();
    }
}
