package org.backprop.graph;

/**
 * How the backward sweep joins a gradient arriving at a node along one of its outgoing wires
 * with the gradient the node already holds.
 *
 * <p>The chain rule sums over every path from the node to the output, so the right rule is
 * {@link #ADD}: ∂f/∂n = Σ over the gates g that n feeds of ∂f/∂g · ∂g/∂n — the {@code +=} of
 * micrograd's {@code self.grad += …}. The interface exists so that a notebook can put in a wrong
 * rule, {@code (held, arriving) -> arriving} (an {@code =}), and watch what breaks.
 */
@FunctionalInterface
public interface Accumulation {

    /** held + arriving: the sum over paths. */
    Accumulation ADD = (held, arriving) -> held + arriving;

    /**
     * The node's gradient after one more contribution.
     *
     * @param held     what the node holds so far (0 before its first contribution)
     * @param arriving ∂f/∂g · ∂g/∂n from one gate g that the node n feeds
     */
    double join(double held, double arriving);
}
