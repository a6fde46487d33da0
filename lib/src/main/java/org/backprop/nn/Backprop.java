package org.backprop.nn;

import java.util.List;

/**
 * Backpropagation for a batch of m samples, written once (Nielsen's BP1–BP4); one sample is a
 * batch of one. Row x of every buffer belongs to sample x: Nielsen's columns, stored as rows.
 *
 * <pre>
 *   outˡ⁰ = input;  netˡ = Wˡ outˡ⁻¹ + bˡ,  outˡ = f(netˡ)          (feedforward)
 *   δᴸ = ∂E/∂outᴸ ⊙ f′(netᴸ)                                        (BP1)
 *   δˡ⁻¹ = ((Wˡ)ᵀ δˡ) ⊙ f′(netˡ⁻¹)                                   (BP2)
 *   ∂Ē/∂bˡ = (1/m) Σₓ δˡₓ      (a shared bias: summed over its layer)  (BP3)
 *   ∂Ē/∂Wˡ = (1/m) Σₓ δˡₓ (outˡ⁻¹ₓ)ᵀ                                  (BP4)
 * </pre>
 *
 * <p>The buffers are allocated once, for up to {@link #capacity} samples, and reused batch after
 * batch by the training loop; {@link ForwardPass}, {@link BackwardPass} and {@link BatchGradient}
 * each own one and never run it again, which makes them records of what happened. A backward
 * pass may start from another core's forward pass ({@link #Backprop(Backprop)}), so several
 * backward passes can share one forward pass without copying it.
 */
final class Backprop {

    private final int[] sizes;
    final int capacity;
    private int size;

    /** out[0] = the inputs, out[l] = f(net[l]); row x = sample x. */
    final double[][][] out;
    final double[][][] net;
    final double[][][] outDerivative;
    final double[][] target;
    /** E_total of each sample. */
    final double[] totalError;
    /** The inputs by columns, inputColumns[k][x], for layer 1 of a batch of at least COLUMN_BATCH. */
    private final double[][] inputColumns;
    private final double[][] scratch;

    final double[][][] outGradient;
    final double[][][] delta;
    final double[][][] weightGradient;
    final double[][] biasGradient;

    /** Buffers for batches of up to {@code capacity} samples through layers of the given sizes. */
    Backprop(int[] sizes, int capacity) {
        this.sizes = sizes.clone();
        this.capacity = capacity;
        int depth = sizes.length - 1;
        this.out = new double[depth + 1][][];
        this.net = new double[depth + 1][][];
        this.outDerivative = new double[depth + 1][][];
        out[0] = new double[capacity][sizes[0]];
        for (int l = 1; l <= depth; l++) {
            out[l] = new double[capacity][sizes[l]];
            net[l] = new double[capacity][sizes[l]];
            outDerivative[l] = new double[capacity][sizes[l]];
        }
        this.target = new double[capacity][sizes[depth]];
        this.totalError = new double[capacity];
        boolean columns = capacity >= Kernels.COLUMN_BATCH && capacity <= Kernels.COLUMN_BATCH_MAX;
        this.inputColumns = columns ? new double[sizes[0]][capacity] : null;
        this.scratch = columns ? new double[4][capacity] : null;
        this.outGradient = new double[depth + 1][][];
        this.delta = new double[depth + 1][][];
        this.weightGradient = new double[depth + 1][][];
        this.biasGradient = new double[depth + 1][];
        allocateBackward();
    }

    /** A backward pass that starts from {@code forward}'s forward pass, with buffers of its own. */
    Backprop(Backprop forward) {
        this.sizes = forward.sizes;
        this.capacity = forward.capacity;
        this.size = forward.size;
        this.out = forward.out;
        this.net = forward.net;
        this.outDerivative = forward.outDerivative;
        this.target = forward.target;
        this.totalError = forward.totalError;
        this.inputColumns = null;
        this.scratch = null;
        int depth = sizes.length - 1;
        this.outGradient = new double[depth + 1][][];
        this.delta = new double[depth + 1][][];
        this.weightGradient = new double[depth + 1][][];
        this.biasGradient = new double[depth + 1][];
        allocateBackward();
    }

    private void allocateBackward() {
        for (int l = 1; l < sizes.length; l++) {
            outGradient[l] = new double[capacity][sizes[l]];
            delta[l] = new double[capacity][sizes[l]];
            weightGradient[l] = new double[sizes[l]][sizes[l - 1]];
            biasGradient[l] = new double[sizes[l]];
        }
    }

    /** m, the number of samples in the batch now loaded. */
    int size() {
        return size;
    }

    /** The number of layers with weights, L. */
    int depth() {
        return sizes.length - 1;
    }

    /** Loads one sample as a batch of one. */
    void load(Sample sample) {
        sample.writeInput(out[0][0], 0);
        sample.writeTarget(target[0], 0);
        size = 1;
    }

