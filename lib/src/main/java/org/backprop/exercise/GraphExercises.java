package org.backprop.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.backprop.graph.Graph;
import org.backprop.graph.Gradients;
import org.backprop.graph.Node;

/** Notebook 11: a circuit's gradient where an input forks, and another input's, through the gates' rules. */
final class GraphExercises {

    private GraphExercises() {
    }

    /** The exercises of {@link Exercises#circuit(Node, Node)}, with their mistakes. */
    static Exercises circuit(Node output, Node input) {
        return Exercises.of(List.of(forking(output, input)));
    }

    /** ∂output/∂input, where the one-path mistakes tell of micrograd's += at the fork. */
    private static Exercise forking(Node output, Node input) {
        if (output == null || input == null) {
            throw new IllegalArgumentException((output == null ? "output" : "input") + " must not be null");
        }
        Gradients gradients = output.backward();
        if (!gradients.has(input)) {
            throw new IllegalArgumentException("input must be a node that " + output.name() + " depends on, but "
                    + input.name() + " is not in its graph");
        }
        return slips(output, input, gradients.of(input), input.name() + " feeds more than one gate, and the "
                + "gradient adds every path: multiply the local derivatives along each path, then add the paths (an "
                + "= where micrograd has += at the fork gives one path only).");
    }

    /** The exercises of {@link Exercises#circuit(Node, Node, Node)}: those of {@code input}, then {@code other}'s. */
    static Exercises circuit(Node output, Node input, Node other) {
        Exercise first = forking(output, input);
        if (other == null) {
            throw new IllegalArgumentException("other must not be null");
        }
        if (other == input) {
            throw new IllegalArgumentException("other must be another node than input, but both were "
                    + input.name());
        }
        Gradients gradients = output.backward();
        if (!gradients.has(other)) {
            throw new IllegalArgumentException("other must be a node that " + output.name() + " depends on, but "
                    + other.name() + " is not in its graph");
        }
        Exercise exercise = slips(output, other, gradients.of(other), "the gradient adds every path.");
        return Exercises.of(List.of(first, exercise));
    }

    /**
     * ∂output/∂input with these mistakes: one path alone where there are several ({@code addPaths}
     * says why that is wrong); a gate's rule misapplied, a multiply gate handing an input its own
     * value or the gradient unchanged, a max gate routing to the wrong input or to both; the sign.
     * Each slip is applied at one gate wherever the paths pass it; slips that give one number share
     * one mistake, and one that gives the answer is left out ({@link Mistake#addTo}).
     */
    private static Exercise slips(Node output, Node input, double answer, String addPaths) {
        Graph graph = output.graph();
        List<List<Wire>> paths = new ArrayList<>();
        collectWires(output, input, new ArrayList<>(), paths);
        List<Mistake> mistakes = new ArrayList<>();
        if (paths.size() > 1) {
            for (List<Wire> path : paths) {
                Mistake.addTo(mistakes, answer, product(path, null, 0), "only one of the " + paths.size()
                        + " paths from " + input.name() + " to " + output.name() + ": " + addPaths);
            }
        }
        // the gates nearest the input first: there a rule is applied with the least to keep track of
        List<Wire> wires = new ArrayList<>();
        for (List<Wire> path : paths) {
            for (int k = path.size() - 1; k >= 0; k--) {
                if (!wires.contains(path.get(k))) {
                    wires.add(path.get(k));
                }
            }
        }
        for (Wire wire : wires) {
            Node gate = wire.gate();
            Node in = gate.inputs().get(wire.slot());
            String gateText = (gate.name() == null ? "" : gate.name() + " = ") + expression(graph, gate);
            if (gate.operation().equals("×") && gate.inputs().size() == 2) {
                Node otherInput = gate.inputs().get(1 - wire.slot());
                if (otherInput == in) {
                    continue;
                }
                Mistake.addTo(mistakes, answer, sum(paths, wire, in.value()),
                        "the multiply gate " + gateText + " hands each "
                        + "input the gradient times the other input: " + describe(graph, in) + " receives it times "
                        + describe(graph, otherInput) + ", not times its own value.");
                Mistake.addTo(mistakes, answer, sum(paths, wire, 1),
                        "the multiply gate " + gateText + " passed the gradient "
                        + "on unchanged, as an add gate does; it multiplies it by its other input, "
                        + describe(graph, otherInput) + ".");
            } else if (gate.operation().equals("max")) {
                Node larger = gate.inputs().get(gate.localDerivatives()[0] == 1 ? 0 : 1);
                if (wire.local() == 0) {
                    Mistake.addTo(mistakes, answer, sum(paths, wire, 1),
                            "the max gate " + gateText + " routes the whole "
                            + "gradient to its larger input, " + describe(graph, larger) + "; " + describe(graph, in)
                            + ", the smaller, receives nothing.");
                } else {
                    Mistake.addTo(mistakes, answer, sum(paths, wire, 0),
                            "the max gate " + gateText + " routes the whole "
                            + "gradient to its larger input, and that is " + describe(graph, in) + ".");
                }
            }
        }
        Mistake.addTo(mistakes, answer, -answer, "the sign: multiply the local derivatives as they are.");
        String id = "d" + output.name() + "/d" + input.name();
        return new Exercise(id, "∂" + output.name() + "/∂" + input.name() + " at these values, by the chain rule "
                + "through every gate; a number", answer, mistakes, "start at " + output.name() + " with 1 and walk "
                + "back to " + input.name() + ": an add gate passes the gradient on, a multiply gate multiplies it by "
                + "the other input, a max gate routes it to the larger input.", solution(output, input, paths));
    }

