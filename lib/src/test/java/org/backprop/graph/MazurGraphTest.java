package org.backprop.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.data.WorkedExample;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.GradientCheck;
import org.backprop.nn.Network;
import org.backprop.nn.NumericalGradient;
import org.backprop.nn.Sample;
import org.junit.jupiter.api.Test;

/**
 * Mazur's 2-2-2 network written as scalar gates gives the nn core's E_total and gradients: the
 * same arithmetic in the same order, so equal to 10⁻¹⁵ (relative) at worst.
 */
class MazurGraphTest {

    private static final double SAME = 1e-15;

    private final WorkedExample mazur = WorkedExample.mazur();
    private final Network network = mazur.network();
    private final Sample sample = mazur.sample();
    private final BackwardPass backward = network.backward(network.forward(sample));

    /** net = w·in + w·in + b, out = σ(net), E_o = ½(target − out)², E_total = E_o1 + E_o2. */
    static Node graph(Network network, Sample sample) {
        Map<String, Node> p = new LinkedHashMap<>();
        for (String parameter : network.names().parameterNames()) {
            p.put(parameter, Node.leaf(parameter, network.get(parameter)));
        }
        Node i1 = Node.constant("i1", sample.input()[0]);
        Node i2 = Node.constant("i2", sample.input()[1]);
        Node h1 = neuron("h1", p.get("w1"), i1, p.get("w2"), i2, p.get("b1"));
        Node h2 = neuron("h2", p.get("w3"), i1, p.get("w4"), i2, p.get("b1"));
        Node o1 = neuron("o1", p.get("w5"), h1, p.get("w6"), h2, p.get("b2"));
        Node o2 = neuron("o2", p.get("w7"), h1, p.get("w8"), h2, p.get("b2"));
        return error("o1", o1, sample.target()[0]).plus(error("o2", o2, sample.target()[1])).named("E_total");
    }

    private static Node neuron(String name, Node wa, Node a, Node wb, Node b, Node bias) {
        return Node.sum(wa.times(a), wb.times(b), bias).named("net_" + name).sigmoid().named("out_" + name);
    }

    private static Node error(String name, Node out, double target) {
        return Node.constant("target_" + name, target).minus(out).pow(2).times(0.5).named("E_" + name);
    }

    private static void assertSame(double expected, double actual, String what) {
        assertEquals(expected, actual, SAME * Math.abs(expected), what);
    }

    @Test
    void forwardPassAsTheNetworkComputesIt() {
        Node total = graph(network, sample);
        Graph graph = total.graph();

        assertSame(backward.forward().totalError(), total.value(), "E_total");
        for (String name : List.of("net_h1", "out_h1", "out_h2", "net_o1", "out_o1", "out_o2")) {
            assertSame(backward.forward().get(name), graph.node(name).value(), name);
        }
        assertEquals(39, graph.size(), "nodes of the whole network as a graph");
    }

    @Test
    void everyWeightAndBiasGradientAsBackpropagationComputesIt() {
        Gradients gradients = graph(network, sample).backward();

        assertEquals(network.names().parameterNames().size(), gradients.byLeaf().size());
        gradients.byLeaf().forEach((parameter, gradient) ->
                assertSame(backward.get("dE/d" + parameter), gradient, "∂E/∂" + parameter));
        assertEquals(0.082167041, gradients.of("w5"), 5e-10, "Mazur's ∂E/∂w5");
        assertEquals(0.000438568, gradients.of("w1"), 5e-10, "Mazur's ∂E/∂w1");
    }

    @Test
    void sharedBiasReceivesOneContributionPerHiddenNeuron() {
        Gradients gradients = graph(network, sample).backward();
        List<Gradients.Contribution> b1 = gradients.contributions("b1");

        assertEquals(2, b1.size());
        assertEquals(List.of("net_h2", "net_h1"), b1.stream().map(c -> c.gate().name()).toList(),
                "in the order of the sweep, which reaches net_h2 first");
        assertSame(backward.get("delta_h1"), b1.get(1).arriving(), "δ_h1 through net_h1");
        assertSame(backward.get("delta_h2"), b1.get(0).arriving(), "δ_h2 through net_h2");
        assertEquals(b1.get(0).arriving() + b1.get(1).arriving(), gradients.of("b1"), "+= sums them");
        assertSame(backward.get("dE/db1"), gradients.of("b1"), "BP3's sum");
    }

    @Test
    void forwardModeEqualsReverseMode() {
        Node total = graph(network, sample);
        Gradients reverse = total.backward();
        Gradients forward = total.forwardMode();

        assertEquals(10, forward.sweeps(), "one sweep per weight and bias");
        assertEquals(1, reverse.sweeps());
        reverse.byLeaf().forEach((parameter, gradient) ->
                assertSame(gradient, forward.of(parameter), "∂E/∂" + parameter));
    }

    @Test
    void gradientCheckPassesTheSumAndCatchesTheOverwrite() {
        Node total = graph(network, sample);
        NumericalGradient central = NumericalGradient.central(1e-5);
        GradientCheck right = GradientCheck.of(network, sample, central, total.backward().byLeaf());
        GradientCheck wrong = GradientCheck.of(network, sample, central,
                total.backward((held, arriving) -> arriving).byLeaf());

        assertTrue(right.maxRelativeError() < 1e-6, () -> "sum: " + right.maxRelativeError());
        List<String> failing = wrong.rows().stream().filter(row -> row.relativeError() > 1e-6)
                .map(GradientCheck.Row::parameter).toList();
        assertEquals(List.of("w1", "w2", "w3", "w4", "b1", "b2"), failing,
                "every parameter behind a value that fans out: out_h1, out_h2, b1, b2");
    }
}
