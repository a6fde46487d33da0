package org.backprop.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The worked example's names for neurons, weights and biases, for a network of any shape.
 *
 * <ul>
 *   <li>Neurons: inputs i1, i2, …; outputs o1, o2, …; the hidden neurons h1, h2, … when there is
 *       one hidden layer, and h1_1, h1_2, …, h2_1, … (layer, then neuron) when there are more.</li>
 *   <li>Weights: w1, w2, … numbered layer by layer, and within a layer neuron by neuron, each
 *       neuron's incoming weights in input order. In the 2-2-2 network this gives Mazur's labels:
 *       w1 = i1→h1, w2 = i2→h1, w3 = i1→h2, w4 = i2→h2, w5 = h1→o1, w6 = h2→o1, w7 = h1→o2,
 *       w8 = h2→o2. It is the row-major order of Nielsen's matrices Wˡⱼₖ.</li>
 *   <li>Biases: a shared bias is b1, b2, … after its layer's number (Mazur's b1, b2); a
 *       per-neuron bias is b_ plus the neuron's name (b_h1, b_o2).</li>
 * </ul>
 *
 * <p>The names of the values a pass computed are parsed here too ({@link #quantity}): net_h1,
 * out_o1, E_o2, E_total, target_o1 of a forward pass; ∂E/∂out_o1, ∂out_o1/∂net_o1, δ_o1 (also
 * ∂E/∂net_o1), ∂net_o1/∂w5, ∂E/∂w5, ∂E/∂b1 and ∂E_o1/∂out_h1 (output o1's share of ∂E/∂out_h1) of
 * a backward pass; ∂ may be written d and δ delta.
 *
 * <p>Layers are numbered 0 (inputs) to L (outputs); indexes inside a layer start at 0.
 */
public final class Names {

    private static final Pattern NEURON = Pattern.compile("([iho])([1-9]\\d{0,8})(?:_([1-9]\\d{0,8}))?");
    private static final Pattern WEIGHT = Pattern.compile("w([1-9]\\d{0,8})");
    private static final Pattern SHARED_BIAS = Pattern.compile("b([1-9]\\d{0,8})");
    private static final Pattern NEURON_BIAS = Pattern.compile("b_(.+)");

    /** A neuron: its layer (0 = inputs) and its index in the layer. */
    public record Neuron(int layer, int index) {
    }

    /** A weight: its layer l ≥ 1, the neuron j it feeds and the neuron k of layer l−1 it comes from. */
    public record Weight(int layer, int to, int from) {
    }

    /** A bias: its layer l ≥ 1 and the neuron it belongs to (any of them for a shared bias). */
    public record BiasTerm(int layer, int index) {
    }

    /** What a name stands for (see {@link #quantity}). */
    public enum Kind {
        /** net_h1: a neuron's net input. */
        NET,
        /** out_h1: a neuron's output (out_i1 is an input). */
        OUT,
        /** target_o1: an output's target. */
        TARGET,
        /** E_o1: an output's error. */
        ERROR,
        /** E_total. */
        TOTAL_ERROR,
        /** w5: a weight. */
        WEIGHT,
        /** b1, b_h1: a bias. */
        BIAS,
        /** ∂E/∂out_h1. */
        OUT_GRADIENT,
        /** ∂out_h1/∂net_h1 = f′(net_h1). */
        OUT_DERIVATIVE,
        /** δ_h1 = ∂E/∂net_h1. */
        DELTA,
        /** ∂net_o1/∂w5: the input a weight multiplies (0 if the weight does not feed the neuron). */
        NET_BY_WEIGHT,
        /** ∂E/∂w5. */
        WEIGHT_GRADIENT,
        /** ∂E/∂b1. */
        BIAS_GRADIENT,
        /** ∂E_o1/∂out_h1: output o1's share of ∂E/∂out_h1 (a neuron of the last hidden layer). */
        OUTPUT_SHARE
    }

    /**
     * A named quantity: its kind and what it is about. {@code layer} and {@code index} locate the
     * neuron (for a weight: the neuron it feeds; for a bias: its neuron); {@code from} is a
     * weight's source neuron in layer − 1; {@code other} is the second neuron of
     * {@link Kind#NET_BY_WEIGHT} (the weight's layer, to, from are in layer, index, from, the
     * neuron in other) and of {@link Kind#OUTPUT_SHARE} (the output), else null.
     */
    public record Quantity(Kind kind, int layer, int index, int from, Neuron other) {

        /** The neuron this quantity is about. */
        public Neuron neuron() {
            return new Neuron(layer, index);
        }
    }

    private final int[] sizes;
    private final Bias[] biases;
    private final int[] firstWeight;

    Names(int[] sizes, Bias[] biases) {
        this.sizes = sizes.clone();
        this.biases = biases.clone();
        this.firstWeight = new int[sizes.length];
        for (int l = 1; l < sizes.length; l++) {
            firstWeight[l] = l == 1 ? 1 : firstWeight[l - 1] + sizes[l - 1] * sizes[l - 2];
        }
    }

    /** The sizes of layers 0 … L. */
    int[] sizes() {
        return sizes.clone();
    }

    /** The number of neurons in layer l. */
    int size(int l) {
        return sizes[l];
    }

    private int outputLayer() {
        return sizes.length - 1;
    }

    /** The name of neuron {@code index} of {@code layer}: i1, h2, o1, h2_3. */
    public String neuron(int layer, int index) {
        checkNeuron(layer, index);
        if (layer == 0) {
            return "i" + (index + 1);
        }
        if (layer == outputLayer()) {
            return "o" + (index + 1);
        }
        return outputLayer() == 2 ? "h" + (index + 1) : "h" + layer + "_" + (index + 1);
    }

    /** The name of Wˡⱼₖ, the weight from neuron k of layer l−1 into neuron j of layer l. */
    public String weight(int layer, int to, int from) {
        checkLayerWithWeights(layer, "a weight");
        checkNeuron(layer, to);
        checkNeuron(layer - 1, from);
        return "w" + (firstWeight[layer] + to * sizes[layer - 1] + from);
    }

    /** The name of the bias of neuron {@code index} in {@code layer}: b1 (shared) or b_h1 (per neuron). */
    public String bias(int layer, int index) {
        checkLayerWithWeights(layer, "a bias");
        checkNeuron(layer, index);
        return switch (biasOf(layer)) {
            case NONE -> throw new IllegalArgumentException(
                    "layer " + layer + " has no bias (Bias.NONE), so its neurons have no bias name");
            case SHARED -> "b" + layer;
            case PER_NEURON -> "b_" + neuron(layer, index);
        };
    }

    /** Resolves a neuron name such as h1 or o2. */
    public Neuron neuron(String name) {
        Matcher m = NEURON.matcher(name == null ? "" : name);
        if (m.matches()) {
            int layer;
            int index;
            if (m.group(3) != null) {
                layer = m.group(1).equals("h") ? Integer.parseInt(m.group(2)) : -1;
                index = Integer.parseInt(m.group(3)) - 1;
                if (outputLayer() == 2 || layer < 1 || layer >= outputLayer()) {
                    layer = -1;
                }
            } else {
                index = Integer.parseInt(m.group(2)) - 1;
                layer = switch (m.group(1)) {
                    case "i" -> 0;
                    case "o" -> outputLayer();
                    default -> outputLayer() == 2 ? 1 : -1;
                };
            }
            if (layer >= 0 && index >= 0 && index < sizes[layer]) {
                return new Neuron(layer, index);
            }
        }
        throw new IllegalArgumentException("unknown neuron '" + name + "': expected one of " + neuronNames());
    }

    /** Resolves a weight name such as w5. */
    public Weight weight(String name) {
        Matcher m = WEIGHT.matcher(name == null ? "" : name);
        if (m.matches()) {
            int number = Integer.parseInt(m.group(1));
            for (int l = outputLayer(); l >= 1; l--) {
                int offset = number - firstWeight[l];
                if (offset >= 0 && offset < sizes[l] * sizes[l - 1]) {
                    return new Weight(l, offset / sizes[l - 1], offset % sizes[l - 1]);
                }
            }
        }
        throw new IllegalArgumentException("unknown weight '" + name + "': expected w1 to w" + weightCount());
    }

    /** Resolves a bias name such as b1 (shared) or b_h1 (per neuron). */
    public BiasTerm bias(String name) {
        String given = name == null ? "" : name;
        Matcher shared = SHARED_BIAS.matcher(given);
        if (shared.matches()) {
            int layer = Integer.parseInt(shared.group(1));
            if (layer >= 1 && layer <= outputLayer() && biasOf(layer) == Bias.SHARED) {
                return new BiasTerm(layer, 0);
            }
        }
        Matcher own = NEURON_BIAS.matcher(given);
        if (own.matches()) {
            Neuron neuron = neuronOrNull(own.group(1));
            if (neuron != null && neuron.layer() >= 1 && biasOf(neuron.layer()) == Bias.PER_NEURON) {
                return new BiasTerm(neuron.layer(), neuron.index());
            }
        }
        List<String> known = biasNames();
        throw new IllegalArgumentException("unknown bias '" + name + "': expected "
                + (known.isEmpty() ? "none, this network has no biases" : "one of " + known));
    }

    /**
     * What {@code name} stands for, or null when it follows none of the patterns above. A name
     * that follows a pattern but names a neuron, weight or bias this network lacks is refused
     * with the reason (for example "unknown neuron 'h3': expected one of [i1, i2, h1, h2, o1, o2]").
     */
    public Quantity quantity(String name) {
        String key = ascii(name);
        if (key.equals("E_total")) {
            return new Quantity(Kind.TOTAL_ERROR, outputLayer(), 0, -1, null);
        }
        if (key.startsWith("delta_") || key.startsWith("dE/dnet_")) {
            return about(Kind.DELTA, neuron(after(key, "_")));
        }
        if (key.startsWith("dE/dout_")) {
            return about(Kind.OUT_GRADIENT, neuron(after(key, "_")));
        }
        if (key.startsWith("dE/dw")) {
            return of(Kind.WEIGHT_GRADIENT, weight(key.substring("dE/d".length())));
        }
        if (key.startsWith("dE/db")) {
            return of(Kind.BIAS_GRADIENT, bias(key.substring("dE/d".length())));
        }
        String[] parts = key.split("/", -1);
        if (parts.length == 2 && parts[0].startsWith("dout_") && parts[1].startsWith("dnet_")) {
            Neuron n = neuron(parts[0].substring("dout_".length()));
            return n.equals(neuron(parts[1].substring("dnet_".length()))) ? about(Kind.OUT_DERIVATIVE, n) : null;
        }
        if (parts.length == 2 && parts[0].startsWith("dnet_") && parts[1].matches("dw\\d+")) {
            Neuron n = neuron(parts[0].substring("dnet_".length()));
            Weight w = weight(parts[1].substring(1));
            return new Quantity(Kind.NET_BY_WEIGHT, w.layer(), w.to(), w.from(), n);
        }
        if (parts.length == 2 && parts[0].matches("dE_o\\d+") && parts[1].startsWith("dout_")) {
            Neuron output = neuron(parts[0].substring("dE_".length()));
            Neuron n = neuron(parts[1].substring("dout_".length()));
            return new Quantity(Kind.OUTPUT_SHARE, n.layer(), n.index(), -1, output);
        }
        int underscore = key.indexOf('_');
        if (underscore > 0 && !key.startsWith("b_")) {
            Kind kind = switch (key.substring(0, underscore)) {
                case "net" -> Kind.NET;
                case "out" -> Kind.OUT;
                case "E" -> Kind.ERROR;
                case "target" -> Kind.TARGET;
                default -> null;
            };
            if (kind != null) {
                return about(kind, neuron(key.substring(underscore + 1)));
            }
        }
        if (key.startsWith("w") || key.startsWith("b")) {
            return parameterOf(key);
        }
        return null;
    }

    /**
     * The weight (w1, w2, …) or bias (b1 or b_h1, …) named {@code name}, as a quantity of kind
     * {@link Kind#WEIGHT} or {@link Kind#BIAS}.
     */
    public Quantity parameterOf(String name) {
        String key = ascii(name);
        if (key.startsWith("w")) {
            return of(Kind.WEIGHT, weight(key));
        }
        if (key.startsWith("b")) {
            return of(Kind.BIAS, bias(key));
        }
        throw new IllegalArgumentException("unknown weight or bias '" + name
                + "': expected a weight name (w1, w2, …) or a bias name (b1, b2, … or b_h1, b_o1, …)");
    }

    /** The value of a weight or bias in {@code layers}. */
    double parameter(Layer[] layers, String name) {
        Quantity parameter = parameterOf(name);
        Layer layer = layers[parameter.layer() - 1];
        return parameter.kind() == Kind.WEIGHT
                ? layer.weights[parameter.index()][parameter.from()]
                : layer.biases[parameter.index()];
    }

    private static Quantity about(Kind kind, Neuron n) {
        return new Quantity(kind, n.layer(), n.index(), -1, null);
    }

    private static Quantity of(Kind kind, Weight w) {
        return new Quantity(kind, w.layer(), w.to(), w.from(), null);
    }

    private static Quantity of(Kind kind, BiasTerm b) {
        return new Quantity(kind, b.layer(), b.index(), -1, null);
    }

    private static String after(String key, String separator) {
        return key.substring(key.indexOf(separator) + 1);
    }

    /** The ASCII spelling of a name: ∂ may be written d, and δ delta (∂E/∂w5 is dE/dw5). */
    static String ascii(String name) {
        return name == null ? "" : name.replace('∂', 'd').replace("δ", "delta");
    }

    /** True if {@code name} is a weight name of this network. */
    public boolean isWeight(String name) {
        return name != null && WEIGHT.matcher(name).matches() && weightNumber(name) >= 1
                && weightNumber(name) <= weightCount();
    }

    /** Every weight name, w1 to wN. */
    public List<String> weightNames() {
        List<String> names = new ArrayList<>();
        for (int n = 1; n <= weightCount(); n++) {
            names.add("w" + n);
        }
        return names;
    }

    /** Every bias name, in layer order (a shared bias once). */
    public List<String> biasNames() {
        List<String> names = new ArrayList<>();
        for (int l = 1; l <= outputLayer(); l++) {
            switch (biasOf(l)) {
                case SHARED -> names.add("b" + l);
                case PER_NEURON -> {
                    for (int j = 0; j < sizes[l]; j++) {
                        names.add(bias(l, j));
                    }
                }
                case NONE -> { }
            }
        }
        return names;
    }

    /** Every parameter's name: the weights, then the biases. */
    public List<String> parameterNames() {
        List<String> names = weightNames();
        names.addAll(biasNames());
        return names;
    }

    /** Every neuron name, layer by layer. */
    public List<String> neuronNames() {
        List<String> names = new ArrayList<>();
        for (int l = 0; l <= outputLayer(); l++) {
            for (int j = 0; j < sizes[l]; j++) {
                names.add(neuron(l, j));
            }
        }
        return names;
    }

    private Neuron neuronOrNull(String name) {
        try {
            return neuron(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private Bias biasOf(int layer) {
        return biases[layer - 1];
    }

    private int weightNumber(String name) {
        return Integer.parseInt(name.substring(1));
    }

    private int weightCount() {
        int l = outputLayer();
        return firstWeight[l] + sizes[l] * sizes[l - 1] - 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Names that && Arrays.equals(sizes, that.sizes) && Arrays.equals(biases, that.biases);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(sizes) + Arrays.hashCode(biases);
    }

    private void checkLayerWithWeights(int layer, String what) {
        if (layer < 1 || layer > outputLayer()) {
            throw new IllegalArgumentException(
                    "layer must be between 1 and " + outputLayer() + " for " + what + ", but was " + layer);
        }
    }

    private void checkNeuron(int layer, int index) {
        if (layer < 0 || layer > outputLayer()) {
            throw new IllegalArgumentException(
                    "layer must be between 0 and " + outputLayer() + ", but was " + layer);
        }
        if (index < 0 || index >= sizes[layer]) {
            throw new IllegalArgumentException("index in layer " + layer + " must be between 0 and "
                    + (sizes[layer] - 1) + ", but was " + index);
        }
    }
}
