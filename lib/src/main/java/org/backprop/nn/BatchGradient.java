package org.backprop.nn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

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
 * Ē = (1/m) Σₓ E_total(x) is the mean error. For one sample the gradients equal
 * {@link BackwardPass}'s.
 */
public final class BatchGradient {

    private final int size;
    private final double meanError;
    private final DMatrixRMaj[] out;
    private final DMatrixRMaj[] delta;
    private final DMatrixRMaj[] weightGradient;
    private final DMatrixRMaj[] biasGradient;

    BatchGradient(Layer[] layers, Loss loss, List<Sample> samples) {
        int depth = layers.length;
        this.size = samples.size();
        this.out = new DMatrixRMaj[depth + 1];
        this.delta = new DMatrixRMaj[depth + 1];
        this.weightGradient = new DMatrixRMaj[depth + 1];
        this.biasGradient = new DMatrixRMaj[depth + 1];
        DMatrixRMaj[] net = new DMatrixRMaj[depth + 1];
        out[0] = columns(samples, true);
        for (int l = 1; l <= depth; l++) {
            net[l] = layers[l - 1].net(out[l - 1]);
            out[l] = layers[l - 1].out(net[l]);
        }
        DMatrixRMaj target = columns(samples, false);
        DMatrixRMaj outGradient = new DMatrixRMaj(target.numRows, size);
        double totalError = 0;
        for (int i = 0; i < target.getNumElements(); i++) {
            totalError += loss.error(target.get(i), out[depth].get(i));
            outGradient.set(i, loss.derivative(target.get(i), out[depth].get(i)));
        }
        this.meanError = totalError / size;
        for (int l = depth; l >= 1; l--) {
            Layer layer = layers[l - 1];
            if (l < depth) {
                outGradient = new DMatrixRMaj(layer.size(), size);
                CommonOps_DDRM.multTransA(layers[l].weightsUncopied(), delta[l + 1], outGradient);
            }
            delta[l] = new DMatrixRMaj(layer.size(), size);
            CommonOps_DDRM.elementMult(outGradient, layer.outDerivative(net[l], out[l]), delta[l]);
            weightGradient[l] = new DMatrixRMaj(layer.size(), layer.inputs());
            CommonOps_DDRM.multTransB(1.0 / size, delta[l], out[l - 1], weightGradient[l]);
            biasGradient[l] = biasGradient(layer.bias(), delta[l]);
        }
    }

    /**
     * The gradient of the mean error of {@code network} over {@code samples}, computed with the
     * network's current weights.
     */
    public static BatchGradient of(Network network, List<Sample> samples) {
        Require.present("network", network);
        network.checkSamples(samples);
        return new BatchGradient(network.layers(), network.loss(), samples);
    }

    /** Inputs (or targets) as columns: row i, column x holds value i of sample x. */
    private static DMatrixRMaj columns(List<Sample> samples, boolean input) {
        int rows = input ? samples.get(0).inputSize() : samples.get(0).targetSize();
        DMatrixRMaj matrix = new DMatrixRMaj(rows, samples.size());
        for (int x = 0; x < samples.size(); x++) {
            for (int i = 0; i < rows; i++) {
                matrix.set(i, x, input ? samples.get(x).input()[i] : samples.get(x).target()[i]);
            }
        }
        return matrix;
    }

    /**
     * BP3 averaged over the m columns of Δ: ∂Ē/∂bⱼ = (1/m) Σₓ δⱼₓ; a shared bias gets the sum of
     * those over the layer, a layer without bias 0. For one column, BP3 itself.
     */
    static DMatrixRMaj biasGradient(Bias bias, DMatrixRMaj delta) {
        DMatrixRMaj perNeuron = new DMatrixRMaj(delta.numRows, 1);
        if (bias == Bias.NONE) {
            return perNeuron;
        }
        CommonOps_DDRM.sumRows(delta, perNeuron);
        CommonOps_DDRM.divide(perNeuron, delta.numCols);
        if (bias == Bias.SHARED) {
            CommonOps_DDRM.fill(perNeuron, CommonOps_DDRM.elementSum(perNeuron));
        }
        return perNeuron;
    }

    /** m, the number of samples in the batch. */
    public int size() {
        return size;
    }

    /** The number of layers with weights, L. */
    public int depth() {
        return delta.length - 1;
    }

    /** Ē = (1/m) Σₓ E_total(x), with the weights the gradient was computed at. */
    public double meanError() {
        return meanError;
    }

    /** A copy of Outˡ: neuron j's output for sample x in row j, column x (Out⁰ = X). */
    public DMatrixRMaj outs(int l) {
        return matrix(out, l, 0).copy();
    }

    /** A copy of Δˡ: δˡⱼ for sample x in row j, column x. */
    public DMatrixRMaj deltas(int l) {
        return matrix(delta, l, 1).copy();
    }

    /** A copy of ∂Ē/∂Wˡ = (1/m) Δˡ (Outˡ⁻¹)ᵀ, shaped like Wˡ. */
    public DMatrixRMaj weightGradients(int l) {
        return weightGradientsUncopied(l).copy();
    }

    /** A copy of ∂Ē/∂bˡ as a column vector. */
    public DMatrixRMaj biasGradients(int l) {
        return biasGradientsUncopied(l).copy();
    }

    /** ‖∂Ē/∂Wˡ‖, the Frobenius norm: √(Σⱼₖ (∂Ē/∂Wˡⱼₖ)²). */
    public double weightGradientNorm(int l) {
        return NormOps_DDRM.normF(weightGradientsUncopied(l));
    }

    DMatrixRMaj weightGradientsUncopied(int l) {
        return matrix(weightGradient, l, 1);
    }

    DMatrixRMaj biasGradientsUncopied(int l) {
        return matrix(biasGradient, l, 1);
    }

    private DMatrixRMaj matrix(DMatrixRMaj[] perLayer, int l, int lowest) {
        if (l < lowest || l > depth()) {
            throw new IllegalArgumentException(
                    "layer must be between " + lowest + " and " + depth() + ", but was " + l);
        }
        return perLayer[l];
    }

    @Override
    public String toString() {
        return "BatchGradient[" + size + " samples, mean E_total " + meanError + "]";
    }
}
