package org.backprop.nn;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Everything the forward pass computed for one sample: net and out of every neuron, the error
 * of every output and E_total — together with the weights and biases that produced them.
 *
 * <p>Layer l = 0 is the input (out⁰ = input), l = L the output layer. Values can be read by the
 * worked example's names: {@code get("net_h1")}, {@code get("out_o1")}, {@code get("E_o2")},
 * {@code get("E_total")}, {@code get("target_o1")}, and the parameters {@code get("w5")},
 * {@code get("b1")}.
 */
public final class ForwardPass {

    private final Names names;
    private final Layer[] layers;
    private final Loss loss;
    private final Sample sample;
    private final DMatrixRMaj[] net;
    private final DMatrixRMaj[] out;
    private final double[] errors;
    private final double totalError;

    ForwardPass(Names names, Layer[] layers, Loss loss, Sample sample) {
        this.names = names;
        this.layers = layers;
        this.loss = loss;
        this.sample = sample;
        int depth = layers.length;
        this.net = new DMatrixRMaj[depth + 1];
        this.out = new DMatrixRMaj[depth + 1];
        out[0] = new DMatrixRMaj(sample.inputSize(), 1, true, sample.input());
        for (int l = 1; l <= depth; l++) {
            net[l] = layers[l - 1].net(out[l - 1]);
            out[l] = layers[l - 1].out(net[l]);
        }
        this.errors = new double[out[depth].numRows];
        double total = 0;
        for (int j = 0; j < errors.length; j++) {
            errors[j] = loss.error(sample.target()[j], out[depth].get(j, 0));
            total += errors[j];
        }
        this.totalError = total;
    }

    /** The number of layers with weights, L. */
    public int depth() {
        return layers.length;
    }

    /** The sample this pass was computed for. */
    public Sample sample() {
        return sample;
    }

    /** The loss the errors were measured with. */
    public Loss loss() {
        return loss;
    }

    /** The names of this network's neurons, weights and biases. */
    public Names names() {
        return names;
    }

    /** Layer l (1 … L) as it was when this pass ran. */
    public Layer layer(int l) {
        checkLayer(l, 1);
        return layers[l - 1];
    }

    /** netˡⱼ = Σₖ Wˡⱼₖ outˡ⁻¹ₖ + bˡⱼ, for l = 1 … L. */
    public double net(int l, int j) {
        checkLayer(l, 1);
        return net[l].get(j, 0);
    }

    /** outˡⱼ = f(netˡⱼ), for l = 1 … L; out⁰ is the input. */
    public double out(int l, int j) {
        checkLayer(l, 0);
        return out[l].get(j, 0);
    }

    /** A copy of the column vector netˡ. */
    public DMatrixRMaj netVector(int l) {
        return netUncopied(l).copy();
    }

    /** A copy of the column vector outˡ (out⁰ = input). */
    public DMatrixRMaj outVector(int l) {
        return outUncopied(l).copy();
    }

    /** netˡ itself, not copied, for the backward pass, which only reads it. */
    DMatrixRMaj netUncopied(int l) {
        checkLayer(l, 1);
        return net[l];
    }

    /** outˡ itself, not copied, for the backward pass, which only reads it. */
    DMatrixRMaj outUncopied(int l) {
        checkLayer(l, 0);
        return out[l];
    }

    /** The network's outputs, out of layer L. */
    public double[] outputs() {
        return out[depth()].getData().clone();
    }

    /** E_oⱼ, the error of output j. */
    public double error(int j) {
        return errors[j];
    }

    /** E_total = Σⱼ E_oⱼ. */
    public double totalError() {
        return totalError;
    }

    /** Reads a value by the worked example's name (see the class comment). */
    public double get(String name) {
        String key = Names.ascii(name);
        if (key.equals("E_total")) {
            return totalError;
        }
        try {
            int underscore = key.indexOf('_');
            if (underscore > 0 && !key.startsWith("b_")) {
                String quantity = key.substring(0, underscore);
                String neuronName = key.substring(underscore + 1);
                switch (quantity) {
                    case "net", "out" -> {
                        Names.Neuron n = names.neuron(neuronName);
                        if (quantity.equals("out")) {
                            return out(n.layer(), n.index());
                        }
                        if (n.layer() > 0) {
                            return net(n.layer(), n.index());
                        }
                    }
                    case "E", "target" -> {
                        Names.Neuron n = names.neuron(neuronName);
                        if (n.layer() == depth()) {
                            return quantity.equals("E") ? errors[n.index()] : sample.target()[n.index()];
                        }
                    }
                    default -> { }
                }
            }
            if (key.startsWith("w") || key.startsWith("b")) {
                return Network.parameter(names, layers, key);
            }
        } catch (IllegalArgumentException unknownPart) {
            throw unknown(name, unknownPart.getMessage());
        }
        throw unknown(name, null);
    }

    private IllegalArgumentException unknown(String name, String reason) {
        List<String> biases = names.biasNames();
        return new IllegalArgumentException("unknown name '" + name + "' for a forward pass"
                + (reason == null ? "" : " (" + reason + ")") + ": expected net_<neuron> or out_<neuron> "
                + "(e.g. net_h1, out_o1), E_<output> (e.g. E_o1), E_total, target_<output>, a weight (w1 to w"
                + names.weightNames().size() + ")" + (biases.isEmpty() ? "" : " or a bias (" + String.join(", ", biases) + ")"));
    }

    private void checkLayer(int l, int lowest) {
        if (l < lowest || l > depth()) {
            throw new IllegalArgumentException(
                    "layer must be between " + lowest + " and " + depth() + ", but was " + l);
        }
    }

    @Override
    public String toString() {
        return "ForwardPass[outputs=" + Arrays.toString(outputs()) + ", E_total=" + totalError + "]";
    }
}
