package org.backprop.exercise;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Activation;

/** Notebook 09: an activation function's slope, from net or from out. */
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
        List<Mistake> candidates = new ArrayList<>(List.of(
                new Mistake(out, "that is out = " + f + "(net) itself; its slope ∂out/∂net is asked."),
                new Mistake(f.derivative(out, f.apply(out)), f + " was applied twice: the slope is taken at net, "
                        + "not at out = " + f + "(net).")));
        if (f == Activation.TANH) {
            candidates.add(new Mistake(out * (1 - out), "out(1 − out) is the sigmoid's slope; tanh′ = 1 − out²."));
            candidates.add(new Mistake(1 - net * net, "written with net: tanh′(net) = 1 − tanh²(net) = 1 − out²."));
            candidates.add(new Mistake(1 - out, "the square is missing: tanh′ = 1 − out²."));
        } else if (f == Activation.SIGMOID) {
            candidates.add(new Mistake(1 - out * out, "1 − out² is tanh's slope; σ′ = out(1 − out)."));
            candidates.add(new Mistake(net * (1 - net), "written with net: σ′(net) = σ(net)(1 − σ(net)) = "
                    + "out(1 − out)."));
        }
        List<Mistake> mistakes = new ArrayList<>();
        for (Mistake mistake : candidates) {   // at some net a mistake gives the right slope: it is none there
            if (!Exercise.agree(mistake.value(), slope, 12)) {
                mistakes.add(mistake);
            }
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
}