    /** The solution: one product of local derivatives per path, written out as numbers, then their sum. */
    private static String solution(Node output, Node input, List<List<Wire>> paths) {
        StringBuilder solution = new StringBuilder("// one product of local derivatives per path from " + input.name()
                + " to " + output.name() + ", from " + output.name() + " down\n");
        for (int p = 0; p < paths.size(); p++) {
            solution.append("double path").append(p + 1).append(" = ").append(paths.get(p).stream()
                    .map(wire -> String.valueOf(wire.local())).collect(Collectors.joining(" * "))).append(";\n");
        }
        solution.append("exercises.check(\"d").append(output.name()).append("/d").append(input.name())
                .append("\", ").append(IntStream.rangeClosed(1, paths.size())
                        .mapToObj(p -> "path" + p).collect(Collectors.joining(" + "))).append(")");
        return solution.toString();
    }

    /** One input slot of a gate on a path, with its local derivative. */
    private record Wire(Node gate, int slot, double local) {
    }

    /** The sum over the paths of their products, with {@code changed}'s local derivative taken as {@code local}. */
    private static double sum(List<List<Wire>> paths, Wire changed, double local) {
        double total = 0;
        for (List<Wire> path : paths) {
            total += product(path, changed, local);
        }
        return total;
    }

    private static double product(List<Wire> path, Wire changed, double local) {
        double product = 1;
        for (Wire wire : path) {
            product *= wire.equals(changed) ? local : wire.local();
        }
        return product;
    }

    /** The wires along each path from {@code node} down to {@code input}. */
    private static void collectWires(Node node, Node input, List<Wire> above, List<List<Wire>> paths) {
        if (node == input) {
            paths.add(List.copyOf(above));
            return;
        }
        List<Node> inputs = node.inputs();
        double[] local = node.localDerivatives();
        for (int i = 0; i < inputs.size(); i++) {
            List<Wire> path = new ArrayList<>(above);
            path.add(new Wire(node, i, local[i]));
            collectWires(inputs.get(i), input, path, paths);
        }
    }

    /** A node as an operand: its name, a number, or else the expression that made it. */
    private static String describe(Graph graph, Node node) {
        return node.name() != null || node.isInput() ? graph.label(node) : expression(graph, node);
    }

    /** How a gate was made, down to named nodes and numbers: "x × y", "(x × y + max(x, z)) × 2". */
    private static String expression(Graph graph, Node node) {
        if (node.isInput()) {
            return graph.label(node);
        }
        List<String> in = node.inputs().stream().map(input -> operand(graph, node, input)).toList();
        return switch (node.operation()) {
            case "+", "−", "×", "÷" -> in.get(0) + " " + node.operation() + " " + in.get(1);
            case "Σ" -> String.join(" + ", in);
            case "max" -> "max(" + in.get(0) + ", " + in.get(1) + ")";
            default -> graph.formula(node);
        };
    }

    /** {@code input} written as an operand of {@code gate}, in parentheses where a sum meets a product. */
    private static String operand(Graph graph, Node gate, Node input) {
        String text = describe(graph, input);
        boolean sum = input.name() == null && List.of("+", "−", "Σ").contains(input.operation());
        boolean product = List.of("×", "÷").contains(gate.operation());
        return sum && product ? "(" + text + ")" : text;
    }
}
