package org.backprop.exercise;

import java.util.List;
import org.backprop.nn.Layer;
import org.backprop.nn.Network;

/** Notebook 15: where a hidden neuron's straight line crosses an axis. */
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
        return Exercises.of(List.of(exercise));
    }
}
