package org.backprop.exercise;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Activation;
import org.backprop.nn.ForwardPass;
import org.backprop.nn.Layer;
import org.backprop.nn.Network;
import org.backprop.nn.Sample;

/** Notebook 15: where a hidden neuron's straight line crosses an axis; the output neuron at (0, 0). */
final class PlaneExercises {

    private PlaneExercises() {
    }

    /** The exercises of {@link Exercises#hiddenLine}, with their mistakes. */
    static Exercises hiddenLine(Network network, int j) {
        if (network == null) {
            throw new IllegalArgumentException("network must not be null");
        }
        if (network.size(0) != 2 || network.depth() < 2) {
            throw new IllegalArgumentException("network must have 2 inputs (x, y) and a hidden layer, but was "
                    + network);
        }
        Layer layer = network.layer(1);
        if (j < 0 || j >= layer.size()) {
            throw new IllegalArgumentException("j must be between 0 and " + (layer.size() - 1) + " (a neuron of the "
                    + "first hidden layer), but was " + j);
        }
        double w1 = layer.weight(j, 0);
        double w2 = layer.weight(j, 1);
        double b = layer.biasOf(j);
        if (w2 == 0 || w1 == 0 || b == 0) {
            throw new IllegalArgumentException("neuron " + j + "'s line w1·x + w2·y + b = 0 must cross both axes away "
                    + "from the origin (w1, w2 and b not 0), but w1 = " + w1 + ", w2 = " + w2 + ", b = " + b);
        }
        String h = network.names().neuron(1, j);
        String id = "y where " + h + "'s line meets x = 0";
        Exercise exercise = new Exercise(id, "the y at which " + h + "'s line w1·x + w2·y + b = 0 crosses the y axis "
                + "(x = 0); a number", -b / w2, List.of(
                        new Mistake(b / w2, "the sign: at x = 0 the line is w2·y + b = 0, so y = −b / w2."),
                        new Mistake(-b / w1, "that is where the line crosses the x axis (y = 0): x = −b / w1."),
                        new Mistake(-w2 / b, "upside down: solve w2·y + b = 0 for y."),
                        new Mistake(-b * w2, "divide by w2: w2·y = −b.")),
                "on the y axis x = 0, so only w2·y + b = 0 is left.",
                """
                Layer first = network.layer(1);
                double w2 = first.weight(%1$d, 1), b = first.biasOf(%1$d);
                exercises.check("%2$s", -b / w2)""".formatted(j, id));
        return Exercises.of(List.of(exercise, outputAtOrigin(network)));
    }

    /**
     * net of the output neuron at (0, 0), where every hidden neuron's net input is its bias:
     * b_o + Σ_j w_j · f(b_j).
     */
    private static Exercise outputAtOrigin(Network network) {
        if (network.depth() != 2 || network.size(2) != 1) {
            throw new IllegalArgumentException("network must have one hidden layer and one output neuron for the "
                    + "exercise on the output at (0, 0), but was " + network);
        }
        Layer hidden = network.layer(1);
        Layer output = network.layer(2);
        Activation f = hidden.activation();
        Sample origin = Sample.of(new double[] {0, 0}, new double[] {0});
        String o = network.names().neuron(2, 0);
        ForwardPass pass = network.forward(origin);
        double net = pass.get("net_" + o);
        double unweighted = output.biasOf(0);
        for (int j = 0; j < hidden.size(); j++) {
            unweighted += f.apply(hidden.biasOf(j));
        }
        String id = "net_" + o + " at (0, 0)";
        List<Mistake> mistakes = new ArrayList<>(List.of(
                new Mistake(pass.get("out_" + o), "that is out_" + o + ", the probability of class 1 after the "
                        + output.activation() + "; net_" + o + " is the sum that goes into it."),
                new Mistake(network.withHiddenActivation(Activation.IDENTITY).forward(origin).get("net_" + o),
                        "the hidden neurons pass on " + f + "(net), not net: at (0, 0) a hidden neuron's net is its "
                                + "bias b, and its output " + f + "(b)."),
                new Mistake(net - output.biasOf(0), o + "'s own bias is missing: net_" + o + " = Σ_j w_j · out_hj "
                        + "+ b."),
                new Mistake(unweighted, "each hidden neuron's output enters net_" + o + " times its weight, the "
                        + "weight from it to " + o + ".")));
        Activation other = f == Activation.TANH ? Activation.SIGMOID : f == Activation.SIGMOID ? Activation.TANH
                : null;
        if (other != null) {
            mistakes.add(new Mistake(network.withHiddenActivation(other).forward(origin).get("net_" + o),
                    "the hidden neurons are " + f + " neurons: at (0, 0) each puts out " + f + "(b), not "
                            + other + "(b)."));
        }
        String apply = f == Activation.TANH ? "Math.tanh(first.biasOf(j))" : "first.activation().apply(first.biasOf(j))";
        return new Exercise(id, "net_" + o + ", the net input of the output neuron, at the point (0, 0); a number",
                net, mistakes, "at (0, 0) a hidden neuron's net input w1·0 + w2·0 + b is its bias b: take its output, "
                        + "times its weight to " + o + ", for each hidden neuron, and add " + o + "'s bias.",
                """
                Layer first = network.layer(1), output = network.layer(2);
                double net_%1$s = output.biasOf(0);   // at (0, 0) each hidden net is its bias
                for (int j = 0; j < first.size(); j++) {
                    net_%1$s += output.weight(0, j) * %2$s;
                }
                exercises.check("%3$s", net_%1$s)""".formatted(o, apply, id));
    }
}
