package org.backprop.nn;

/**
 * A descent's updates of one network's layers, in place: the new weights are written into spare
 * arrays, the rows shared out between threads, and the spare arrays and the layer's swap places.
 * So the weights from before the latest update stay here, and going back one update — to the
 * last weights with a finite error, after a run diverged — costs no copy.
 */
final class InPlaceUpdate {

    /** Per layer: the values from before the latest update, or stale ones the next update overwrites. */
    private final double[][][] spareWeights;
    private final double[][] spareBiases;
    /** Per layer: whether the spare arrays hold the values from before the latest update. */
    private final boolean[] weightsKept;
    private final boolean[] biasesKept;

    /** The rows shared out between threads, made once; the fields below say what they work on. */
    private final Parallel.Rows updateRows = this::updateRows;
    private GradientDescent descent;
    private double[][] current;
    private double[][] gradient;
    private double[][] next;

    InPlaceUpdate(Network network) {
        Layer[] layers = network.layers();
        this.spareWeights = new double[layers.length][][];
        this.spareBiases = new double[layers.length][];
        this.weightsKept = new boolean[layers.length];
        this.biasesKept = new boolean[layers.length];
        for (int l = 1; l <= layers.length; l++) {
            spareWeights[l - 1] = new double[layers[l - 1].size()][layers[l - 1].inputs()];
            spareBiases[l - 1] = new double[layers[l - 1].size()];
        }
    }

    /** Layer l's weights W ← W − η·∂E/∂W, each as {@code descent} computes it. */
    void weights(GradientDescent descent, Layer layer, int l, double[][] gradient) {
        this.descent = descent;
        this.current = layer.weights;
        this.gradient = gradient;
        this.next = spareWeights[l - 1];
        Parallel.run(updateRows, next.length, (long) next.length * next[0].length, 1);
        spareWeights[l - 1] = layer.weights;
        weightsKept[l - 1] = true;
        layer.weights = next;
        this.current = null;
        this.gradient = null;
        this.next = null;
    }

    private void updateRows(int part, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            double[] w = current[j];
            double[] g = gradient[j];
            double[] row = next[j];
            for (int k = 0; k < row.length; k++) {
                row[k] = descent.updated(w[k], g[k]);
            }
        }
    }

    /** Layer l's biases b ← b − η·∂E/∂b, each as {@code descent} computes it. */
    void biases(GradientDescent descent, Layer layer, int l, double[] gradient) {
        double[] nextBiases = spareBiases[l - 1];
        for (int j = 0; j < nextBiases.length; j++) {
            nextBiases[j] = descent.updated(layer.biases[j], gradient[j]);
        }
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
