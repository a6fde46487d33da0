package org.backprop.nn;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One fully connected layer l: a weight matrix Wˡ, a bias vector bˡ and an activation.
 *
 * <p>Row j of Wˡ holds the weights into neuron j, column k the weights out of neuron k of the
 * previous layer: Wˡⱼₖ connects neuron k of layer l−1 to neuron j of layer l (Nielsen's wˡⱼₖ).
 * A layer is immutable; a weight update makes a new layer.
 */
public final class Layer {

    private final DMatrixRMaj weights;
    private final DMatrixRMaj biases;
    private final Activation activation;
    private final Bias bias;

    Layer(DMatrixRMaj weights, DMatrixRMaj biases, Activation activation, Bias bias) {
        this.weights = weights;
        this.biases = biases;
        this.activation = activation;
        this.bias = bias;
    }

    static Layer zeros(int inputs, int neurons, Activation activation, Bias bias) {
        return new Layer(new DMatrixRMaj(neurons, inputs), new DMatrixRMaj(neurons, 1), activation, bias);
    }

    /**
     * A layer of the same shape with weights and biases drawn uniformly from [−1/√n, 1/√n], n the
     * number of inputs, neuron by neuron: its weights, then its bias. A shared bias keeps the last
     * neuron's draw.
     */
    Layer randomized(Random random) {
        double scale = 1.0 / Math.sqrt(inputs());
        DMatrixRMaj newWeights = new DMatrixRMaj(size(), inputs());
        DMatrixRMaj newBiases = new DMatrixRMaj(size(), 1);
        for (int j = 0; j < size(); j++) {
            for (int k = 0; k < inputs(); k++) {
                newWeights.set(j, k, scale * (2 * random.nextDouble() - 1));
            }
            if (bias != Bias.NONE) {
                newBiases.set(j, 0, scale * (2 * random.nextDouble() - 1));
            }
        }
        if (bias == Bias.SHARED) {
            CommonOps_DDRM.fill(newBiases, newBiases.get(size() - 1, 0));
        }
        return new Layer(newWeights, newBiases, activation, bias);
    }

    /** A layer of the same shape with weights drawn by the initialization and every bias 0. */
    Layer initialized(Initialization initialization, Random random) {
        return new Layer(initialization.weights(random, inputs(), size()), new DMatrixRMaj(size(), 1),
                activation, bias);
    }

    /** Number of neurons in this layer (rows of W). */
    public int size() {
        return weights.numRows;
    }

    /** Number of inputs each neuron receives (columns of W). */
    public int inputs() {
        return weights.numCols;
    }

    public Activation activation() {
        return activation;
    }

    public Bias bias() {
        return bias;
    }

    /** Wⱼₖ: the weight from neuron k of the previous layer into neuron j of this one (0-based). */
    public double weight(int j, int k) {
        return weights.get(j, k);
    }

    /** The bias of neuron j (0-based); 0 for a layer without bias. */
    public double biasOf(int j) {
        return biases.get(j, 0);
    }

    /** A copy of W (size × inputs). */
    public DMatrixRMaj weights() {
        return weights.copy();
    }

    /** W itself, not copied, for the passes in this package, which only read it. */
    DMatrixRMaj weightsUncopied() {
        return weights;
    }

    /** A copy of b as a column vector (size × 1). */
    public DMatrixRMaj biases() {
        return biases.copy();
    }

    /**
     * netˡ = Wˡ · outˡ⁻¹ + bˡ; with one column per sample (a batch), bˡ is added to every
     * column: Netˡ = Wˡ · Outˡ⁻¹ + bˡ 1ᵀ.
     */
    DMatrixRMaj net(DMatrixRMaj in) {
        DMatrixRMaj net = new DMatrixRMaj(size(), in.numCols);
        CommonOps_DDRM.mult(weights, in, net);
        for (int j = 0; j < net.numRows; j++) {
            for (int x = 0; x < net.numCols; x++) {
                net.add(j, x, biases.get(j, 0));
            }
        }
        return net;
    }

    /** outˡ = f(netˡ), element by element. */
    DMatrixRMaj out(DMatrixRMaj net) {
        DMatrixRMaj out = new DMatrixRMaj(net.numRows, net.numCols);
        for (int i = 0; i < net.getNumElements(); i++) {
            out.set(i, activation.apply(net.get(i)));
        }
        return out;
    }

    /** ∂out/∂net = f′(netˡ), element by element. */
    DMatrixRMaj outDerivative(DMatrixRMaj net, DMatrixRMaj out) {
        DMatrixRMaj derivative = new DMatrixRMaj(net.numRows, net.numCols);
        for (int i = 0; i < net.getNumElements(); i++) {
            derivative.set(i, activation.derivative(net.get(i), out.get(i)));
        }
        return derivative;
    }

    /** W ← W − η ∂E/∂W and, if requested, b ← b − η ∂E/∂b. */
    Layer minus(double learningRate, DMatrixRMaj weightGradient, DMatrixRMaj biasGradient, boolean updateBiases) {
        DMatrixRMaj newWeights = new DMatrixRMaj(weights.numRows, weights.numCols);
        CommonOps_DDRM.add(weights, -learningRate, weightGradient, newWeights);
        DMatrixRMaj newBiases = biases;
        if (updateBiases && bias != Bias.NONE) {
            newBiases = new DMatrixRMaj(biases.numRows, 1);
            CommonOps_DDRM.add(biases, -learningRate, biasGradient, newBiases);
        }
        return new Layer(newWeights, newBiases, activation, bias);
    }

    /** The same weights and biases under another activation and kind of bias (layers are immutable). */
    Layer with(Activation newActivation, Bias newBias) {
        return new Layer(weights, biases, newActivation, newBias);
    }

    Layer withWeight(int j, int k, double value) {
        DMatrixRMaj newWeights = weights.copy();
        newWeights.set(j, k, value);
        return new Layer(newWeights, biases, activation, bias);
    }

    /** Sets neuron j's bias, or every neuron's when the bias is shared. */
    Layer withBias(int j, double value) {
        DMatrixRMaj newBiases = biases.copy();
        if (bias == Bias.SHARED) {
            CommonOps_DDRM.fill(newBiases, value);
        } else {
            newBiases.set(j, 0, value);
        }
        return new Layer(weights, newBiases, activation, bias);
    }
}
