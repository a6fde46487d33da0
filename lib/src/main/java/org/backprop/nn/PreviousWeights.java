package org.backprop.nn;

/**
 * The weights and biases a network had before its latest update. An update writes the new
 * values into these arrays and keeps the old ones here in exchange, so going back one update —
 * to the last weights with a finite error, after a run diverged — costs no copy.
 */
final class PreviousWeights {

    private final double[][][] weights;
    private final double[][] biases;
    private final boolean[] weightsKept;
    private final boolean[] biasesKept;

    PreviousWeights(Network network) {
        Layer[] layers = network.layers();
        this.weights = new double[layers.length][][];
        this.biases = new double[layers.length][];
        this.weightsKept = new boolean[layers.length];
        this.biasesKept = new boolean[layers.length];
        for (int l = 1; l <= layers.length; l++) {
            weights[l - 1] = new double[layers[l - 1].size()][layers[l - 1].inputs()];
            biases[l - 1] = new double[layers[l - 1].size()];
        }
    }

    /** Arrays for layer l's next weights (their content is stale). */
    double[][] weights(int l) {
        return weights[l - 1];
    }

    /** Arrays for layer l's next biases (their content is stale). */
    double[] biases(int l) {
        return biases[l - 1];
    }

    /** Keeps layer l's weights from before the update that just replaced them. */
    void keepWeights(int l, double[][] old) {
        weights[l - 1] = old;
        weightsKept[l - 1] = true;
    }

    /** Keeps layer l's biases from before the update that just replaced them. */
    void keepBiases(int l, double[] old) {
        biases[l - 1] = old;
        biasesKept[l - 1] = true;
    }

    /** Puts back, into the network's own layers, every weight and bias kept since the last restore. */
    void restore(Network network) {
        Layer[] layers = network.layers();
        for (int l = 1; l <= layers.length; l++) {
            Layer layer = layers[l - 1];
            if (weightsKept[l - 1]) {
                double[][] current = layer.weights;
                layer.weights = weights[l - 1];
                weights[l - 1] = current;
                weightsKept[l - 1] = false;
            }
            if (biasesKept[l - 1]) {
                double[] current = layer.biases;
                layer.biases = biases[l - 1];
                biases[l - 1] = current;
                biasesKept[l - 1] = false;
            }
        }
    }
}
