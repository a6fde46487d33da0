package org.backprop.nn;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * One fully connected layer l: a weight matrix Wˡ, a bias vector bˡ and an activation.
 *
 * <p>Row j of Wˡ holds the weights into neuron j, column k the weights out of neuron k of the
 * previous layer: Wˡⱼₖ connects neuron k of layer l−1 to neuron j of layer l (Nielsen's wˡⱼₖ).
 *
 * <p>Every layer you are handed ({@link Network#layer}, {@link ForwardPass#layer}) is a copy that
 * never changes. Only a network's own layers change: training updates their weights in place,
 * so that a step allocates nothing.
 */
public final class Layer {

    /** Row j: the weights into neuron j. Replaced, row arrays and all, by each update. */
    double[][] weights;
    double[] biases;
    private final int number;
    private final Activation activation;
    private final Bias bias;

    private Layer(int number, double[][] weights, double[] biases, Activation activation, Bias bias) {
        this.number = number;
        this.weights = weights;
        this.biases = biases;
        this.activation = activation;
        this.bias = bias;
    }

    /** Layer {@code number} (l ≥ 1) with every weight and bias 0. */
    static Layer zeros(int number, int inputs, int neurons, Activation activation, Bias bias) {
        return new Layer(number, new double[neurons][inputs], new double[neurons], activation, bias);
    }

    /**
     * Weights and biases drawn uniformly from [−1/√n, 1/√n], n the number of inputs, neuron by
     * neuron: its weights, then its bias. A shared bias keeps the last neuron's draw.
     */
    void randomize(Random random) {
        double scale = 1.0 / Math.sqrt(inputs());
        for (int j = 0; j < size(); j++) {
            for (int k = 0; k < inputs(); k++) {
                weights[j][k] = scale * (2 * random.nextDouble() - 1);
            }
            biases[j] = bias == Bias.NONE ? 0 : scale * (2 * random.nextDouble() - 1);
        }
        if (bias == Bias.SHARED) {
            Arrays.fill(biases, biases[size() - 1]);
        }
    }

    /** Weights drawn by the initialization, row by row, and every bias 0. */
    void initialize(Initialization initialization, Random random) {
        initialization.draw(random, weights, number);
        Arrays.fill(biases, 0);
    }

    /** A copy that shares nothing with this layer. */
    Layer copy() {
        return with(activation, bias);
    }

    /** A copy of the weights and biases under another activation and kind of bias. */
    Layer with(Activation newActivation, Bias newBias) {
        double[][] rows = new double[weights.length][];
        for (int j = 0; j < rows.length; j++) {
            rows[j] = weights[j].clone();
        }
        return new Layer(number, rows, biases.clone(), newActivation, newBias);
    }

    /** Number of neurons in this layer (rows of W). */
    public int size() {
        return weights.length;
    }

    /** Number of inputs each neuron receives (columns of W). */
    public int inputs() {
        return weights[0].length;
    }

    /** Its number l in the network, 1 … L. */
    public int number() {
        return number;
    }

    public Activation activation() {
        return activation;
    }

    public Bias bias() {
        return bias;
    }

    /** Wⱼₖ: the weight from neuron k of the previous layer into neuron j of this one (0-based). */
    public double weight(int j, int k) {
        Require.index("j", j, size(), "the neurons of layer " + number);
        Require.index("k", k, inputs(), "the neurons of layer " + (number - 1));
        return weights[j][k];
    }

    /** The bias of neuron j (0-based); 0 for a layer without bias. */
    public double biasOf(int j) {
        return biases[Require.index("j", j, size(), "the neurons of layer " + number)];
    }

    /** A copy of W (size × inputs). */
    public DMatrixRMaj weights() {
        return new DMatrixRMaj(weights);
    }

    /** A copy of b as a column vector (size × 1). */
    public DMatrixRMaj biases() {
        return new DMatrixRMaj(biases.length, 1, true, biases);
    }

    /** Sets neuron j's bias, or every neuron's when the bias is shared. */
    void setBias(int j, double value) {
        if (bias == Bias.SHARED) {
            Arrays.fill(biases, value);
        } else {
            biases[j] = value;
        }
    }

    @Override
    public String toString() {
        return "Layer " + number + "[" + inputs() + " → " + size() + ", " + activation + ", bias " + bias + "]";
    }
}
