package org.backprop.nn;

import java.util.ArrayList;
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
