package org.backprop.nn;

import java.util.List;

/**
 * Backpropagation for a batch of m samples, written once (Nielsen's BP1–BP4); one sample is a
 * batch of one. Row x of every buffer belongs to sample x: Nielsen's columns, stored as rows.
 *
 * <pre>
 *   outˡ⁰ = input;  netˡ = Wˡ outˡ⁻¹ + bˡ,  outˡ = f(netˡ)          (feedforward)
 *   δᴸ = ∂E/∂outᴸ ⊙ f′(netᴸ)   (softmax, cross-entropy: see Loss)    (BP1)
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
    /** Four rows of at least m values per thread, for the net input from columns. */
    private final double[][][] scratch;

    final double[][][] outGradient;
    final double[][][] delta;
    final double[][][] weightGradient;
    /** Σₖ (∂Ē/∂Wˡⱼₖ)² of every row j, for the norm. */
    private final double[][] gradientRowSquares;
    final double[][] biasGradient;

    /** The loops shared out between threads, made once; {@link #layers} and {@link #layer} say what they work on. */
    private final Parallel.Rows loadRows = this::loadRows;
    private final Parallel.Rows forwardRows = this::forwardRows;
    private final Parallel.Rows gradientRows = this::gradientRows;

    private Layer[] layers;
    private int layer;
    private List<Sample> loading;
    private SampleRows loadingRows;
    private int[] order;
    private int orderFrom;
    /** Whether the threads share the forward pass's samples (else its neurons). */
    private boolean splitSamples;

    /** Buffers for batches of up to {@code capacity} samples through layers of the given sizes. */
    Backprop(int[] sizes, int capacity) {
        this(sizes.clone(), capacity, rows(sizes, capacity, 0), rows(sizes, capacity, 1), rows(sizes, capacity, 1),
                new double[capacity][sizes[sizes.length - 1]], new double[capacity], 0,
                capacity >= Kernels.COLUMN_BATCH && capacity <= Kernels.COLUMN_BATCH_MAX);
    }

    /** A backward pass that starts from {@code forward}'s forward pass, with buffers of its own. */
    Backprop(Backprop forward) {
        this(forward.sizes, forward.capacity, forward.out, forward.net, forward.outDerivative, forward.target,
                forward.totalError, forward.size, false);
    }

    /** The given forward buffers, new backward buffers, and input columns if {@code columns}. */
    private Backprop(int[] sizes, int capacity, double[][][] out, double[][][] net, double[][][] outDerivative,
                     double[][] target, double[] totalError, int size, boolean columns) {
        this.sizes = sizes;
        this.capacity = capacity;
        this.size = size;
        this.out = out;
        this.net = net;
        this.outDerivative = outDerivative;
        this.target = target;
        this.totalError = totalError;
        this.inputColumns = columns ? new double[sizes[0]][capacity] : null;
        this.scratch = columns ? new double[Parallel.parts()][4][capacity] : null;
        this.outGradient = rows(sizes, capacity, 1);
        this.delta = rows(sizes, capacity, 1);
        int depth = sizes.length - 1;
        this.weightGradient = new double[depth + 1][][];
        this.gradientRowSquares = new double[depth + 1][];
        this.biasGradient = new double[depth + 1][];
        for (int l = 1; l <= depth; l++) {
            weightGradient[l] = new double[sizes[l]][sizes[l - 1]];
            gradientRowSquares[l] = new double[sizes[l]];
            biasGradient[l] = new double[sizes[l]];
        }
    }

    /** Per layer l ≥ {@code first}: {@code capacity} rows of sizes[l] values (null below first). */
    private static double[][][] rows(int[] sizes, int capacity, int first) {
        double[][][] rows = new double[sizes.length][][];
        for (int l = first; l < sizes.length; l++) {
            rows[l] = new double[capacity][sizes[l]];
        }
        return rows;
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
        this.loading = samples;
        this.loadingRows = rows;
        this.order = order;
        this.orderFrom = from;
        size = m;
        Parallel.run(loadRows, m, 4L * m * sizes[0], 8);
        this.loading = null;
        this.loadingRows = null;
        this.order = null;
    }

    /** Loads samples x0 … x1 − 1 of the batch, eight at a time, and copies them into their columns. */
    private void loadRows(int part, int x0, int x1) {
        for (int tile = x0; tile < x1; tile += 8) {
            int end = Math.min(x1, tile + 8);
            for (int x = tile; x < end; x++) {
                int row = order[orderFrom + x];
                if (loadingRows != null) {
                    loadingRows.writeInput(row, out[0][x], 0);
                    loadingRows.writeTarget(row, target[x], 0);
                } else {
                    Sample sample = loading.get(row);
                    sample.writeInput(out[0][x], 0);
                    sample.writeTarget(target[x], 0);
                }
            }
            if (usesColumns()) {
                transpose(tile, end);
            }
        }
    }

    /**
     * Copies the inputs of samples from … to − 1, at most eight, into their columns while their
     * rows are in the cache, writing each column's eight values (one cache line) at once.
     */
    private void transpose(int from, int to) {
        double[][] rows = out[0];
        if (to - from == 8) {
            double[] r0 = rows[from], r1 = rows[from + 1], r2 = rows[from + 2], r3 = rows[from + 3];
            double[] r4 = rows[from + 4], r5 = rows[from + 5], r6 = rows[from + 6], r7 = rows[from + 7];
            for (int k = 0; k < r0.length; k++) {
                double[] column = inputColumns[k];
                column[from] = r0[k];
                column[from + 1] = r1[k];
                column[from + 2] = r2[k];
                column[from + 3] = r3[k];
                column[from + 4] = r4[k];
                column[from + 5] = r5[k];
                column[from + 6] = r6[k];
                column[from + 7] = r7[k];
            }
            return;
        }
        for (int k = 0; k < sizes[0]; k++) {
            double[] column = inputColumns[k];
            for (int x = from; x < to; x++) {
                column[x] = rows[x][k];
            }
        }
    }

    private boolean usesColumns() {
        return inputColumns != null && size >= Kernels.COLUMN_BATCH;
    }

    /** What to do with each batch {@link #forwardInBatches} has run: samples from … from + m − 1. */
    interface Batch {
        void done(int from, int m);
    }

    /**
     * The feedforward of every sample, in batches of up to {@link #capacity} in their order:
     * loads each batch (from {@code rows} if not null, else from {@code samples}), runs it through
     * {@code layers} and hands it to {@code batch} while its values are in the buffers.
     */
    void forwardInBatches(Layer[] layers, Loss loss, List<Sample> samples, SampleRows rows, int n, Batch batch) {
        int[] order = new int[Math.min(capacity, n)];
        for (int from = 0; from < n; from += capacity) {
            int m = Math.min(capacity, n - from);
            for (int x = 0; x < m; x++) {
                order[x] = from + x;
            }
            load(samples, rows, order, 0, m);
            forward(layers, loss);
            batch.done(from, m);
        }
    }

    /**
     * The feedforward through {@code layers}: netˡ, outˡ and f′(netˡ) of every layer, then
     * E_total of every sample.
     */
    void forward(Layer[] layers, Loss loss) {
        this.layers = layers;
        for (int l = 1; l <= depth(); l++) {
            layer = l;
            long work = (long) size * sizes[l] * sizes[l - 1];
            splitSamples = size > sizes[l];
            Parallel.run(forwardRows, splitSamples ? size : sizes[l], work, splitSamples && l == 1 && usesColumns() ? 8 : 4);
            Activation activation = layers[l - 1].activation();
            if (activation.couplesLayer()) {
                for (int x = 0; x < size; x++) {
                    activation.apply(net[l][x], out[l][x], outDerivative[l][x], 0, sizes[l]);
                }
            }
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

    /**
     * netˡ, outˡ = f(netˡ) and f′(netˡ) of the current layer l, for the samples from … to − 1 if
     * {@link #splitSamples}, else for the neurons from … to − 1. Each thread reads its share of
     * the bigger operand: the batch's inputs when there are more samples than neurons, else the
     * weights.
     */
    private void forwardRows(int part, int from, int to) {
        int l = layer;
        int x0 = splitSamples ? from : 0, x1 = splitSamples ? to : size;
        int j0 = splitSamples ? 0 : from, j1 = splitSamples ? sizes[l] : to;
        Layer current = layers[l - 1];
        if (l == 1 && usesColumns()) {
            Kernels.netFromColumns(inputColumns, current.weights, current.biases, net[1], x0, x1, j0, j1, scratch[part]);
        } else {
            Kernels.net(out[l - 1], current.weights, current.biases, net[l], x0, x1, j0, j1);
        }
        Activation activation = current.activation();
        if (activation.couplesLayer()) {
            return;
        }
        for (int x = x0; x < x1; x++) {
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
        outputDelta(layers, loss);
        for (int l = depth(); l >= 1; l--) {
            gradients(l, layers[l - 1]);
            if (l > 1) {
                propagate(l, layers[l - 1]);
            }
        }
    }

    /** BP1: ∂E/∂outᴸ from the loss, and δᴸ from it and the output activation ({@link Loss#outputDelta}). */
    void outputDelta(Layer[] layers, Loss loss) {
        int depth = depth();
        Activation activation = layers[depth - 1].activation();
        for (int x = 0; x < size; x++) {
            loss.outputDelta(activation, target[x], out[depth][x], outDerivative[depth][x], outGradient[depth][x],
                    delta[depth][x]);
        }
    }

    /** BP4 and BP3 for layer l, from δˡ. */
    void gradients(int l, Layer of) {
        layer = l;
        Parallel.run(gradientRows, sizes[l], (long) size * sizes[l] * sizes[l - 1], 1);
        Kernels.biasGradient(of.bias(), delta[l], biasGradient[l], size);
    }

    /** BP4 for neurons j0 ≤ j &lt; j1 of the current layer. */
    private void gradientRows(int part, int j0, int j1) {
        Kernels.weightGradient(delta[layer], out[layer - 1], weightGradient[layer], gradientRowSquares[layer], size,
                j0, j1);
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
        return Kernels.norm(weightGradient[l], gradientRowSquares[l]);
    }
}
