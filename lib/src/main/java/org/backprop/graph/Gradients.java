package org.backprop.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one differentiation of f found, immutable: ∂f/∂n by node or by name. Reverse mode
 * ({@link Node#backward()}) has every node's gradient from one sweep, and every contribution that
 * reached each node; forward mode ({@link Node#forwardMode()}) has the leaves' gradients only, from
 * one sweep per leaf.
 */
public final class Gradients {

    /**
     * One gradient arriving at a node from a gate it feeds, during the backward sweep.
     *
     * @param gate            the gate g the node feeds
     * @param input           which of g's inputs the node is (0 for the first)
     * @param gateGradient    ∂f/∂g, complete when g is swept
     * @param localDerivative ∂g/∂node
     * @param arriving        ∂f/∂g · ∂g/∂node, what the node is handed
     */
    public record Contribution(Node gate, int input, double gateGradient, double localDerivative,
                               double arriving) {
    }

    /**
     * The backward sweep's steps in order, one per wire, in flat arrays (a graph of thousands of
     * nodes is swept without making an object per wire); {@link #contributions} reads them.
     */
    static final class Sweep {
        private final int[] gate;
        private final int[] slot;
        private final int[] input;
        private final double[] gateGradient;
        private final double[] arriving;
        private int steps;

        Sweep(int wires) {
            gate = new int[wires];
            slot = new int[wires];
            input = new int[wires];
            gateGradient = new double[wires];
            arriving = new double[wires];
        }

        void record(int gate, int slot, int input, double gateGradient, double arriving) {
            this.gate[steps] = gate;
            this.slot[steps] = slot;
            this.input[steps] = input;
            this.gateGradient[steps] = gateGradient;
            this.arriving[steps] = arriving;
            steps++;
        }
    }

    private final Graph graph;
    private final boolean forwardMode;
    private final int sweeps;
    private final double[] gradient;
    private final Sweep sweep;

    Gradients(Graph graph, boolean forwardMode, int sweeps, double[] gradient, Sweep sweep) {
        this.graph = graph;
        this.forwardMode = forwardMode;
        this.sweeps = sweeps;
        this.gradient = gradient;
        this.sweep = sweep;
    }

    /** The graph differentiated. */
    public Graph graph() {
        return graph;
    }

    /** "reverse mode" or "forward mode". */
    public String mode() {
        return forwardMode ? "forward mode" : "reverse mode";
    }

    /** True for reverse mode, which has every node's gradient and the contributions. */
    public boolean isReverseMode() {
        return !forwardMode;
    }

    /** Sweeps through the graph it took: 1 in reverse mode, one per leaf in forward mode. */
    public int sweeps() {
        return sweeps;
    }

    /** True if this record has ∂f/∂node: in reverse mode for every node, in forward mode for leaves. */
    public boolean has(Node node) {
        return graph.contains(Checks.present("node", node)) && (!forwardMode || node.isLeaf());
    }

    /** ∂f/∂node. */
    public double of(Node node) {
        int k = graph.positionOf(node);
        if (forwardMode && !node.isLeaf()) {
            throw new IllegalArgumentException("forward mode differentiates by the leaves only, but "
                    + graph.label(node) + " is a " + (node.isInput() ? "constant" : "gate")
                    + " (reverse mode has every node's gradient)");
        }
        return gradient[k];
    }

    /** ∂f/∂node for the node with this name. */
    public double of(String name) {
        return of(graph.node(name));
    }

    /** ∂f/∂leaf for every leaf, by name, in the order of {@link Graph#nodes()}. */
    public Map<String, Double> byLeaf() {
        Map<String, Double> byLeaf = new LinkedHashMap<>();
        for (Node leaf : graph.leaves()) {
            byLeaf.put(leaf.name(), of(leaf));
        }
        return byLeaf;
    }

    /**
     * What the node was handed by each gate it feeds, in the order of the sweep; with
     * {@link Accumulation#ADD} their sum is its gradient. Reverse mode only.
     */
    public List<Contribution> contributions(Node node) {
        int k = graph.positionOf(node);
        if (forwardMode) {
            throw new IllegalArgumentException("forward mode sends no gradients backwards: contributions are "
                    + "recorded by reverse mode (node.backward())");
        }
        List<Contribution> contributions = new ArrayList<>();
        for (int step = 0; step < sweep.steps; step++) {
            if (sweep.input[step] == k) {
                Node gate = graph.nodes().get(sweep.gate[step]);
                contributions.add(new Contribution(gate, sweep.slot[step], sweep.gateGradient[step],
                        gate.localDerivativeArray()[sweep.slot[step]], sweep.arriving[step]));
            }
        }
        return List.copyOf(contributions);
    }

    /** The contributions to the node with this name. */
    public List<Contribution> contributions(String name) {
        return contributions(graph.node(name));
    }

    /** "reverse mode of f, 1 sweep: ∂f/∂x = -4, ∂f/∂y = -4, ∂f/∂z = 3". */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(mode()).append(" of ").append(graph.label(graph.output()))
                .append(", ").append(sweeps).append(sweeps == 1 ? " sweep" : " sweeps").append(':');
        String separator = " ";
        for (Map.Entry<String, Double> leaf : byLeaf().entrySet()) {
            text.append(separator).append("∂").append(graph.label(graph.output())).append("/∂").append(leaf.getKey())
                    .append(" = ").append(Checks.shortNumber(leaf.getValue()));
            separator = ", ";
        }
        return text.toString();
    }
}
