package org.backprop.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Every intermediate of the chain rule for one forward pass, layer by layer from the output
 * back — Nielsen's four equations, computed by the same code as a batch's ({@link Backprop}):
 *
 * <pre>
 *   ∂E/∂outᴸ = ∇ₒᵤₜ E                      (for squared error: −(target − out))
 *   δᴸ = ∂E/∂outᴸ ⊙ f′(netᴸ)               (BP1)
 *   ∂E/∂outˡ = (Wˡ⁺¹)ᵀ δˡ⁺¹,  δˡ = ∂E/∂outˡ ⊙ f′(netˡ)   (BP2)
 *   ∂E/∂bˡ = δˡ  (a shared bias: Σⱼ δˡⱼ)    (BP3)
 *   ∂E/∂Wˡ = δˡ (outˡ⁻¹)ᵀ                   (BP4)
 * </pre>
 *
 * <p>Values can be read by the worked example's names: {@code get("dE/dout_o1")},
 * {@code get("dout_o1/dnet_o1")}, {@code get("delta_o1")} (also {@code dE/dnet_o1}),
 * {@code get("dnet_o1/dw5")}, {@code get("dE/dw5")}, {@code get("dE/db1")},
 * {@code get("dE_o1/dout_h1")} (output o1's share of ∂E/∂out_h1); ∂ and δ may be written as
 * such.
 */
public final class BackwardPass {

    private final ForwardPass forward;
    private final Backprop core;
    private final Layer[] propagatedThrough;

    /** The backward pass through the forward pass's own weights. */
    BackwardPass(ForwardPass forward) {
        this.forward = forward;
        this.core = new Backprop(forward.core);
        core.backward(forward.layers(), forward.loss());
        this.propagatedThrough = forward.layers();
    }

    /**
     * A backward pass that training already ran on {@code core}, whose δˡ reached layer l − 1
     * through {@code propagatedThrough[l − 1]}: the forward pass's layers, or in the
     * layer-by-layer variant the already revised ones.
     */
    BackwardPass(ForwardPass forward, Backprop core, Layer[] propagatedThrough) {
        this.forward = forward;
        this.core = core;
        this.propagatedThrough = propagatedThrough;
    }

    /** The forward pass these derivatives belong to. */
    public ForwardPass forward() {
        return forward;
    }

    /** The number of layers with weights, L. */
    public int depth() {
        return forward.depth();
    }

    /** ∂E/∂outˡⱼ: how the total error changes with neuron j's output (l = 1 … L). */
    public double outGradient(int l, int j) {
        return core.outGradient[checkLayer(l)][0][checkNeuron(l, j)];
    }

    /** ∂outˡⱼ/∂netˡⱼ = f′(netˡⱼ). */
    public double outDerivative(int l, int j) {
        return core.outDerivative[checkLayer(l)][0][checkNeuron(l, j)];
    }

    /** δˡⱼ = ∂E/∂netˡⱼ = ∂E/∂outˡⱼ · ∂outˡⱼ/∂netˡⱼ (BP1, BP2). */
    public double delta(int l, int j) {
        return core.delta[checkLayer(l)][0][checkNeuron(l, j)];
    }

    /** ∂E/∂Wˡⱼₖ = δˡⱼ · outˡ⁻¹ₖ (BP4). */
    public double weightGradient(int l, int j, int k) {
        checkLayer(l);
        return core.weightGradient[l][checkNeuron(l, j)][checkNeuron(l - 1, k, "k")];
    }

    /** ∂E/∂bˡⱼ = δˡⱼ, or Σⱼ δˡⱼ for a shared bias (BP3); 0 for a layer without bias. */
    public double biasGradient(int l, int j) {
        return core.biasGradient[checkLayer(l)][checkNeuron(l, j)];
    }

    /** ‖∂E/∂Wˡ‖, the Frobenius norm √(Σⱼₖ (∂E/∂Wˡⱼₖ)²): how strongly layer l is told to change. */
    public double weightGradientNorm(int l) {
        return core.weightGradientNorm(checkLayer(l));
    }

    /** A copy of δˡ as a column vector. */
    public DMatrixRMaj deltaVector(int l) {
        return new DMatrixRMaj(core.delta[checkLayer(l)][0].length, 1, true, core.delta[l][0]);
    }

    /** A copy of ∂E/∂Wˡ, shaped like Wˡ. */
    public DMatrixRMaj weightGradients(int l) {
        return new DMatrixRMaj(core.weightGradient[checkLayer(l)]);
    }

    /** A copy of ∂E/∂bˡ as a column vector. */
    public DMatrixRMaj biasGradients(int l) {
        return new DMatrixRMaj(core.biasGradient[checkLayer(l)].length, 1, true, core.biasGradient[l]);
    }

    /** ∂E/∂w for a weight or bias named as {@link Network#get} names it (w5, b1, b_h1). */
    double gradientOf(Names.Quantity parameter) {
        return parameter.kind() == Names.Kind.WEIGHT
                ? core.weightGradient[parameter.layer()][parameter.index()][parameter.from()]
                : core.biasGradient[parameter.layer()][parameter.index()];
    }

    /**
     * A copy of layer l+1 whose weights carried δˡ⁺¹ back to layer l: the forward pass's own
     * layer, or the already revised one in the layer-by-layer variant.
     */
    public Layer propagatedThrough(int l) {
        if (l < 1 || l >= depth()) {
            throw new IllegalArgumentException(
                    "layer must be between 1 and " + (depth() - 1) + " (a layer with a layer after it), but was " + l);
        }
        return propagatedThrough[l].copy();
    }

    /** Reads a value by the worked example's name (see the class comment). */
    public double get(String name) {
        Names.Quantity q;
        try {
            q = forward.names().quantity(name);
            if (q != null && q.layer() == 0 && q.kind() != Names.Kind.NET_BY_WEIGHT) {
                throw new IllegalArgumentException("input neurons have no derivatives");
            }
        } catch (IllegalArgumentException unknownPart) {
            throw unknown(name, unknownPart.getMessage());
        }
        if (q != null) {
            switch (q.kind()) {
                case DELTA:
                    return delta(q.layer(), q.index());
                case OUT_GRADIENT:
                    return outGradient(q.layer(), q.index());
                case OUT_DERIVATIVE:
                    return outDerivative(q.layer(), q.index());
                case WEIGHT_GRADIENT:
                    return weightGradient(q.layer(), q.index(), q.from());
                case BIAS_GRADIENT:
                    return biasGradient(q.layer(), q.index());
                case NET_BY_WEIGHT:
                    boolean feedsNeuron = q.other().equals(q.neuron());
                    return feedsNeuron ? forward.out(q.layer() - 1, q.from()) : 0.0;
                case OUTPUT_SHARE:
                    Names.Neuron output = q.other();
                    if (output.layer() == depth() && q.layer() == depth() - 1) {
                        return delta(depth(), output.index()) * propagatedThrough[q.layer()].weights[output.index()][q.index()];
                    }
                    break;
                default:
                    break;
            }
        }
        throw unknown(name, null);
    }

    private IllegalArgumentException unknown(String name, String reason) {
        return new IllegalArgumentException("unknown name '" + name + "' for a backward pass"
                + (reason == null ? "" : " (" + reason + ")") + ": expected dE/dout_<neuron>, "
                + "dout_<neuron>/dnet_<neuron>, delta_<neuron>, dE/dnet_<neuron>, dnet_<neuron>/dw<n>, "
                + "dE/dw<n>, dE/db<bias> or dE_<output>/dout_<neuron of the last hidden layer>, "
                + "e.g. dE/dw5 or delta_o1");
    }

    private int checkLayer(int l) {
        if (l < 1 || l > depth()) {
            throw new IllegalArgumentException("layer must be between 1 and " + depth() + ", but was " + l);
        }
        return l;
    }

    private int checkNeuron(int l, int j) {
        return checkNeuron(l, j, "j");
    }

    private int checkNeuron(int l, int j, String parameter) {
        return Require.index(parameter, j, forward.names().size(l), "the neurons of layer " + l);
    }
}
