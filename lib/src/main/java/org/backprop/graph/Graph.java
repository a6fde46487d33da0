package org.backprop.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The computational graph of one output f: every node f depends on, each once, in a topological
 * order — every node after all of its inputs, f last — with the gates each node feeds, and a label
 * for each node (its name; a constant's value; #k, its position in the order, for an unnamed gate).
 *
 * <p>The order comes from a depth-first walk from f that lists a node when all of its inputs are
 * listed. Reverse mode sweeps it from the end, forward mode from the start. Within one graph a
 * name stands for one node: two different nodes with the same name are an error.
 */
public final class Graph {

    private final Node output;
    private final List<Node> nodes;
    private final Map<Node, Integer> position = new IdentityHashMap<>();
    private final Map<String, Node> byName = new LinkedHashMap<>();
    /** For each node in order, the positions of its inputs. */
    private final int[][] inputPositions;

    private Graph(Node output) {
        this.output = output;
        this.nodes = Collections.unmodifiableList(topologicalOrder(output, position));
        this.inputPositions = new int[nodes.size()][];
        for (int k = 0; k < nodes.size(); k++) {
            Node node = nodes.get(k);
            if (node.name() != null) {
                Node other = byName.putIfAbsent(node.name(), node);
                if (other != null) {
                    throw new IllegalArgumentException("two different nodes of the graph are named '" + node.name()
                            + "' (" + other + " and " + node + "): a name must stand for one node");
                }
            }
            Node[] inputs = node.inputArray();
            inputPositions[k] = new int[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                inputPositions[k][i] = position.get(inputs[i]);
            }
        }
    }

    /** The graph of {@code output}. */
    public static Graph of(Node output) {
        return new Graph(Checks.present("output", output));
    }

    /**
     * Post-order of a depth-first walk through the gates, without recursion (a long chain would
     * overflow the stack): a gate is listed once every input is, and a leaf or constant just
     * before the first gate that uses it, as one would write the computation down. Fills
     * {@code position} with each node's place in the order.
     *
     * <p>A gate is never met again while it is on the walk's path — that would take a cycle — so
     * a node is new exactly when it has no position yet.
     */
    private static List<Node> topologicalOrder(Node output, Map<Node, Integer> position) {
        List<Node> order = new ArrayList<>();
        Deque<Node> path = new ArrayDeque<>();
        Deque<Integer> nextInput = new ArrayDeque<>();
        path.push(output);
        nextInput.push(0);
        while (!path.isEmpty()) {
            Node node = path.peek();
            int i = nextInput.pop();
            Node[] inputs = node.inputArray();
            if (i == inputs.length) {
                for (Node input : inputs) {
                    if (input.isInput() && position.putIfAbsent(input, order.size()) == null) {
                        order.add(input);
                    }
                }
                position.put(node, order.size());
                order.add(path.pop());
                continue;
            }
            nextInput.push(i + 1);
            if (!inputs[i].isInput() && !position.containsKey(inputs[i])) {
                path.push(inputs[i]);
                nextInput.push(0);
            }
        }
        return order;
    }

    /** f, the node whose graph this is. */
    public Node output() {
        return output;
    }

    /** Every node, inputs before the gates they feed, the output last. */
    public List<Node> nodes() {
        return nodes;
    }

    /** The number of nodes. */
    public int size() {
        return nodes.size();
    }

    /** The leaves (variables), in the order of {@link #nodes()}. */
    public List<Node> leaves() {
        return nodes.stream().filter(Node::isLeaf).toList();
    }

    /** The node with this name. */
    public Node node(String name) {
        Node node = byName.get(Checks.present("name", name));
        if (node == null) {
            throw new IllegalArgumentException("unknown node '" + name + "': expected one of " + byName.keySet());
        }
        return node;
    }

    /** True if the node is part of this graph. */
    public boolean contains(Node node) {
        return position.containsKey(node);
    }

    /** The gates a node feeds, each once, in the order of {@link #nodes()} (empty for the output). */
    public List<Node> consumers(Node node) {
        int k = positionOf(node);
        List<Node> consumers = new ArrayList<>();
        for (int c = k + 1; c < nodes.size(); c++) {
            for (int input : inputPositions[c]) {
                if (input == k) {
                    consumers.add(nodes.get(c));
                    break;
                }
            }
        }
        return consumers;
    }

    /** Its name; for an unnamed constant its value; for an unnamed gate #k, k its position from 1. */
    public String label(Node node) {
        int k = positionOf(node);
        if (node.name() != null) {
            return node.name();
        }
        return node.isInput() ? Checks.shortNumber(node.value()) : "#" + (k + 1);
    }

    /** How the node was made, in its inputs' labels: "x + y", "σ(net_h1)", "#3^2"; "leaf", "constant". */
    public String formula(Node node) {
        positionOf(node);
        List<String> in = node.inputs().stream().map(this::label).toList();
        String operation = node.operation();
        return switch (operation) {
            case "leaf", "constant" -> operation;
            case "+", "−", "×", "÷" -> in.get(0) + " " + operation + " " + in.get(1);
            case "Σ" -> String.join(" + ", in);
            case "neg" -> "−" + in.get(0);
            case "max" -> "max(" + in.get(0) + ", " + in.get(1) + ")";
            default -> operation.startsWith("^") ? in.get(0) + operation : operation + "(" + in.get(0) + ")";
        };
    }

    int positionOf(Node node) {
        Integer k = position.get(Checks.present("node", node));
        if (k == null) {
            throw new IllegalArgumentException("node " + node + " is not part of the graph of " + label(output));
        }
        return k;
    }

    /** The backward sweep (see {@link Node#backward(Accumulation)}). */
    Gradients reverseMode(Accumulation accumulation) {
        int n = nodes.size();
        double[] gradient = new double[n];
        Gradients.Sweep sweep = new Gradients.Sweep(wires());
        gradient[n - 1] = 1;  // ∂f/∂f
        for (int k = n - 1; k >= 0; k--) {
            double[] local = nodes.get(k).localDerivativeArray();
            for (int i = 0; i < local.length; i++) {
                int input = inputPositions[k][i];
                double arriving = gradient[k] * local[i];  // the chain rule: ∂f/∂gate · ∂gate/∂input
                gradient[input] = accumulation.join(gradient[input], arriving);
                sweep.record(k, i, input, gradient[k], arriving);
            }
        }
        return new Gradients(this, false, 1, gradient, sweep);
    }

    /** The number of wires: every input of every gate. */
    private int wires() {
        int wires = 0;
        for (int[] inputs : inputPositions) {
            wires += inputs.length;
        }
        return wires;
    }

    /** One forward sweep per leaf (see {@link Node#forwardMode()}). */
    Gradients forwardMode() {
        int n = nodes.size();
        double[] gradient = new double[n];
        Arrays.fill(gradient, Double.NaN);
        double[] tangent = new double[n];
        int sweeps = 0;
        for (int leaf = 0; leaf < n; leaf++) {
            if (!nodes.get(leaf).isLeaf()) {
                continue;
            }
            Arrays.fill(tangent, 0);
            tangent[leaf] = 1;  // ∂leaf/∂leaf; every other input has tangent 0
            for (int k = leaf + 1; k < n; k++) {
                double[] local = nodes.get(k).localDerivativeArray();
                double sum = 0;
                for (int i = 0; i < local.length; i++) {
                    sum += local[i] * tangent[inputPositions[k][i]];  // Σᵢ ∂gate/∂inputᵢ · inputᵢ˙
                }
                tangent[k] = sum;
            }
            gradient[leaf] = tangent[n - 1];
            sweeps++;
        }
        return new Gradients(this, true, sweeps, gradient, null);
    }

    /** The output made again with some inputs changed (see {@link Node#at(Map)}). */
    Node at(Map<String, Double> inputValues) {
        inputValues.forEach((name, value) -> {
            Checks.present("inputValues' key", name);
            Node input = byName.get(name);
            if (input == null || !input.isInput()) {
                throw new IllegalArgumentException("unknown input '" + name + "': expected one of "
                        + nodes.stream().filter(node -> node.isInput() && node.name() != null).map(Node::name).toList()
                        + " (the leaves and named constants of the graph)");
            }
            Checks.present("inputValues['" + name + "']", value);
        });
        Node[] made = new Node[nodes.size()];
        for (int k = 0; k < made.length; k++) {
            Node node = nodes.get(k);
            if (node.isInput()) {
                Double value = node.name() == null ? null : inputValues.get(node.name());
                made[k] = value == null ? node : node.withValue(value);
                continue;
            }
            Node[] inputs = new Node[inputPositions[k].length];
            boolean changed = false;
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = made[inputPositions[k][i]];
                changed |= inputs[i] != node.inputArray()[i];
            }
            made[k] = changed ? node.remade(inputs) : node;
        }
        return made[made.length - 1];
    }

    /** "Graph of f: 5 nodes, 3 leaves". */
    @Override
    public String toString() {
        return "Graph of " + label(output) + ": " + size() + " nodes, " + leaves().size() + " leaves";
    }
}
