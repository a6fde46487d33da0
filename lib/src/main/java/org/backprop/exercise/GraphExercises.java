package org.backprop.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.backprop.graph.Gradients;
import org.backprop.graph.Node;

/** Notebook 11: a circuit's gradient where an input forks. */
final class GraphExercises {

    private GraphExercises() {
    }

    /** The exercises of {@link Exercises#circuit}, with their mistakes. */
    static Exercises circuit(Node output, Node input) {
        if (output == null || input == null) {
            throw new IllegalArgumentException((output == null ? "output" : "input") + " must not be null");
        }
        Gradients gradients = output.backward();
        if (!gradients.has(input)) {
            throw new IllegalArgumentException("input must be a node that " + output.name() + " depends on, but "
                    + input.name() + " is not in its graph");
        }
        List<List<Double>> factors = new ArrayList<>();
        collectPaths(output, input, new ArrayList<>(), factors);
        List<Double> paths = factors.stream().map(path -> path.stream().reduce(1.0, (a, b) -> a * b)).toList();
        StringBuilder solution = new StringBuilder("// one product of local derivatives per path from " + input.name()
                + " to " + output.name() + ", from " + output.name() + " down\n");
        for (int p = 0; p < factors.size(); p++) {
            solution.append("double path").append(p + 1).append(" = ").append(factors.get(p).stream()
                    .map(String::valueOf).collect(Collectors.joining(" * "))).append(";\n");
        }
        solution.append("exercises.check(\"d").append(output.name()).append("/d").append(input.name())
                .append("\", ").append(IntStream.rangeClosed(1, factors.size())
                        .mapToObj(p -> "path" + p).collect(Collectors.joining(" + "))).append(")");
        String d = "∂" + output.name() + "/∂" + input.name();
        double answer = gradients.of(input);
        List<Mistake> mistakes = new ArrayList<>();
        if (paths.size() > 1) {
            for (double path : paths) {
                mistakes.add(new Mistake(path, "only one of the " + paths.size() + " paths from " + input.name()
                        + " to " + output.name() + ". " + input.name() + " feeds more than one gate, and the gradient "
                        + "adds every path: multiply the local derivatives along each path, then add the paths (an "
                        + "= where micrograd has += at the fork gives one path only)."));
            }
        }
        mistakes.add(new Mistake(-answer, "the sign: multiply the local derivatives as they are."));
        Exercise exercise = new Exercise("d" + output.name() + "/d" + input.name(), d + " at these values, by the "
                + "chain rule through every gate; a number", answer, mistakes, "start at " + output.name() + " with "
                + "1 and walk back to " + input.name() + ": an add gate passes the gradient on, a multiply gate "
                + "multiplies it by the other input, a max gate routes it to the larger input.",
                solution.toString());
        return Exercises.of(List.of(exercise));
    }

    /** Adds to {@code paths} the local derivatives along each path from {@code node} down to {@code input}. */
    private static void collectPaths(Node node, Node input, List<Double> above, List<List<Double>> paths) {
        if (node == input) {
            paths.add(List.copyOf(above));
            return;
        }
        List<Node> inputs = node.inputs();
        double[] local = node.localDerivatives();
        for (int i = 0; i < inputs.size(); i++) {
            List<Double> path = new ArrayList<>(above);
            path.add(local[i]);
            collectPaths(inputs.get(i), input, path, paths);
        }
    }
}
