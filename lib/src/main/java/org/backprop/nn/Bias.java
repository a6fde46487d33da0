package org.backprop.nn;

/** How a layer's neurons get their bias term b in {@code net = Σ w·in + b}. */
public enum Bias {
    /** No bias: net = Σ w·in (the 2-2-1 linear example). */
    NONE,
    /**
     * One bias shared by every neuron of the layer, as b1 and b2 in Mazur's example. Its gradient
     * is the sum over the layer: ∂E/∂b = Σⱼ δⱼ.
     */
    SHARED,
    /** A bias per neuron (Nielsen's bˡⱼ), with ∂E/∂bⱼ = δⱼ (BP3). */
    PER_NEURON
}
