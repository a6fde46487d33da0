package org.backprop.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every local derivative against the definition of the derivative: 1,000 random expressions
 * (seeded) over three shared leaves, each gradient compared with the central difference
 * (f(v + h) − f(v − h)) / 2h of the graph re-evaluated at the nudged leaf.
 */
class RandomExpressionsTest {

    private static final int EXPRESSIONS = 1_000;
    private static final double H = 1e-5;
    /** The central difference's error, h²/6·f‴ plus rounding ε·f/h, stays far below this here. */
    private static final double TOLERANCE = 1e-6;
    /** Kinks (ReLU at 0, max at a tie) and poles are kept at least this far from every value. */
    private static final double CLEARANCE = 1e-2;
    private static final double LARGEST = 50;

    private final Random random = new Random(2024);

    @Test
    void reverseAndForwardModeMatchCentralDifferences() {
        int gates = 0;
        for (int e = 0; e < EXPRESSIONS; e++) {
            List<Node> leaves = List.of(leaf("a"), leaf("b"), leaf("c"));
            Node f = expression(leaves, 6);
            Gradients reverse = f.backward();
            Gradients forward = f.forwardMode();
            gates += f.graph().size();
            for (Node leaf : f.graph().leaves()) {
                double v = leaf.value();
                double numerical = (f.at(leaf.name(), v + H).value() - f.at(leaf.name(), v - H).value()) / (2 * H);
                double exact = reverse.of(leaf);
                double scale = Math.max(1, Math.abs(exact));
                String where = "expression " + e + ", ∂f/∂" + leaf.name();
                assertEquals(numerical, exact, TOLERANCE * scale, where);
                assertEquals(exact, forward.of(leaf), 1e-13 * scale, where + " (forward mode)");
            }
            assertEquals(f.graph().leaves().size(), forward.sweeps());
        }
        assertTrue(gates > 10 * EXPRESSIONS, "expressions big enough to matter: " + gates + " nodes");
    }

    private Node leaf(String name) {
        return Node.leaf(name, Math.round((random.nextDouble() * 4 - 2) * 1000) / 1000.0 + 0.0001);
    }

    /** A random expression of the given depth; a leaf may be used many times (fan-out). */
    private Node expression(List<Node> leaves, int depth) {
        if (depth == 0 || random.nextInt(8) == 0) {
            return random.nextInt(6) == 0 ? Node.constant(random.nextInt(5) - 2) : leaves.get(random.nextInt(3));
        }
        while (true) {
            Node a = expression(leaves, depth - 1);
            Node b = expression(leaves, depth - 1);
            List<Node> candidates = new ArrayList<>();
            candidates.add(a.plus(b));
            candidates.add(a.minus(b));
            candidates.add(a.times(b));
            candidates.add(a.negate());
            candidates.add(a.tanh());
            candidates.add(a.sigmoid());
            candidates.add(Node.sum(a, b, a));
            if (Math.abs(b.value()) > 0.5) {
                candidates.add(a.dividedBy(b));
            }
            if (a.value() < 3) {
                candidates.add(a.exp());
            }
            if (a.value() > 0.1) {
                candidates.add(a.log());
                candidates.add(a.pow(0.5));
                candidates.add(a.pow(-1.5));
            }
            candidates.add(a.pow(2));
            candidates.add(a.pow(3));
            if (Math.abs(a.value()) > CLEARANCE) {
                candidates.add(a.relu());
            }
            if (Math.abs(a.value() - b.value()) > CLEARANCE) {
                candidates.add(a.max(b));
            }
            Node chosen = candidates.get(random.nextInt(candidates.size()));
            if (Math.abs(chosen.value()) < LARGEST) {
                return chosen;
            }
        }
    }

    @Test
    void reEvaluationSharesWhatDidNotChange() {
        Node x = Node.leaf("x", 1);
        Node y = Node.leaf("y", 2);
        Node left = x.exp().named("left");
        Node f = left.times(y.sigmoid()).named("f");
        Node again = f.at(Map.of("y", 3.0));

        assertEquals(Math.exp(1) / (1 + Math.exp(-3)), again.value(), 1e-15);
        assertTrue(again.graph().node("left") == left, "the left branch does not depend on y");
        assertEquals("f", again.name());
        assertEquals(2, y.value(), "the original graph is unchanged");
    }
}