    /**
     * Loads samples {@code order[from]} … {@code order[from + m − 1]} as the batch: straight from
     * the data set's rows when it keeps them ({@code rows} not null), else sample by sample.
     */
    void load(List<Sample> samples, SampleRows rows, int[] order, int from, int m) {
        for (int x = 0; x < m; x++) {
            int row = order[from + x];
            if (rows != null) {
                rows.writeInput(row, out[0][x], 0);
                rows.writeTarget(row, target[x], 0);
            } else {
                Sample sample = samples.get(row);
                sample.writeInput(out[0][x], 0);
                sample.writeTarget(target[x], 0);
            }
        }
        size = m;
        if (usesColumns()) {
            for (int x = 0; x < m; x++) {
                double[] input = out[0][x];
                for (int k = 0; k < input.length; k++) {
                    inputColumns[k][x] = input[k];
                }
            }
        }
    }

    private boolean usesColumns() {
        return inputColumns != null && size >= Kernels.COLUMN_BATCH;
    }

    /**
     * The feedforward through {@code layers}: netˡ, outˡ and f′(netˡ) of every layer, then
     * E_total of every sample.
     */
    void forward(Layer[] layers, Loss loss) {
        for (int l = 1; l <= depth(); l++) {
            forward(l, layers[l - 1], 0, sizes[l]);
        }
        int outputs = sizes[depth()];
        double[][] outputOut = out[depth()];
        for (int x = 0; x < size; x++) {
            double total = 0;
            for (int j = 0; j < outputs; j++) {
                total += loss.error(target[x][j], outputOut[x][j]);
            }
            totalError[x] = total;
        }
    }

    /** netˡ, outˡ = f(netˡ) and f′(netˡ) for neurons j0 ≤ j &lt; j1 of layer l. */
    void forward(int l, Layer layer, int j0, int j1) {
        if (l == 1 && usesColumns()) {
            Kernels.netFromColumns(inputColumns, layer.weights, layer.biases, net[1], size, j0, j1, scratch);
        } else {
            Kernels.net(out[l - 1], layer.weights, layer.biases, net[l], size, j0, j1);
        }
        Activation activation = layer.activation();
        for (int x = 0; x < size; x++) {
            activation.apply(net[l][x], out[l][x], outDerivative[l][x], j0, j1);
        }
    }

    /** Σₓ E_total(x), added sample by sample in batch order. */
    double errorSum() {
        double sum = 0;
        for (int x = 0; x < size; x++) {
            sum += totalError[x];
        }
        return sum;
    }

    /** The whole backward pass through the weights of {@code layers}: BP1, then BP4, BP3 and BP2 from L down. */
    void backward(Layer[] layers, Loss loss) {
        outputDelta(loss);
        for (int l = depth(); l >= 1; l--) {
            gradients(l, layers[l - 1]);
            if (l > 1) {
                propagate(l, layers[l - 1]);
            }
        }
    }

    /** BP1: ∂E/∂outᴸ from the loss, and δᴸ = ∂E/∂outᴸ ⊙ f′(netᴸ). */
    void outputDelta(Loss loss) {
        int depth = depth();
        for (int x = 0; x < size; x++) {
            double[] gradient = outGradient[depth][x];
            for (int j = 0; j < gradient.length; j++) {
                gradient[j] = loss.derivative(target[x][j], out[depth][x][j]);
                delta[depth][x][j] = gradient[j] * outDerivative[depth][x][j];
            }
        }
    }

    /** BP4 and BP3 for layer l, from δˡ. */
    void gradients(int l, Layer layer) {
        gradients(l, layer, 0, sizes[l]);
        Kernels.biasGradient(layer.bias(), delta[l], biasGradient[l], size);
    }

    /** BP4 for neurons j0 ≤ j &lt; j1 of layer l. */
    void gradients(int l, Layer layer, int j0, int j1) {
        Kernels.weightGradient(delta[l], out[l - 1], weightGradient[l], size, j0, j1);
    }

    /** BP2: δˡ⁻¹ = ((Wˡ)ᵀ δˡ) ⊙ f′(netˡ⁻¹), through {@code layer}'s current weights. */
    void propagate(int l, Layer layer) {
        Kernels.backThrough(delta[l], layer.weights, outGradient[l - 1], 0, size);
        for (int x = 0; x < size; x++) {
            double[] gradient = outGradient[l - 1][x];
            double[] derivative = outDerivative[l - 1][x];
            double[] d = delta[l - 1][x];
            for (int k = 0; k < d.length; k++) {
                d[k] = gradient[k] * derivative[k];
            }
        }
    }

    /** ‖∂Ē/∂Wˡ‖, the Frobenius norm. */
    double weightGradientNorm(int l) {
        return Kernels.norm(weightGradient[l]);
    }
}
