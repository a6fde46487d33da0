package org.backprop.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fully connected feed-forward network: layer 0 takes the input, layers 1 … L have weights,
 * biases and an activation, and layer L's outputs are compared with the target.
 *
 * <p>The network holds the current layers; {@link #forward} and {@link #backward} read them, and
 * {@link GradientDescent} replaces them. Weights and biases can be read and set by the worked
 * example's names ({@link Names}): {@code get("w5")}, {@code set("b1", 0.35)}.
 */
public final class Network {

    private final Layer[] layers;
    private final Loss loss;
    private final Names names;

    private Network(Layer[] layers, Loss loss) {
        this(layers, loss, names(layers));
    }

    private Network(Layer[] layers, Loss loss, Names names) {
        this.layers = layers;
        this.loss = loss;
        this.names = names;
    }

    private static Names names(Layer[] layers) {
        int[] sizes = new int[layers.length + 1];
        Bias[] biases = new Bias[layers.length];
        sizes[0] = layers[0].inputs();
        for (int l = 1; l <= layers.length; l++) {
            sizes[l] = layers[l - 1].size();
            biases[l - 1] = layers[l - 1].bias();
        }
        return new Names(sizes, biases);
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
            sizes.add(Require.positive("size of layer " + sizes.size(), size));
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
            Layer[] layers = new Layer[activations.size()];
            for (int l = 1; l <= layers.length; l++) {
                layers[l - 1] = Layer.zeros(sizes.get(l - 1), sizes.get(l), activations.get(l - 1), biases.get(l - 1));
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
            for (int l = 1; l <= network.depth(); l++) {
                network.layers[l - 1] = network.layers[l - 1].randomized(random);
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
        Layer[] initialized = new Layer[layers.length];
        for (int l = 1; l <= depth(); l++) {
            initialized[l - 1] = layers[l - 1].initialized(initialization, random);
        }
        return new Network(initialized, loss);
    }

    /** An independent copy: training the copy leaves this network as it is. */
    public Network copy() {
        return new Network(layers.clone(), loss, names);
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

    /** Layer l, 1 … L. */
    public Layer layer(int l) {
        if (l < 1 || l > depth()) {
            throw new IllegalArgumentException("layer must be between 1 and " + depth() + ", but was " + l);
        }
        return layers[l - 1];
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
        return parameter(names, layers, Names.ascii(name));
    }

    /** Sets a weight or bias by name; a shared bias is set for its whole layer. */
    public Network set(String name, double value) {
        Require.finite(name, value);
        String key = Names.ascii(name);
        if (key.startsWith("w")) {
            Names.Weight w = names.weight(key);
            layers[w.layer() - 1] = layers[w.layer() - 1].withWeight(w.to(), w.from(), value);
        } else if (key.startsWith("b")) {
            Names.BiasTerm b = names.bias(key);
            layers[b.layer() - 1] = layers[b.layer() - 1].withBias(b.index(), value);
        } else {
            throw unknownParameter(name);
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
                double value = layer.biasOf(j);
                boolean kept = bias == Bias.PER_NEURON
                        || (bias == Bias.SHARED && value == layer.biasOf(0))
                        || (bias == Bias.NONE && value == 0);
                if (!kept) {
                    throw new IllegalArgumentException("bias " + bias + " would lose layer " + l + "'s bias "
                            + names.neuron(l, j) + " = " + value + ": expected "
                            + (bias == Bias.NONE ? "every bias 0" : "the same bias for every neuron of the layer ("
                            + layer.biasOf(0) + ")") + "; set the biases first, or use Bias.PER_NEURON");
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
        Layer[] changed = layers.clone();
        for (int l = 1; l < layers.length; l++) {
            changed[l - 1] = layers[l - 1].with(activation, layers[l - 1].bias());
        }
        return new Network(changed, loss, names);
    }

    /** The forward pass for one sample: net and out of every neuron, the errors and E_total. */
    public ForwardPass forward(Sample sample) {
        Require.present("sample", sample);
        Require.length("sample input", sample.input(), size(0), "input neuron");
        Require.length("sample target", sample.target(), size(depth()), "output neuron");
        return new ForwardPass(names, layers.clone(), loss, sample);
    }

    /**
     * The backward pass for a forward pass of this network or of a copy of it: every δ
     * propagated through the weights that forward pass used (BP1–BP4).
     */
    public BackwardPass backward(ForwardPass forward) {
        Require.present("forward", forward);
        if (forward.names() != names) {
            throw new IllegalArgumentException("forward must be a forward pass of this network or a copy of it, "
                    + "but came from another network (use that network's backward)");
        }
        return new BackwardPass(forward, null);
    }

    /** Backward pass that may replace each layer as soon as its gradients are known. */
    BackwardPass backward(ForwardPass forward, BackwardPass.LayerUpdate update) {
        return new BackwardPass(forward, (l, layer, weightGradient, biasGradient) -> {
            Layer updated = update.apply(l, layer, weightGradient, biasGradient);
            layers[l - 1] = updated;
            return updated;
        });
    }

    /** The current layers 1 … L (a copy of the array; layers themselves are immutable). */
    Layer[] layers() {
        return layers.clone();
    }

    /**
     * Checks a data set for this network: at least one sample, none null, each with one input per
     * input neuron and one target per output neuron; messages name the sample by its index.
     */
    void checkSamples(List<Sample> samples) {
        Require.present("samples", samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("samples must hold at least 1 sample, but was empty");
        }
        for (int x = 0; x < samples.size(); x++) {
            Sample sample = Require.present("samples[" + x + "]", samples.get(x));
            Require.length("samples[" + x + "] input", sample.input(), size(0), "input neuron");
            Require.length("samples[" + x + "] target", sample.target(), size(depth()), "output neuron");
        }
    }

    void replace(int l, Layer layer) {
        layers[l - 1] = layer;
    }

    static double parameter(Names names, Layer[] layers, String key) {
        if (key.startsWith("w")) {
            Names.Weight w = names.weight(key);
            return layers[w.layer() - 1].weight(w.to(), w.from());
        }
        if (key.startsWith("b")) {
            Names.BiasTerm b = names.bias(key);
            return layers[b.layer() - 1].biasOf(b.index());
        }
        throw unknownParameter(key);
    }

    private static IllegalArgumentException unknownParameter(String name) {
        return new IllegalArgumentException("unknown weight or bias '" + name
                + "': expected a weight name (w1, w2, …) or a bias name (b1, b2, … or b_h1, b_o1, …)");
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Network ").append(size(0));
        for (Layer layer : layers) {
            text.append('-').append(layer.size());
        }
        text.append(" (");
        for (int l = 1; l <= depth(); l++) {
            Layer layer = layers[l - 1];
            text.append(l > 1 ? "; " : "").append("layer ").append(l).append(": ")
                    .append(layer.activation()).append(", bias ").append(layer.bias());
        }
        return text.append(")").toString();
    }
}
