package org.backprop.exercise;

import java.util.List;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.ForwardPass;
import org.backprop.nn.Loss;
import org.backprop.nn.Network;
import org.backprop.nn.NumericalGradient;
import org.backprop.nn.Sample;

/** Notebooks 07 and 08: a central difference, and the largest stable learning rate. */
final class NumericExercises {

    private NumericExercises() {
    }

    /** The exercises of {@link Exercises#centralDifference}, with their mistakes. */
    static Exercises centralDifference(Network network, Sample sample, String parameter, double h) {
        if (network == null || sample == null || parameter == null) {
            throw new IllegalArgumentException((network == null ? "network" : sample == null ? "sample" : "parameter")
                    + " must not be null");
        }
        double estimate = NumericalGradient.central(h).of(network, sample, parameter);
        double value = network.get(parameter);
        double up = network.copy().set(parameter, value + h).forward(sample).totalError();
        double down = network.copy().set(parameter, value - h).forward(sample).totalError();
        double at = network.forward(sample).totalError();
        String id = "central " + parameter;
        Exercise exercise = new Exercise(id, "the central-difference estimate of ∂E_total/∂" + parameter + " with h = "
                + h + ", (E(" + parameter + " + h) − E(" + parameter + " − h)) / 2h; a number", estimate, List.of(
                        new Mistake(network.backward(network.forward(sample)).get("dE/d" + parameter), "that is "
                                + "backpropagation's exact gradient; the exercise asks for the estimate, which differs "
                                + "from it in a late digit."),
                        new Mistake((up - at) / h, "that is the forward difference, (E(" + parameter + " + h) − E("
                                + parameter + ")) / h; the central one nudges both ways."),
                        new Mistake((up - down) / h, "the nudges " + parameter + " + h and " + parameter + " − h are "
                                + "2h apart: divide by 2h."),
                        new Mistake((down - up) / (2 * h), "the sign: E(" + parameter + " + h) comes first."),
                        new Mistake((up - at) / (2 * h), "the second nudge started from the first: set " + parameter
                                + " − h on a fresh copy of the network (or restore " + parameter + " first).")),
                "E(" + parameter + " + h) is network.copy().set(\"" + parameter + "\", " + parameter + " + h)"
                        + ".forward(sample).totalError(); the same for − h.",
                """
                double %1$s = network.get("%1$s");
                double up = network.copy().set("%1$s", %1$s + h).forward(sample).totalError();
                double down = network.copy().set("%1$s", %1$s - h).forward(sample).totalError();
                exercises.check("central %1$s", (up - down) / (2 * h))""".formatted(parameter));
        return Exercises.of(List.of(exercise));
    }

    /** The exercises of {@link Exercises#stableRate}, with their mistakes. */
    static Exercises stableRate(BackwardPass pass) {
        if (pass == null) {
            throw new IllegalArgumentException("pass must not be null");
        }
        ForwardPass forward = pass.forward();
        if (forward.outputs().length != 1 || forward.loss() != Loss.SQUARED_ERROR || !(forward.totalError() > 0)) {
            throw new IllegalArgumentException("pass must be of a network with 1 output and squared error, with an "
                    + "error above 0 (the curvature divides by it), but its forward pass was " + MazurExercises.describe(forward)
                    + " with E_total = " + forward.totalError());
        }
        double squares = 0;
        for (String p : forward.names().parameterNames()) {
            squares += Math.pow(pass.get("dE/d" + p), 2);
        }
        double a = squares / (2 * forward.totalError());
        Exercise exercise = new Exercise("largest stable η", "the largest learning rate that still settles here: "
                + "η for which ηa reaches the limit of the one-dimensional model; a number", 2 / a, List.of(
                        new Mistake(1 / a, "η = 1/a lands on the minimum in one step (ηa = 1); steps up to twice "
                                + "that still shrink the error, since (1 − ηa)² < 1 for 0 < ηa < 2."),
                        new Mistake(a, "that is the curvature a itself; the limit is a learning rate, η = 2/a."),
                        new Mistake(2 * a, "the limit is ηa = 2, so η = 2/a, not 2·a."),
                        new Mistake(2 / (a * a), "divide 2 by a once: ηa = 2.")),
                "the model's factor is (1 − ηa)²; for which ηa does it reach 1 on the far side? a is curvature(...).",
                "double largestRate = 2 / curvature(atMinimum);\nexercises.check(\"largest stable η\", largestRate)");
        return Exercises.of(List.of(exercise));
    }
}
