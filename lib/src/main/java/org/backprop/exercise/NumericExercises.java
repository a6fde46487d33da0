package org.backprop.exercise;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.ForwardPass;
import org.backprop.nn.GradientCheck;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Loss;
import org.backprop.nn.Network;
import org.backprop.nn.NumericalGradient;
import org.backprop.nn.Sample;

/** Notebooks 07 and 08: a central difference and a relative error; the error the one-dimensional model
 * predicts after a step, and the largest stable learning rate. */
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
                                + " − h on a fresh copy of the network (or restore " + parameter + " first)."),
                        new Mistake((up - down) / 2 * h, "/ 2 * h divides by 2, then multiplies by h (Java works "
                                + "from left to right): write / (2 * h).")),
                "with double " + parameter + " = network.get(\"" + parameter + "\"), E(" + parameter + " + h) is "
                        + "network.copy().set(\"" + parameter + "\", " + parameter + " + h).forward(sample).totalError(); "
                        + "the same for − h.",
                """
                double %1$s = network.get("%1$s");
                double up = network.copy().set("%1$s", %1$s + h).forward(sample).totalError();
                double down = network.copy().set("%1$s", %1$s - h).forward(sample).totalError();
                exercises.check("central %1$s", (up - down) / (2 * h))""".formatted(parameter));
        return Exercises.of(List.of(exercise, relativeError(network, sample, parameter, h, estimate)));
    }

    /**
     * The relative error |a − b| / max(|a|, |b|) of the forward difference against backpropagation, as
     * GradientCheck measures it; {@code central} is the central difference, a mistaken estimate to use.
     */
    private static Exercise relativeError(Network network, Sample sample, String parameter, double h,
                                          double central) {
        double backprop = network.backward(network.forward(sample)).get("dE/d" + parameter);
        double forward = NumericalGradient.forward(h).of(network, sample, parameter);
        double larger = Math.max(Math.abs(backprop), Math.abs(forward));
        if (!(larger >= GradientCheck.ZERO)) {
            throw new IllegalArgumentException("parameter must have a gradient of at least GradientCheck.ZERO = "
                    + GradientCheck.ZERO + " in size for the relative error, but " + parameter + "'s was " + backprop
                    + " by backpropagation and " + forward + " by the forward difference");
        }
        double difference = Math.abs(backprop - forward);
        double answer = difference / larger;
        List<Mistake> mistakes = new ArrayList<>();
        Mistake.addTo(mistakes, answer, -answer, "the absolute value is missing: a relative error is a size, "
                + "|backprop − numerical|, never below 0.");
        Mistake.addTo(mistakes, answer, difference, "that is the absolute error |backprop − numerical|; divide it by "
                + "the larger of the two sizes, max(|backprop|, |numerical|).");
        Mistake.addTo(mistakes, answer, difference / (Math.abs(backprop) + Math.abs(forward)), "the denominator is the "
                + "larger of the two sizes, max(|backprop|, |numerical|), not their sum.");
        Mistake.addTo(mistakes, answer, 100 * answer, "that is the relative error in per cent; give it as a fraction, "
                + "without the factor 100.");
        Mistake.addTo(mistakes, answer, larger / difference, "the fraction is upside down: the difference goes on top.");
        Mistake.addTo(mistakes, answer, Math.abs(backprop - central) / Math.max(Math.abs(backprop), Math.abs(central)),
                "that is the central difference's relative error; this one asks for the forward difference's, "
                        + "(E(" + parameter + " + h) − E(" + parameter + ")) / h.");
        String id = "relative error " + parameter;
        return new Exercise(id, "the relative error of the forward difference with h = " + h + " against "
                + "backpropagation's ∂E_total/∂" + parameter + ", |backprop − numerical| / max(|backprop|, |numerical|)"
                + "; a number", answer, mistakes, "Math.abs(x) is |x| and Math.max(x, y) the larger of x and y; "
                        + "the cell holds backprop as backprop" + capitalized(parameter) + " and numerical as forward"
                        + capitalized(parameter) + ".",
                """
                double larger = Math.max(Math.abs(backprop%1$s), Math.abs(forward%1$s));
                exercises.check("%2$s", Math.abs(backprop%1$s - forward%1$s) / larger)"""
                        .formatted(capitalized(parameter), id));
    }

    /** The exercises of {@link Exercises#stableRate}, with their mistakes. */
    static Exercises stableRate(BackwardPass pass) {
        if (pass == null) {
            throw new IllegalArgumentException("pass must not be null");
        }
        double a = curvature(pass, "pass");
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

    /** The exercises of {@link Exercises#modelStep}, with their mistakes. */
    static Exercises modelStep(Network network, Sample sample, double rate) {
        if (network == null || sample == null) {
            throw new IllegalArgumentException((network == null ? "network" : "sample") + " must not be null");
        }
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("rate must be a learning rate, finite and above 0, but was " + rate);
        }
        BackwardPass pass = network.backward(network.forward(sample));
        double a = curvature(pass, "network");
        double error = pass.forward().totalError();
        double factor = Math.pow(1 - rate * a, 2);
        double answer = factor * error;
        Network stepped = network.copy();
        GradientDescent.withLearningRate(rate).step(stepped, sample);
        double actual = stepped.forward(sample).totalError();
        List<Mistake> mistakes = new ArrayList<>();
        Mistake.addTo(mistakes, answer, (1 - rate * a) * error, "the model's factor is squared: E is ½a(w − w*)², and "
                + "each step multiplies w − w* by (1 − ηa).");
        Mistake.addTo(mistakes, answer, factor, "that is the factor (1 − ηa)² alone; multiply it by E_total where the "
                + "step starts.");
        Mistake.addTo(mistakes, answer, Math.pow(1 - a, 2) * error, "η is missing: the step is η times the slope, so "
                + "the factor is (1 − ηa)².");
        Mistake.addTo(mistakes, answer, (1 - Math.pow(rate * a, 2)) * error, "(1 − ηa)² = 1 − 2ηa + (ηa)², not "
                + "1 − (ηa)²: square the whole bracket.");
        Mistake.addTo(mistakes, answer, actual, "that is the error the network really has after the step; the "
                + "question asks what the one-dimensional model predicts, from a and E_total at the start.");
        return Exercises.of(List.of(new Exercise("model E after one step", "E_total after one step of η = " + rate
                + " from the starting weights, as the one-dimensional model predicts it, with a the curvature at the "
                + "start; a number", answer, mistakes, "a is curvature(...) of the backward pass at the start; the model "
                        + "says by what factor one step multiplies E_total.",
                """
                double aAtStart = curvature(linear.backward(linear.forward(sample)));
                double startError = linear.forward(sample).totalError();
                exercises.check("model E after one step", Math.pow(1 - bouncing * aAtStart, 2) * startError)""")));
    }

    /**
     * a = Σ_p (∂E/∂p)² / (2E), the curvature along the gradient of a network with one output and
     * squared error; {@code parameter} names the argument that brought {@code pass} in messages.
     */
    private static double curvature(BackwardPass pass, String parameter) {
        ForwardPass forward = pass.forward();
        if (forward.outputs().length != 1 || forward.loss() != Loss.SQUARED_ERROR || !(forward.totalError() > 0)) {
            throw new IllegalArgumentException(parameter + " must be of a network with 1 output and squared error, "
                    + "with an error above 0 (the curvature divides by it), but its forward pass was "
                    + MazurExercises.describe(forward) + " with E_total = " + forward.totalError());
        }
        double squares = 0;
        for (String p : forward.names().parameterNames()) {
            squares += Math.pow(pass.get("dE/d" + p), 2);
        }
        return squares / (2 * forward.totalError());
    }

    /** {@code name} with its first letter upper case, to end a variable's name: w1 → W1. */
    private static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
