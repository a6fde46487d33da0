package org.backprop.exercise;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Activation;

/** Notebook 09: an activation function's slope, from net or from out; how much the slopes shrink a delta. */
final class ActivationExercises {

    private ActivationExercises() {
    }

    /** The exercises of {@link Exercises#activationSlope}, with their mistakes. */
    static Exercises activationSlope(Activation f, double net) {
        if (f == null || f == Activation.SOFTMAX) {
            throw new IllegalArgumentException("f must be an activation of one neuron (not softmax), but was " + f);
        }
        if (!Double.isFinite(net)) {
            throw new IllegalArgumentException("net must be finite, but was " + net);
        }
        double out = f.apply(net);
        double slope = f.derivative(net, out);
        List<Mistake> mistakes = new ArrayList<>();
        Mistake.addTo(mistakes, slope, out, "that is out = " + f + "(net) itself; its slope ∂out/∂net is asked.");
        Mistake.addTo(mistakes, slope, f.derivative(out, f.apply(out)), f + " was applied twice: the slope is taken "
                + "at net, not at out = " + f + "(net).");
        double sigmoidOut = Activation.SIGMOID.apply(net);
        if (f == Activation.TANH) {
            Mistake.addTo(mistakes, slope, out * (1 - out), "out(1 − out) is the sigmoid's slope; tanh′ = 1 − out².");
            Mistake.addTo(mistakes, slope, 1 - net * net, "written with net: tanh′(net) = 1 − tanh²(net) = 1 − out².");
            Mistake.addTo(mistakes, slope, 1 - out, "the square is missing: tanh′ = 1 − out².");
            Mistake.addTo(mistakes, slope, 1 - sigmoidOut * sigmoidOut, "that out is the sigmoid's, σ(net); a tanh "
                    + "neuron's out is tanh(net).");
            Mistake.addTo(mistakes, slope, sigmoidOut * (1 - sigmoidOut), "that is the sigmoid neuron's slope at "
                    + "this net, σ′(net); a tanh neuron's is 1 − tanh²(net).");
        } else if (f == Activation.SIGMOID) {
            Mistake.addTo(mistakes, slope, 1 - out * out, "1 − out² is tanh's slope; σ′ = out(1 − out).");
            Mistake.addTo(mistakes, slope, net * (1 - net), "written with net: σ′(net) = σ(net)(1 − σ(net)) = "
                    + "out(1 − out).");
            Mistake.addTo(mistakes, slope, 1 - Math.pow(Math.tanh(net), 2), "that is the tanh neuron's slope at "
                    + "this net; a sigmoid neuron's is σ(net)(1 − σ(net)).");
        }
        String id = f + " slope";
        String formula = f == Activation.TANH ? "1 - out * out" : f == Activation.SIGMOID ? "out * (1 - out)"
                : "f.derivative(" + net + ", out)";
        Exercise exercise = new Exercise(id, "the slope ∂out/∂net of " + f + " at net = " + net + "; a number", slope,
                mistakes, "compute out = " + f + "(net) first; the slope is written with out.",
                """
                Activation f = Activation.%1$s;
                double out = f.apply(%2$s);
                exercises.check("%3$s", %4$s)""".formatted(f.name(), net, id, formula));
        return Exercises.of(List.of(exercise));
    }

    /** The exercises of {@link Exercises#vanishingDelta}, with their mistakes. */
    static Exercises vanishingDelta(double[] meanSlopes) {
        if (meanSlopes == null || meanSlopes.length == 0) {
            throw new IllegalArgumentException("meanSlopes must hold one mean slope per hidden layer, at least 1, "
                    + "but was " + (meanSlopes == null ? "null" : "empty"));
        }
        for (int l = 0; l < meanSlopes.length; l++) {
            if (!(meanSlopes[l] > 0 && meanSlopes[l] <= 0.25)) {
                throw new IllegalArgumentException("meanSlopes must hold sigmoid slopes, above 0 and at most ¼, "
                        + "but meanSlopes[" + l + "] = " + meanSlopes[l]);
            }
        }
        int n = meanSlopes.length;
        double product = 1;
        double reciprocals = 0;
        for (double slope : meanSlopes) {
            product *= slope;
            reciprocals += 1 / slope;
        }
        double answer = 1 / product;
        List<Mistake> mistakes = new ArrayList<>();
        Mistake.addTo(mistakes, answer, product, "that is the factor BP2 multiplies the delta by, "
                + "below 1; how many times smaller the delta gets is 1 divided by it.");
        Mistake.addTo(mistakes, answer, Math.pow(4, n), "that is the bound from the sigmoid's "
                + "ceiling, a slope of at most ¼ per layer; use the measured mean slopes of the table.");
        Mistake.addTo(mistakes, answer, reciprocals, "BP2 multiplies the delta by each layer's slope "
                + "in turn: the layers' factors multiply, they do not add.");
        Mistake.addTo(mistakes, answer, meanSlopes[0] / product, "δ¹ carries layer 1's own slope "
                + "f′(net¹) as well: the slopes of all " + n + " hidden layers count.");
        Mistake.addTo(mistakes, answer, meanSlopes[n - 1] / product, "the delta of the last hidden "
                + "layer, " + n + ", carries that layer's own slope as well: the slopes of all " + n + " hidden layers "
                + "count.");
        double mean = 0;
        for (double slope : meanSlopes) {
            mean += slope / n;
        }
        Mistake.addTo(mistakes, answer, Math.pow(mean, -n), "one slope for all layers: the layers' mean slopes "
                + "differ, so multiply each layer's own.");
        String id = "shrink by the slopes";
        return Exercises.of(List.of(new Exercise(id, "how many times smaller the mean slopes f′ of the " + n
                + " sigmoid hidden layers alone make the delta between the output layer and layer 1; a number",
                answer, mistakes, "BP2 multiplies the delta by f′(net) in every hidden layer it reaches, layer 1 "
                        + "included; the table gives one mean slope per layer.",
                """
                double product = 1;
                for (double s : sigmoidSlopes) product *= s;
                exercises.check("%s", 1 / product)""".formatted(id))));
    }
}
