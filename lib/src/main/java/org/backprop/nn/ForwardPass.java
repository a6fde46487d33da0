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
    /** The core that ran this pass, as a batch of one; nothing runs it again. */
    final Backprop core;

    /** Runs the forward pass of {@code sample} through {@code layers}, which it keeps. */
    ForwardPass(Names names, Layer[] layers, Loss loss, Sample sample) {
        this.names = names;
        this.layers = layers;
        this.loss = loss;
        this.sample = sample;
        this.core = new Backprop(names.sizes(), 1);
        core.load(sample);
        core.forward(layers, loss);
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

    /** The layers this pass ran through, as they were then. */
    Layer[] layers() {
        return layers;
    }

    /** A copy of layer l (1 … L) as it was when this pass ran. */
    public Layer layer(int l) {
        checkLayer(l, 1);
        return layers[l - 1].copy();
    }

    /** netˡⱼ = Σₖ Wˡⱼₖ outˡ⁻¹ₖ + bˡⱼ, for l = 1 … L. */
    public double net(int l, int j) {
        checkLayer(l, 1);
        return core.net[l][0][checkNeuron(l, j)];
    }

    /** outˡⱼ = f(netˡⱼ), for l = 1 … L; out⁰ is the input. */
    public double out(int l, int j) {
        checkLayer(l, 0);
        return core.out[l][0][checkNeuron(l, j)];
    }

    /** A copy of the column vector netˡ. */
    public DMatrixRMaj netVector(int l) {
        checkLayer(l, 1);
        return column(core.net[l][0]);
    }

    /** A copy of the column vector outˡ (out⁰ = input). */
    public DMatrixRMaj outVector(int l) {
        checkLayer(l, 0);
        return column(core.out[l][0]);
    }

    private static DMatrixRMaj column(double[] values) {
        return new DMatrixRMaj(values.length, 1, true, values);
    }

    /** The network's outputs, out of layer L. */
    public double[] outputs() {
        return core.out[depth()][0].clone();
    }

    /** E_oⱼ, the error of output j. */
    public double error(int j) {
        checkNeuron(depth(), j);
        return loss.error(core.target[0][j], core.out[depth()][0][j]);
    }

    /** E_total = Σⱼ E_oⱼ. */
    public double totalError() {
        return core.totalError[0];
    }

    /** Reads a value by the worked example's name (see the class comment). */
    public double get(String name) {
        Names.Quantity q;
        try {
            q = names.quantity(name);
        } catch (IllegalArgumentException unknownPart) {
            throw unknown(name, unknownPart.getMessage());
        }
        if (q != null) {
            boolean output = q.layer() == depth();
            switch (q.kind()) {
                case TOTAL_ERROR:
                    return totalError();
                case OUT:
                    return out(q.layer(), q.index());
                case NET:
                    if (q.layer() > 0) {
                        return net(q.layer(), q.index());
                    }
                    break;
                case ERROR:
                    if (output) {
                        return error(q.index());
                    }
                    break;
                case TARGET:
                    if (output) {
                        return core.target[0][q.index()];
                    }
                    break;
                case WEIGHT, BIAS:
                    return names.parameter(layers, name);
                default:
                    break;
            }
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

    private int checkNeuron(int l, int j) {
        return Require.index("j", j, core.out[l][0].length, "the neurons of layer " + l);
    }

    @Override
    public String toString() {
        return "ForwardPass[outputs=" + Arrays.toString(outputs()) + ", E_total=" + totalError() + "]";
    }
}
