package org.backprop.nn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Every intermediate of the chain rule for one forward pass, layer by layer from the output
 * back — Nielsen's four equations in matrix form:
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
    private final Layer[] propagatedThrough;
    private final DMatrixRMaj[] outGradient;
    private final DMatrixRMaj[] outDerivative;
    private final DMatrixRMaj[] delta;
    private final DMatrixRMaj[] weightGradient;
    private final DMatrixRMaj[] biasGradient;

    /**
     * Runs the backward pass. {@code update}, if not null, is called with each layer's
     * gradients as soon as they are known, and may replace that layer before the error is
     * propagated through it — the layer-by-layer variant. Null means every δ is propagated
     * through the weights of the forward pass.
     */
    BackwardPass(ForwardPass forward, LayerUpdate update) {
        this.forward = forward;
        int depth = forward.depth();
        this.propagatedThrough = new Layer[depth + 2];
        this.outGradient = new DMatrixRMaj[depth + 1];
        this.outDerivative = new DMatrixRMaj[depth + 1];
        this.delta = new DMatrixRMaj[depth + 1];
        this.weightGradient = new DMatrixRMaj[depth + 1];
        this.biasGradient = new DMatrixRMaj[depth + 1];
        outGradient[depth] = lossGradient(forward);
        for (int l = depth; l >= 1; l--) {
            if (l < depth) {
                outGradient[l] = new DMatrixRMaj(forward.layer(l).size(), 1);
                CommonOps_DDRM.multTransA(propagatedThrough[l + 1].weightsUncopied(), delta[l + 1], outGradient[l]);
            }
            Layer layer = forward.layer(l);
            outDerivative[l] = layer.outDerivative(forward.netUncopied(l), forward.outUncopied(l));
            delta[l] = new DMatrixRMaj(layer.size(), 1);
            CommonOps_DDRM.elementMult(outGradient[l], outDerivative[l], delta[l]);
            weightGradient[l] = new DMatrixRMaj(layer.size(), layer.inputs());
            CommonOps_DDRM.multTransB(delta[l], forward.outUncopied(l - 1), weightGradient[l]);
            biasGradient[l] = BatchGradient.biasGradient(layer.bias(), delta[l]);
            propagatedThrough[l] = update == null
                    ? layer
                    : update.apply(l, layer, weightGradient[l], biasGradient[l]);
        }
    }

    /** Replaces a layer once its gradients are known (see the layer-by-layer update). */
    @FunctionalInterface
    interface LayerUpdate {
        Layer apply(int l, Layer layer, DMatrixRMaj weightGradient, DMatrixRMaj biasGradient);
    }

    private static DMatrixRMaj lossGradient(ForwardPass forward) {
        int depth = forward.depth();
        DMatrixRMaj gradient = new DMatrixRMaj(forward.layer(depth).size(), 1);
        for (int j = 0; j < gradient.numRows; j++) {
            gradient.set(j, 0, forward.loss().derivative(forward.sample().target()[j], forward.out(depth, j)));
        }
        return gradient;
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
        return vector(outGradient, l).get(j, 0);
    }

    /** ∂outˡⱼ/∂netˡⱼ = f′(netˡⱼ). */
    public double outDerivative(int l, int j) {
        return vector(outDerivative, l).get(j, 0);
    }

    /** δˡⱼ = ∂E/∂netˡⱼ = ∂E/∂outˡⱼ · ∂outˡⱼ/∂netˡⱼ (BP1, BP2). */
    public double delta(int l, int j) {
        return vector(delta, l).get(j, 0);
    }

    /** ∂E/∂Wˡⱼₖ = δˡⱼ · outˡ⁻¹ₖ (BP4). */
    public double weightGradient(int l, int j, int k) {
        return vector(weightGradient, l).get(j, k);
    }

    /** ∂E/∂bˡⱼ = δˡⱼ, or Σⱼ δˡⱼ for a shared bias (BP3); 0 for a layer without bias. */
    public double biasGradient(int l, int j) {
        return vector(biasGradient, l).get(j, 0);
    }

    /** ‖∂E/∂Wˡ‖, the Frobenius norm √(Σⱼₖ (∂E/∂Wˡⱼₖ)²): how strongly layer l is told to change. */
    public double weightGradientNorm(int l) {
        return NormOps_DDRM.normF(vector(weightGradient, l));
    }

    /** A copy of δˡ as a column vector. */
    public DMatrixRMaj deltaVector(int l) {
        return vector(delta, l).copy();
    }

    /** A copy of ∂E/∂Wˡ, shaped like Wˡ. */
    public DMatrixRMaj weightGradients(int l) {
        return weightGradientsUncopied(l).copy();
    }

    /** A copy of ∂E/∂bˡ as a column vector. */
    public DMatrixRMaj biasGradients(int l) {
        return biasGradientsUncopied(l).copy();
    }

    /** ∂E/∂Wˡ itself, not copied, for the update, which only reads it. */
    DMatrixRMaj weightGradientsUncopied(int l) {
        return vector(weightGradient, l);
    }

    /** ∂E/∂bˡ itself, not copied, for the update, which only reads it. */
    DMatrixRMaj biasGradientsUncopied(int l) {
        return vector(biasGradient, l);
    }

    /**
     * The layer l+1 whose weights carried δˡ⁺¹ back to layer l: the forward pass's own layer,
     * or the already revised one in the layer-by-layer variant.
     */
    public Layer propagatedThrough(int l) {
        if (l < 1 || l >= depth()) {
            throw new IllegalArgumentException(
                    "layer must be between 1 and " + (depth() - 1) + " (a layer with a layer after it), but was " + l);
        }
        return propagatedThrough[l + 1];
    }

    /** Reads a value by the worked example's name (see the class comment). */
    public double get(String name) {
        String key = Names.ascii(name);
        Names names = forward.names();
        try {
            if (key.startsWith("delta_") || key.startsWith("dE/dnet_")) {
                Names.Neuron n = neuronAfter(key, "_");
                return delta(n.layer(), n.index());
            }
            if (key.startsWith("dE/dout_")) {
                Names.Neuron n = neuronAfter(key, "_");
                return outGradient(n.layer(), n.index());
            }
            if (key.startsWith("dE/dw")) {
                Names.Weight w = names.weight(key.substring("dE/d".length()));
                return weightGradient(w.layer(), w.to(), w.from());
            }
            if (key.startsWith("dE/db")) {
                Names.BiasTerm b = names.bias(key.substring("dE/d".length()));
                return biasGradient(b.layer(), b.index());
            }
            if (key.matches("dout_\\w+/dnet_\\w+")) {
                String[] parts = key.split("/");
                Names.Neuron n = names.neuron(parts[0].substring("dout_".length()));
                if (n.equals(names.neuron(parts[1].substring("dnet_".length())))) {
                    return outDerivative(n.layer(), n.index());
                }
            }
            if (key.matches("dnet_\\w+/dw\\d+")) {
                String[] parts = key.split("/");
                Names.Neuron n = names.neuron(parts[0].substring("dnet_".length()));
                Names.Weight w = names.weight(parts[1].substring(1));
                boolean feedsNeuron = w.layer() == n.layer() && w.to() == n.index();
                return feedsNeuron ? forward.out(w.layer() - 1, w.from()) : 0.0;
            }
            if (key.matches("dE_o\\d+/dout_\\w+")) {
                String[] parts = key.split("/");
                Names.Neuron output = names.neuron(parts[0].substring("dE_".length()));
                Names.Neuron hidden = names.neuron(parts[1].substring("dout_".length()));
                if (output.layer() == depth() && hidden.layer() == depth() - 1 && hidden.layer() >= 1) {
                    return delta(depth(), output.index())
                            * propagatedThrough(hidden.layer()).weight(output.index(), hidden.index());
                }
            }
        } catch (IllegalArgumentException unknownPart) {
            throw unknown(name, unknownPart.getMessage());
        }
        throw unknown(name, null);
    }

    private Names.Neuron neuronAfter(String key, String separator) {
        Names.Neuron n = forward.names().neuron(key.substring(key.indexOf(separator) + 1));
        if (n.layer() == 0) {
            throw new IllegalArgumentException("input neurons have no derivatives");
        }
        return n;
    }

    private IllegalArgumentException unknown(String name, String reason) {
        return new IllegalArgumentException("unknown name '" + name + "' for a backward pass"
                + (reason == null ? "" : " (" + reason + ")") + ": expected dE/dout_<neuron>, "
                + "dout_<neuron>/dnet_<neuron>, delta_<neuron>, dE/dnet_<neuron>, dnet_<neuron>/dw<n>, "
                + "dE/dw<n>, dE/db<bias> or dE_<output>/dout_<neuron of the last hidden layer>, "
                + "e.g. dE/dw5 or delta_o1");
    }

    private DMatrixRMaj vector(DMatrixRMaj[] perLayer, int l) {
        if (l < 1 || l > depth()) {
            throw new IllegalArgumentException("layer must be between 1 and " + depth() + ", but was " + l);
        }
        return perLayer[l];
    }
}
