package org.backprop.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A fully connected feed-forward network: layer 0 takes the input, layers 1 … L have weights,
 * biases and an activation, and layer L's outputs are compared with the target.
 *
 * <p>The network holds the current weights; {@link #forward} and {@link #backward} read them, and
 * {@link GradientDescent} updates them in place. Weights and biases can be read and set by the
 * worked example's names ({@link Names}): {@code get("w5")}, {@code set("b1", 0.35)}.
 */
public final class Network {

    private final Layer[] layers;
    private final Loss loss;
    private final Names names;

    private Network(Layer[] layers, Loss loss) {
        checkActivations(layers, loss);
        this.layers = layers;
        this.loss = loss;
        this.names = new Names(sizes(layers), biases(layers));
    }

    /** Softmax only in the output layer, over at least two neurons; the output activation suits the loss. */
    private static void checkActivations(Layer[] layers, Loss loss) {
        for (int l = 1; l < layers.length; l++) {
            if (layers[l - 1].activation().couplesLayer()) {
                throw new IllegalArgumentException("layer " + l + "'s activation must act on each neuron alone "
                        + "(softmax is allowed only in the output layer, layer " + layers.length + "), but was "
                        + layers[l - 1].activation());
            }
        }
        Layer output = layers[layers.length - 1];
        if (output.activation().couplesLayer() && output.size() < 2) {
            throw new IllegalArgumentException("layer " + layers.length + " must hold at least 2 neurons for "
                    + "softmax (over 1 neuron its out is always 1), but held " + output.size());
        }
        loss.checkActivation("layer " + layers.length + "'s activation", output.activation());
    }

    private static int[] sizes(Layer[] layers) {
        int[] sizes = new int[layers.length + 1];
        sizes[0] = layers[0].inputs();
        for (int l = 1; l <= layers.length; l++) {
            sizes[l] = layers[l - 1].size();
        }
        return sizes;
    }

    private static Bias[] biases(Layer[] layers) {
        Bias[] biases = new Bias[layers.length];
        for (int l = 1; l <= layers.length; l++) {
            biases[l - 1] = layers[l - 1].bias();
        }
        return biases;
    }

    /** Starts a network with {@code inputs} input neurons; add layers with {@link Builder#layer}. */
    public static Builder withInputs(int inputs) {
        return new Builder(Require.positive("inputs", inputs));
    }

    /** Builds a network layer by layer. Weights and biases start at 0 unless randomized or initialized. */
    public static final class Builder {
        private final List<Integer> sizes = new ArrayList<>();
        private final List<Activation> activations = new ArrayList<>();
        private final List<Bias> biases = new ArrayList<>();
        private Loss loss = Loss.SQUARED_ERROR;

        private Builder(int inputs) {
            sizes.add(inputs);
        }

        /** Adds a layer of {@code size} neurons with one bias per neuron. */
        public Builder layer(int size, Activation activation) {
            return layer(size, activation, Bias.PER_NEURON);
        }

        /** Adds a layer of {@code size} neurons with the given activation and kind of bias. */
        public Builder layer(int size, Activation activation, Bias bias) {
            int l = sizes.size();
            Require.positive("size of layer " + l, size);
            Memory.require("size of layer " + l, size, "a layer of " + size + " neurons with "
                    + sizes.get(l - 1) + " inputs each", Memory.doubles((long) size * (sizes.get(l - 1) + 1)));
            sizes.add(size);
            activations.add(Require.present("activation", activation));
            biases.add(Require.present("bias", bias));
            return this;
        }

        /** The error to minimise; squared error unless set. */
        public Builder loss(Loss loss) {
            this.loss = Require.present("loss", loss);
            return this;
        }

        /** A network whose weights and biases are all 0 (set them by name or randomize). */
        public Network build() {
            if (activations.isEmpty()) {
                throw new IllegalArgumentException(
                        "layers must hold at least 1 layer with weights, but none was added (call layer(...))");
            }
            long parameters = 0;
            for (int l = 1; l < sizes.size(); l++) {
                parameters += (long) sizes.get(l) * (sizes.get(l - 1) + 1);
            }
            Memory.require("layers", sizes.size() - 1, "a network of " + parameters + " weights and biases",
                    Memory.doubles(parameters));
            Layer[] layers = new Layer[activations.size()];
            for (int l = 1; l <= layers.length; l++) {
                layers[l - 1] = Layer.zeros(l, sizes.get(l - 1), sizes.get(l), activations.get(l - 1), biases.get(l - 1));
            }
            return new Network(layers, loss);
        }

        /**
         * A network with weights and biases drawn uniformly from [−1/√n, 1/√n], n the number of
         * inputs of the layer; the same seed gives the same network.
         */
        public Network randomized(long seed) {
            Network network = build();
            Random random = new Random(seed);
            for (Layer layer : network.layers) {
                layer.randomize(random);
            }
            return network;
        }

        /**
         * A network with weights drawn from the initialization's distribution, layer by layer with
         * one {@code new Random(seed)}, and every bias 0; the same as {@code build().initialized(
         * initialization, seed)}.
         */
        public Network initialized(Initialization initialization, long seed) {
            return build().initialized(initialization, seed);
        }
    }

    /**
     * A new network of the same shape, activations, kinds of bias and loss, with weights drawn
     * from the initialization's distribution, layer by layer from layer 1 with one
     * {@code new Random(seed)}, and every bias 0. This network is left as it is.
     */
    public Network initialized(Initialization initialization, long seed) {
        Require.present("initialization", initialization);
        Random random = new Random(seed);
        Network initialized = copy();
        for (Layer layer : initialized.layers) {
            layer.initialize(initialization, random);
        }
        return initialized;
    }

    /** An independent copy: training the copy leaves this network as it is. */
    public Network copy() {
        Layer[] copies = new Layer[layers.length];
        for (int l = 1; l <= layers.length; l++) {
            copies[l - 1] = layers[l - 1].copy();
        }
        return new Network(copies, loss);
    }

    /** The number of layers with weights, L. */
    public int depth() {
        return layers.length;
    }

    /** The number of neurons in layer l, 0 (inputs) … L (outputs). */
    public int size(int l) {
        if (l < 0 || l > depth()) {
            throw new IllegalArgumentException("layer must be between 0 and " + depth() + ", but was " + l);
        }
        return l == 0 ? layers[0].inputs() : layers[l - 1].size();
    }

    /** A copy of layer l, 1 … L, as it is now. */
    public Layer layer(int l) {
        if (l < 1 || l > depth()) {
            throw new IllegalArgumentException("layer must be between 1 and " + depth() + ", but was " + l);
        }
        return layers[l - 1].copy();
    }

    public Loss loss() {
        return loss;
    }

    /** The names of this network's neurons, weights and biases. */
    public Names names() {
        return names;
    }

    /** Reads a weight (w1, w2, …) or bias (b1 or b_h1, …) by name. */
    public double get(String name) {
        return names.parameter(layers, name);
    }

    /** Sets a weight or bias by name; a shared bias is set for its whole layer. */
    public Network set(String name, double value) {
        Require.finite(name, value);
        Names.Quantity parameter = names.parameterOf(name);
        Layer layer = layers[parameter.layer() - 1];
        if (parameter.kind() == Names.Kind.WEIGHT) {
            layer.weights[parameter.index()][parameter.from()] = value;
        } else {
            layer.setBias(parameter.index(), value);
        }
        return this;
    }

    /**
     * The same weights with every layer's bias of the given kind: {@code PER_NEURON} gives each
     * neuron its own copy of its current bias (untying shared biases); {@code SHARED} needs the
     * biases of each layer to be equal already; {@code NONE} needs them all to be 0. Returns a new
     * network; this one is unchanged.
     */
    public Network withBias(Bias bias) {
        Require.present("bias", bias);
        Layer[] changed = new Layer[layers.length];
        for (int l = 1; l <= layers.length; l++) {
            Layer layer = layers[l - 1];
            for (int j = 0; j < layer.size(); j++) {
                double value = layer.biases[j];
                boolean kept = bias == Bias.PER_NEURON
                        || (bias == Bias.SHARED && value == layer.biases[0])
                        || (bias == Bias.NONE && value == 0);
                if (!kept) {
                    throw new IllegalArgumentException("bias " + bias + " would lose layer " + l + "'s bias "
                            + names.neuron(l, j) + " = " + value + ": expected "
                            + (bias == Bias.NONE ? "every bias 0" : "the same bias for every neuron of the layer ("
                            + layer.biases[0] + ")") + "; set the biases first, or use Bias.PER_NEURON");
                }
            }
            changed[l - 1] = layer.with(layer.activation(), bias);
        }
        return new Network(changed, loss);
    }

    /**
     * The same weights and biases with {@code activation} in every hidden layer (layers 1 … L−1);
     * the output layer keeps its own. Returns a new network; this one is unchanged.
     */
    public Network withHiddenActivation(Activation activation) {
        Require.present("activation", activation);
        return withActivation(activation, true);
    }

    /**
     * The same weights and biases with {@code activation} in the output layer (the hidden layers
     * keep theirs); the loss must suit it. Returns a new network; this one is unchanged.
     */
    public Network withOutputActivation(Activation activation) {
        Require.present("activation", activation);
        return withActivation(activation, false);
    }

    /** Copies of the layers with {@code activation} in the hidden layers, or else in the output layer. */
    private Network withActivation(Activation activation, boolean hidden) {
        Layer[] changed = new Layer[layers.length];
        for (int l = 1; l <= layers.length; l++) {
            Layer layer = layers[l - 1];
            boolean replaced = hidden == l < layers.length;
            changed[l - 1] = layer.with(replaced ? activation : layer.activation(), layer.bias());
        }
        return new Network(changed, loss);
    }

    /**
     * The same weights and biases minimising another loss (the output activation must suit it).
     * Returns a new network; this one is unchanged.
     */
    public Network withLoss(Loss loss) {
        Require.present("loss", loss);
        return new Network(copyOfLayers(), loss);
    }

    /** The forward pass for one sample: net and out of every neuron, the errors and E_total. */
    public ForwardPass forward(Sample sample) {
        Require.present("sample", sample);
        checkSample("sample", sample);
        return new ForwardPass(names, copyOfLayers(), loss, sample);
    }

    /**
     * The backward pass for a forward pass of this network or of a copy of it: every δ
     * propagated through the weights that forward pass used (BP1–BP4).
     */
    public BackwardPass backward(ForwardPass forward) {
        Require.present("forward", forward);
        if (!forward.names().equals(names)) {
            throw new IllegalArgumentException("forward must be a forward pass of this network or a copy of it, "
                    + "but came from another network (use that network's backward)");
        }
        return new BackwardPass(forward);
    }

    /**
     * outᴸ, the output layer's values, for each row of {@code inputs} (one input per input
     * neuron), with the current weights: the feedforward only, batch by batch, with no object per
     * input. For drawing what a network computes over many points, such as a decision boundary.
     */
    public double[][] outputs(double[][] inputs) {
        Require.present("inputs", inputs);
        if (inputs.length == 0) {
            throw new IllegalArgumentException("inputs must hold at least 1 row, but was empty");
        }
        for (int x = 0; x < inputs.length; x++) {
            Require.present("inputs[" + x + "]", inputs[x]);
            Require.length("inputs[" + x + "]", inputs[x].length, size(0), "input neuron");
            Require.finiteVector("inputs[" + x + "]", inputs[x]);
        }
        SampleRows rows = new InputRows(inputs, size(0), size(depth()));
        Backprop core = new Backprop(sizes(), Math.min(Evaluation.BATCH, inputs.length));
        double[][] outputs = new double[inputs.length][];
        core.forwardInBatches(layers, loss, null, rows, inputs.length, (from, m) -> {
            for (int x = 0; x < m; x++) {
                outputs[from + x] = core.out[depth()][x].clone();
            }
        });
        return outputs;
    }

    /**
     * The mean error and the accuracy of this network on {@code samples}, with its current
     * weights (see {@link Evaluation}); computed batch by batch, with no object per sample.
     */
    public Evaluation evaluate(List<Sample> samples) {
        checkSamples(samples);
        return Evaluation.of(this, samples);
    }

    /** The network's own layers, which the training loop updates in place. */
    Layer[] layers() {
        return layers;
    }

    /** Copies of the current layers, for a record of a pass. */
    Layer[] copyOfLayers() {
        Layer[] copies = new Layer[layers.length];
        for (int l = 1; l <= layers.length; l++) {
            copies[l - 1] = layers[l - 1].copy();
        }
        return copies;
    }

    /** The sizes of layers 0 … L. */
    int[] sizes() {
        return sizes(layers);
    }

    /**
     * Checks a data set for this network: at least one sample, none null, each with one input per
     * input neuron and one target per output neuron; messages name the sample by its index. A
     * data set that keeps its samples as rows is checked once, by its row sizes.
     */
    void checkSamples(List<Sample> samples) {
        Require.present("samples", samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("samples must hold at least 1 sample, but was empty");
        }
        if (samples instanceof SampleRows rows) {
            checkSizes("samples", rows.inputSize(), rows.targetSize());
            double[] target = new double[rows.targetSize()];
            for (int x = 0; x < samples.size() && loss.constrainsTargets(); x++) {
                rows.writeTarget(x, target, 0);
                loss.checkTarget("samples[" + x + "] target", target);
            }
            return;
        }
        for (int x = 0; x < samples.size(); x++) {
            checkSample("samples[" + x + "]", Require.present("samples[" + x + "]", samples.get(x)));
        }
    }

    void checkSample(String parameter, Sample sample) {
        checkSizes(parameter, sample.inputSize(), sample.targetSize());
        loss.checkTarget(parameter + " target", sample.target());
    }

    private void checkSizes(String parameter, int inputs, int targets) {
        Require.length(parameter + " input", inputs, size(0), "input neuron");
        Require.length(parameter + " target", targets, size(depth()), "output neuron");
    }

    /** Rows of inputs without targets (all 0), for a feedforward that needs no error. */
    private record InputRows(double[][] inputs, int inputSize, int targetSize) implements SampleRows {

        @Override
        public int size() {
            return inputs.length;
        }

        @Override
        public void writeInput(int x, double[] into, int offset) {
            System.arraycopy(inputs[x], 0, into, offset, inputSize);
        }

        @Override
        public void writeTarget(int x, double[] into, int offset) {
            Arrays.fill(into, offset, offset + targetSize, 0);
        }
    }

    /** The sizes of the layers from the inputs on, as a network is named: "2-2-2" for Mazur's. */
    public String shape() {
        StringBuilder shape = new StringBuilder().append(size(0));
        for (Layer layer : layers) {
            shape.append('-').append(layer.size());
        }
        return shape.toString();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Network ").append(shape()).append(" (");
        for (int l = 1; l <= depth(); l++) {
            Layer layer = layers[l - 1];
            text.append(l > 1 ? "; " : "").append("layer ").append(l).append(": ")
                    .append(layer.activation()).append(", bias ").append(layer.bias());
        }
        return text.append(")").toString();
    }
}
