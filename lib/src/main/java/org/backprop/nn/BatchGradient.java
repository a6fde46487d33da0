package org.backprop.nn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The gradient of the mean error over a batch of m samples, for all samples at once: every
 * matrix has one column per sample (Nielsen's "fully matrix-based approach" over a mini-batch).
 *
 * <pre>
 *   Out⁰ = X                                  (inputs × m: sample x in column x)
 *   Netˡ = Wˡ Outˡ⁻¹ + bˡ 1ᵀ,  Outˡ = f(Netˡ)
 *   Δᴸ = ∇ₒᵤₜ E ⊙ f′(Netᴸ)                    (BP1, column by column)
 *   Δˡ = ((Wˡ⁺¹)ᵀ Δˡ⁺¹) ⊙ f′(Netˡ)            (BP2)
 *   ∂Ē/∂bˡ = (1/m) Δˡ 1   (a shared bias: the sum of that column)        (BP3)
 *   ∂Ē/∂Wˡ = (1/m) Δˡ (Outˡ⁻¹)ᵀ               (BP4)
 * </pre>
 *
 * Ē = (1/m) Σₓ E_total(x) is the mean error. The same code computes {@link BackwardPass}, so for
 * one sample the gradients are equal to the last bit.
 */
public final class BatchGradient {

    private final Backprop core;

    private BatchGradient(Backprop core) {
        this.core = core;
    }

    /**
     * The gradient of the mean error of {@code network} over {@code samples}, computed with the
     * network's current weights.
     */
    public static BatchGradient of(Network network, List<Sample> samples) {
        Require.present("network", network);
        network.checkSamples(samples);
        Memory.requireBatch(network, samples.size());
        Backprop core = new Backprop(network.sizes(), samples.size());
        int[] order = new int[samples.size()];
        java.util.Arrays.setAll(order, x -> x);
        core.load(samples, samples instanceof SampleRows rows ? rows : null, order, 0, samples.size());
        core.forward(network.layers(), network.loss());
        core.backward(network.layers(), network.loss());
        return new BatchGradient(core);
    }

    /** m, the number of samples in the batch. */
    public int size() {
        return core.size();
    }

    /** The number of layers with weights, L. */
    public int depth() {
        return core.depth();
    }

    /** Ē = (1/m) Σₓ E_total(x), with the weights the gradient was computed at. */
    public double meanError() {
        return core.errorSum() / size();
    }

    /** A copy of Outˡ: neuron j's output for sample x in row j, column x (Out⁰ = X). */
    public DMatrixRMaj outs(int l) {
        return columns(core.out[check(l, 0)]);
    }

    /** A copy of Δˡ: δˡⱼ for sample x in row j, column x. */
    public DMatrixRMaj deltas(int l) {
        return columns(core.delta[check(l, 1)]);
    }

    /** Rows per sample as Nielsen's matrix with one column per sample. */
    private DMatrixRMaj columns(double[][] rows) {
        DMatrixRMaj matrix = new DMatrixRMaj(rows[0].length, size());
        for (int x = 0; x < size(); x++) {
            for (int j = 0; j < rows[x].length; j++) {
                matrix.set(j, x, rows[x][j]);
            }
        }
        return matrix;
    }

    /** A copy of ∂Ē/∂Wˡ = (1/m) Δˡ (Outˡ⁻¹)ᵀ, shaped like Wˡ. */
    public DMatrixRMaj weightGradients(int l) {
        return new DMatrixRMaj(core.weightGradient[check(l, 1)]);
    }

    /** A copy of ∂Ē/∂bˡ as a column vector. */
    public DMatrixRMaj biasGradients(int l) {
        double[] gradient = core.biasGradient[check(l, 1)];
        return new DMatrixRMaj(gradient.length, 1, true, gradient);
    }

    /** ‖∂Ē/∂Wˡ‖, the Frobenius norm: √(Σⱼₖ (∂Ē/∂Wˡⱼₖ)²). */
    public double weightGradientNorm(int l) {
        return core.weightGradientNorm(check(l, 1));
    }

    /**
     * The size of the delta one sample brings to layer l, averaged over the samples:
     * (1/m) Σₓ ‖δˡₓ‖, with ‖δˡₓ‖ = √(Σⱼ (δˡⱼ)²) the Euclidean norm of column x of Δˡ. Unlike
     * {@link #weightGradientNorm}, no cancellation between samples: it measures how much of the
     * error signal BP2 carries back to the layer.
     */
    public double deltaNorm(int l) {
        double[][] delta = core.delta[check(l, 1)];
        double sum = 0;
        for (int x = 0; x < size(); x++) {
            sum += Kernels.norm(delta[x]);
        }
        return sum / size();
    }

    /**
     * The size of one sample's weight gradient, averaged over the samples:
     * (1/m) Σₓ ‖∂Eₓ/∂Wˡ‖ = (1/m) Σₓ ‖δˡₓ‖ ‖outˡ⁻¹ₓ‖ (BP4 for one sample is the outer product
     * δˡₓ (outˡ⁻¹ₓ)ᵀ, whose Frobenius norm is the product of the two norms). It is at least
     * {@link #weightGradientNorm}, the norm of the mean; the ratio says how much the samples'
     * gradients cancel in the mean.
     */
    public double sampleWeightGradientNorm(int l) {
        double[][] delta = core.delta[check(l, 1)];
        double[][] in = core.out[l - 1];
        double sum = 0;
        for (int x = 0; x < size(); x++) {
            sum += Kernels.norm(delta[x]) * Kernels.norm(in[x]);
        }
        return sum / size();
    }

    private int check(int l, int lowest) {
        if (l < lowest || l > depth()) {
            throw new IllegalArgumentException(
                    "layer must be between " + lowest + " and " + depth() + ", but was " + l);
        }
        return l;
    }

    @Override
    public String toString() {
        return "BatchGradient[" + size() + " samples, mean E_total " + meanError() + "]";
    }
}
