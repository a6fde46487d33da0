package org.backprop.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The graph's order and names, the += where a value fans out, and every bad input's message. */
class GraphTest {

    private final Node x = Node.leaf("x", -2);
    private final Node y = Node.leaf("y", 5);
    private final Node z = Node.leaf("z", -4);
    private final Node q = x.plus(y).named("q");
    private final Node f = q.times(z).named("f");

    private static void fails(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void orderListsInputsBeforeTheirGatesAndTheOutputLast() {
        Graph graph = f.graph();

        assertEquals(List.of("x", "y", "q", "z", "f"), graph.nodes().stream().map(graph::label).toList());
        assertEquals(List.of(x, y, z), graph.leaves());
        assertEquals(List.of(f), graph.consumers(q));
        assertEquals("q × z", graph.formula(f));
        assertEquals("Graph of f: 5 nodes, 3 leaves", graph.toString());
    }

    @Test
    void unnamedNodesAreLabelledByPositionAndConstantsByValue() {
        Node g = x.times(y).plus(0.5);
        Graph graph = g.graph();

        assertEquals(List.of("x", "y", "#3", "0.5", "#5"), graph.nodes().stream().map(graph::label).toList());
        assertEquals("#3 + 0.5", graph.formula(g));
        assertEquals("+ gate = -9.5", g.toString());
    }

    @Test
    void aValueUsedTwiceGetsBothContributionsAdded() {
        Gradients square = x.times(x).backward();
        assertEquals(2 * x.value(), square.of(x), "∂(x·x)/∂x = 2x: one x per input of the gate");
        assertEquals(2, square.contributions(x).size());

        Node shared = Node.sum(x.times(y), x.exp()).named("g");
        Gradients sum = shared.backward();
        Gradients overwritten = shared.backward((held, arriving) -> arriving);
        assertEquals(y.value() + Math.exp(x.value()), sum.of(x), 1e-15);
        assertEquals(sum.contributions(x).get(1).arriving(), overwritten.of(x),
                "= keeps the last contribution of the sweep");
        assertEquals(sum.of(y), overwritten.of(y), "y feeds one gate: the rule does not matter");
    }

    @Test
    void cyclesCannotBeBuilt() throws Exception {
        for (Field field : Node.class.getDeclaredFields()) {
            assertTrue(Modifier.isFinal(field.getModifiers()), () -> field.getName() + " is final");
        }
        assertThrows(UnsupportedOperationException.class, () -> f.inputs().set(0, f));
        double[] local = f.localDerivatives();
        local[0] = 99;
        assertEquals(z.value(), f.localDerivatives()[0], "a copy");
        Graph graph = f.at(Map.of("x", 1.0)).graph();
        for (int k = 0; k < graph.size(); k++) {
            for (Node input : graph.nodes().get(k).inputs()) {
                assertTrue(graph.nodes().indexOf(input) < k, "every input comes before its gate");
            }
        }
    }

    @Test
    void aLongChainNeedsNoDeepRecursion() {
        Node chain = x;
        for (int k = 0; k < 100_000; k++) {
            chain = chain.plus(1);
        }
        assertEquals(1, chain.backward().of(x));
    }

    @Test
    void forwardModeHasTheLeavesOnly() {
        Gradients forward = f.forwardMode();
        assertEquals(Map.of("x", -4.0, "y", -4.0, "z", 3.0), forward.byLeaf());
        assertEquals(3, forward.sweeps());
        assertEquals("forward mode of f, 3 sweeps: ∂f/∂x = -4, ∂f/∂y = -4, ∂f/∂z = 3", forward.toString());
        fails("forward mode differentiates by the leaves only, but q is a gate (reverse mode has every node's "
                + "gradient)", () -> forward.of("q"));
        fails("forward mode sends no gradients backwards: contributions are recorded by reverse mode "
                + "(node.backward())", () -> forward.contributions("x"));
    }

    @Test
    void badInputs() {
        fails("b must not be null", () -> x.plus(null));
        fails("b must not be null", () -> x.max(null));
        fails("terms must hold at least 1 node, but was empty", () -> Node.sum(List.of()));
        fails("terms[1] must not be null", () -> Node.sum(x, null));
        fails("name must not be null", () -> Node.leaf(null, 1));
        fails("name must be a non-blank name not starting with '#' (which labels unnamed nodes), but was ' '",
                () -> Node.leaf(" ", 1));
        fails("name must be a non-blank name not starting with '#' (which labels unnamed nodes), but was '#3'",
                () -> x.exp().named("#3"));
        fails("the value of x must be a finite number, but was NaN", () -> Node.leaf("x", Double.NaN));
        fails("the value of x must be a finite number, but was Infinity",
                () -> Node.leaf("x", Double.POSITIVE_INFINITY));
        fails("value must be a finite number, but was -Infinity", () -> x.times(Double.NEGATIVE_INFINITY));
        fails("p must be a finite number, but was NaN", () -> x.pow(Double.NaN));
        fails("log needs an input greater than 0, but its input was x = -2", x::log);
        fails("log needs an input greater than 0, but its input was 0", () -> Node.constant(0).log());
        fails("the gate ÷ of x = -2, 0 would have the value -Infinity: every value and local derivative in a "
                + "graph must be a finite number", () -> x.dividedBy(0));
        fails("the gate exp of 1000 would have the value Infinity: every value and local derivative in a graph "
                + "must be a finite number", () -> Node.constant(1000).exp());
        fails("the gate ^0.5 of x = -2 would have the value NaN: every value and local derivative in a graph "
                + "must be a finite number", () -> x.pow(0.5));
        fails("the gate ^0.5 of 0 would have the local derivative Infinity: every value and local derivative in "
                + "a graph must be a finite number", () -> Node.constant(0).pow(0.5));
        fails("accumulation must not be null", () -> f.backward(null));
    }

    @Test
    void badNames() {
        Gradients gradients = f.backward();
        fails("unknown node 'w': expected one of [x, y, q, z, f]", () -> gradients.of("w"));
        fails("node 0.5 is not part of the graph of f", () -> gradients.of(Node.constant(0.5)));
        fails("two different nodes of the graph are named 'x' (x = -2 and x = 3): a name must stand for one node",
                () -> x.plus(Node.leaf("x", 3)).backward());
        fails("unknown input 'q': expected one of [x, y, z] (the leaves and named constants of the graph)",
                () -> f.at("q", 1));
        fails("the value of x must be a finite number, but was NaN", () -> f.at("x", Double.NaN));
        fails("inputValues must not be null", () -> f.at(null));
        fails("output must not be null", () -> Graph.of(null));
    }
}
