package org.backprop.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CS231n's "Backpropagation, Intuitions" (https://cs231n.github.io/optimization-2/): the circuit
 * f = (x + y)·z, the gate patterns, and the 2-D sigmoid neuron, to the digits the notes print.
 */
class Cs231nTest {

    private final Node x = Node.leaf("x", -2);
    private final Node y = Node.leaf("y", 5);
    private final Node z = Node.leaf("z", -4);
    private final Node q = x.plus(y).named("q");
    private final Node f = q.times(z).named("f");

    @Test
    void circuitGivesThePublishedValueAndGradients() {
        Gradients gradients = f.backward();

        assertEquals(-12, f.value());
        assertEquals(-4, gradients.of("x"));
        assertEquals(-4, gradients.of("y"));
        assertEquals(3, gradients.of("z"));
        assertEquals(-4, gradients.of(q), "∂f/∂q = z");
        assertEquals(1, gradients.of(f), "∂f/∂f");
        assertEquals(1, gradients.sweeps());
    }

    @Test
    void addDistributesMultiplySwapsMaxRoutes() {
        Gradients circuit = f.backward();
        assertEquals(circuit.of(q), circuit.of(x), "add hands q's gradient to x unchanged");
        assertEquals(circuit.of(q), circuit.of(y), "and to y");
        assertEquals(z.value() * circuit.of(f), circuit.of(q), "multiply hands q the other input, z");
        assertEquals(q.value() * circuit.of(f), circuit.of(z), "and z the other input, q");

        Node a = Node.leaf("a", 4);
        Node b = Node.leaf("b", 2);
        Gradients max = a.max(b).times(2).backward();
        assertEquals(2, max.of(a), "max routes the whole gradient to the larger input");
        assertEquals(0, max.of(b), "and nothing to the smaller");
        Gradients tie = a.max(Node.leaf("c", 4)).backward();
        assertEquals(List.of(1.0, 0.0), List.of(tie.of("a"), tie.of("c")), "on a tie, to the first input");
    }

    /** w0·x0 + w1·x1 + w2, then 1 / (1 + e^−dot) in stages or in one σ gate. */
    private static Node[] neuron(boolean oneGate) {
        Node w0 = Node.leaf("w0", 2);
        Node x0 = Node.leaf("x0", -1);
        Node w1 = Node.leaf("w1", -3);
        Node x1 = Node.leaf("x1", -2);
        Node w2 = Node.leaf("w2", -3);
        Node dot = Node.sum(w0.times(x0), w1.times(x1), w2);
        Node f = oneGate ? dot.sigmoid() : Node.constant(1).dividedBy(dot.negate().exp().plus(1));
        return new Node[] {f.named("f"), w0, x0, w1, x1, w2};
    }

    @Test
    void sigmoidNeuronToThePublishedTwoDecimals() {
        Node[] neuron = neuron(false);
        Gradients gradients = neuron[0].backward();

        assertEquals(0.73, neuron[0].value(), 0.005);
        assertEquals(0.39, gradients.of("x0"), 0.005);
        assertEquals(-0.59, gradients.of("x1"), 0.005);
        assertEquals(-0.2, gradients.of("w0"), 0.005);
        assertEquals(-0.39, gradients.of("w1"), 0.005);
        assertEquals(0.2, gradients.of("w2"), 0.005);
    }

    @Test
    void oneSigmoidGateEqualsTheStagedOne() {
        Gradients staged = neuron(false)[0].backward();
        Node collapsed = neuron(true)[0];
        Gradients oneGate = collapsed.backward();
        double s = collapsed.value();

        assertEquals(s * (1 - s), collapsed.localDerivatives()[0], "σ′ = σ(1 − σ)");
        assertEquals(staged.byLeaf().keySet(), oneGate.byLeaf().keySet());
        staged.byLeaf().forEach((leaf, gradient) ->
                assertEquals(gradient, oneGate.of(leaf), 1e-15, () -> "∂f/∂" + leaf));
        assertEquals(5, staged.graph().size() - oneGate.graph().size(), "one σ gate for neg, exp, +, ÷ and two 1s");
    }
}
