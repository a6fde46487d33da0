package org.backprop.nn;

/** When, during one iteration, the new weights replace the old ones. */
public enum UpdateRule {
    /**
     * The text's method and the textbook's: every gradient is computed from the same, old
     * weights, then every weight moves, w ← w − η·∂E/∂w. Mazur's post does this ("we use the
     * original weights, not the updated weights").
     */
    TEXTBOOK,
    /**
     * Output layer first: each layer is updated as soon as its gradients are known, so the
     * error reaches the layer below through the already revised weights (∂E/∂out_h1 uses the new
     * w5 and w7). Not gradient descent on the old weights; it is what reproduces Mazur's
     * published E_total = 0.291027924 after the first round.
     */
    LAYER_BY_LAYER
}
