package org.backprop.nn;

/**
 * A descent's updates of one network's layers, in place: the new weights are written into spare
 * arrays, the rows shared out between threads, and the spare arrays and the layer's swap places.
 * So the weights from before the latest update stay here, and going back one update — to the
 * last weights with a finite error, after a run diverged — costs no copy.
 *
 * <p>It also holds the optimizer's state for the run (see {@link Optimizer}), allocated here
 * once and at rest, and the number of updates so far. Going back one update does not restore
 * the state: it happens only when the run ends, and the state ends with it.
 */
final class InPlaceUpdate {

    /** Per layer: the values from before the latest update, or stale ones the next update overwrites. */
    private final double[][][] spareWeights;
    private final double[][] spareBiases;
    /** Per layer: whether the spare arrays hold the values from before the latest update. */
    private final boolean[] weightsKept;
    private final boolean[] biasesKept;

    private final Optimizer optimizer;
    /** Per state buffer of the optimizer (none, one or two), per layer: the weights' and biases' state. */
    private final double[][][][] weightState;
    private final double[][][] biasState;
    /** The number of updates so far, and the learning rate of the latest. */
    private long t;
    private double rate;

    /** The rows shared out between threads, made once; the fields below say what they work on. */
    private final Parallel.Rows updateRows = this::updateRows;
    private double[][] state1;
    private double[][] state2;
    private double[][] current;
    private double[][] gradient;
    private double[][] next;

    InPlaceUpdate(Network network, Optimizer optimizer) {
        Layer[] layers = network.layers();
        this.optimizer = optimizer;
        int buffers = optimizer.state().size();
        this.weightState = new double[2][][][];
        this.biasState = new double[2][][];
        for (int b = 0; b < buffers; b++) {
            weightState[b] = new double[layers.length][][];
            biasState[b] = new double[layers.length][];
            for (int l = 1; l <= layers.length; l++) {
                weightState[b][l - 1] = new double[layers[l - 1].size()][layers[l - 1].inputs()];
                biasState[b][l - 1] = new double[layers[l - 1].size()];
            }
        }
        this.spareWeights = new double[layers.length][][];
        this.spareBiases = new double[layers.length][];
        this.weightsKept = new boolean[layers.length];
        this.biasesKept = new boolean[layers.length];
        for (int l = 1; l <= layers.length; l++) {
            spareWeights[l - 1] = new double[layers[l - 1].size()][layers[l - 1].inputs()];
            spareBiases[l - 1] = new double[layers[l - 1].size()];
        }
    }

    /** Starts the next update, at learning rate η = {@code rate}. */
    void start(double rate) {
        this.t++;
        this.rate = rate;
    }

    /** Layer l's weights W ← W − η·∂E/∂W, or as the optimizer steps them, in place. */
    void weights(Layer layer, int l, double[][] gradient) {
        this.state1 = weightState[0] == null ? null : weightState[0][l - 1];
        this.state2 = weightState[1] == null ? null : weightState[1][l - 1];
        this.current = layer.weights;
        this.gradient = gradient;
        this.next = spareWeights[l - 1];
        Parallel.run(updateRows, next.length, (long) next.length * next[0].length, 1);
        spareWeights[l - 1] = layer.weights;
        weightsKept[l - 1] = true;
        layer.weights = next;
        this.state1 = null;
        this.state2 = null;
        this.current = null;
        this.gradient = null;
        this.next = null;
    }

    private void updateRows(int part, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            optimizer.update(current[j], gradient[j], next[j], state1 == null ? null : state1[j],
                    state2 == null ? null : state2[j], rate, t);
        }
    }

    /** Layer l's biases b ← b − η·∂E/∂b, or as the optimizer steps them, in place. */
    void biases(Layer layer, int l, double[] gradient) {
        double[] nextBiases = spareBiases[l - 1];
        optimizer.update(layer.biases, gradient, nextBiases, biasState[0] == null ? null : biasState[0][l - 1],
                biasState[1] == null ? null : biasState[1][l - 1], rate, t);
        spareBiases[l - 1] = layer.biases;
        biasesKept[l - 1] = true;
        layer.biases = nextBiases;
    }

    /** Puts back, into the network's own layers, every weight and bias kept since the last restore. */
    void restore(Network network) {
        Layer[] layers = network.layers();
        for (int l = 1; l <= layers.length; l++) {
            Layer layer = layers[l - 1];
            if (weightsKept[l - 1]) {
                double[][] latest = layer.weights;
                layer.weights = spareWeights[l - 1];
                spareWeights[l - 1] = latest;
                weightsKept[l - 1] = false;
            }
            if (biasesKept[l - 1]) {
                double[] latest = layer.biases;
                layer.biases = spareBiases[l - 1];
                spareBiases[l - 1] = latest;
                biasesKept[l - 1] = false;
            }
        }
    }
}
