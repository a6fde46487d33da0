package org.backprop.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Optimizer;

/** Notebook 16: one Adam step, and two momentum steps on a function of two weights. */
final class OptimizerExercises {

    private OptimizerExercises() {
    }

    /** The exercises of {@link Exercises#adamStep}, with their mistakes. */
    static Exercises adamStep(BackwardPass backward, String parameter, double learningRate, double beta1,
                                     double beta2, double epsilon) {
        if (backward == null || parameter == null) {
            throw new IllegalArgumentException((backward == null ? "backward" : "parameter") + " must not be null");
        }
        GradientDescent.Step step = GradientDescent.withLearningRate(learningRate)
                .using(Optimizer.adam(beta1, beta2, epsilon)).firstStep(backward, parameter);
        double g = step.gradient();
        double old = step.old();
        double eta = learningRate;
        double m = (1 - beta1) * g;
        double v = (1 - beta2) * g * g;
        double mHat = m / (1 - beta1);
        double vHat = v / (1 - beta2);
        String id = "new " + parameter;
        List<Mistake> mistakes = new ArrayList<>(List.of(
                new Mistake(old - eta * m / (Math.sqrt(v) + epsilon), "without the bias correction. At t = 1 "
                        + "divide m by 1 − β1 and v by 1 − β2: both start at 0, and one step of their running "
                        + "means is only (1 − β)·g and (1 − β)·g²."),
                new Mistake(old + eta * mHat / (Math.sqrt(vHat) + epsilon), "the sign: Adam steps against the "
                        + "gradient, w − η·m̂/(√v̂ + ε)."),
                new Mistake(-eta * mHat / (Math.sqrt(vHat) + epsilon), "that is the step alone; add it to the old "
                        + parameter + "."),
                new Mistake(old - eta * g, "that is plain gradient descent's step, w − η·g; Adam divides by "
                        + "√v̂ + ε."),
                new Mistake(old - mHat / (Math.sqrt(vHat) + epsilon), "the learning rate η = " + eta
                        + " is missing.")));
        Mistake.addTo(mistakes, step.updated(), old - eta * mHat / (vHat + epsilon), "the square root of v̂ is "
                + "missing: v̂ is a mean of squared gradients, √v̂ their size.");
        Mistake.addTo(mistakes, step.updated(), old - eta * mHat / Math.sqrt(vHat), "ε is left out: it moves the "
                + "step in a late digit only, but the answer is w − η·m̂/(√v̂ + ε).");
        Mistake.addTo(mistakes, step.updated(), old - eta * mHat / Math.sqrt(vHat + epsilon), "ε went inside the "
                + "root: it is added to √v̂, w − η·m̂/(√v̂ + ε).");
        Exercise exercise = new Exercise(id, parameter + " after Adam's first step (t = 1, m = v = 0) with η = "
                + eta + ", β1 = " + beta1 + ", β2 = " + beta2 + ", ε = " + epsilon + "; a number", step.updated(),
                mistakes, "m = β1·0 + (1 − β1)·g and v = β2·0 + (1 − β2)·g²; divide them by 1 − β1¹ and 1 − β2¹, "
                        + "then step by −η·m̂/(√v̂ + ε).",
                """
                double g = backward.get("dE/d%1$s"), w = mazur.network().get("%1$s");
                double m = (1 - %3$s) * g, v = (1 - %4$s) * g * g;
                double mHat = m / (1 - %3$s), vHat = v / (1 - %4$s);
                exercises.check("new %1$s", w - %2$s * mHat / (Math.sqrt(vHat) + %5$s))"""
                        .formatted(parameter, eta, beta1, beta2, epsilon));
        return Exercises.of(List.of(exercise));
    }

    /** The exercises of {@link Exercises#momentumSteps}, with their mistakes. */
    static Exercises momentumSteps(UnaryOperator<double[]> gradient, double[] start, double learningRate,
                                   double momentum) {
        if (gradient == null || start == null) {
            throw new IllegalArgumentException((gradient == null ? "gradient" : "start") + " must not be null");
        }
        if (start.length != 2) {
            throw new IllegalArgumentException("start must hold 2 weights, (a, b), but held " + start.length);
        }
        GradientDescent descent = GradientDescent.withLearningRate(learningRate)
                .using(Optimizer.momentum(momentum));
        double[][] path = descent.path(gradient, start, 2);
        if (path.length < 3) {
            throw new IllegalArgumentException("start must be a point where two momentum steps stay finite, but "
                    + "from (" + start[0] + ", " + start[1] + ") the path diverged after " + (path.length - 1)
                    + " step(s)");
        }
        double eta = learningRate;
        double mu = momentum;
        double[] g0 = gradientAt(gradient, start);
        double[] v1 = {-eta * g0[0], -eta * g0[1]};
        double[] w1 = {start[0] + v1[0], start[1] + v1[1]};
        double[] g1 = gradientAt(gradient, w1);
        double v2 = mu * v1[1] - eta * g1[1];
        // gradient ascent: v ← μv + ηg
        double[] up1 = {start[0] + eta * g0[0], start[1] + eta * g0[1]};
        double up2 = up1[1] + mu * eta * g0[1] + eta * gradientAt(gradient, up1)[1];
        // the running-mean form: v ← μv + (1 − μ)g, w ← w − ηv
        double[] mean1 = {start[0] - eta * (1 - mu) * g0[0], start[1] - eta * (1 - mu) * g0[1]};
        double mean2 = mean1[1] - eta * (mu * (1 - mu) * g0[1] + (1 - mu) * gradientAt(gradient, mean1)[1]);
        String step2 = "v₂ = μ·v₁ − η·g₁, b₂ = b₁ + v₂";
        List<Mistake> mistakes = new ArrayList<>(List.of(
                new Mistake(w1[1] - eta * g1[1], "the first step's velocity is missing from the second: " + step2
                        + ". Without μ·v₁ this is plain gradient descent's second step."),
                new Mistake(w1[1], "that is b₁, b after the first step. Take the second: the gradient g₁ at the "
                        + "point the first step reached, then " + step2 + "."),
                new Mistake(w1[1] + mu * v1[1] - eta * g0[1], "the second step used the gradient at the start. "
                        + "Take g₁ at the point the first step reached, w₁ = w₀ + v₁."),
                new Mistake(v2, "that is v₂, the second step alone; add it to b₁."),
                new Mistake(path[2][0], "that is a, the first weight; the question asks for b, the second.")));
        Mistake.addTo(mistakes, path[2][1], up2, "the sign: v ← μ·v − η·g steps against the gradient.");
        Mistake.addTo(mistakes, path[2][1], mean2, "that is momentum as a running mean of gradients, v ← μ·v + (1 − μ)·g "
                    + "and w ← w − η·v, like Adam's m. The heavy ball of the table adds up the steps themselves: "
                + "v ← μ·v − η·g, w ← w + v.");
        String id = "b after 2 momentum steps";
        return Exercises.of(List.of(new Exercise(id, "b after two steps of momentum (v ← μ·v − η·g, w ← w + v, "
                + "v = 0 at the start) from (a, b) = (" + start[0] + ", " + start[1] + ") with η = " + eta
                + " and μ = " + mu + "; a number", path[2][1], mistakes, "v₁ = μ·0 − η·g₀ with g₀ the gradient "
                + "at the start, b₁ = b₀ + v₁; then the gradient g₁ at the new point, and " + step2 + ".",
                """
                double[] g0 = slope.apply(start);
                double v1 = -%1$s * g0[1];   // v starts at 0
                double b1 = start[1] + v1;
                double[] g1 = slope.apply(new double[] {start[0] - %1$s * g0[0], b1});
                double v2 = %2$s * v1 - %1$s * g1[1];
                double b2 = b1 + v2;
                exercises.check("%3$s", b2)""".formatted(eta, mu, id))));
    }

    /** {@code gradient} at {@code point} (a copy of it), which must be 2 values. */
    private static double[] gradientAt(UnaryOperator<double[]> gradient, double[] point) {
        double[] g = gradient.apply(point.clone());
        if (g == null || g.length != 2) {
            throw new IllegalArgumentException("gradient must return 2 values (one per weight), but returned "
                    + (g == null ? "null" : g.length) + " at (" + point[0] + ", " + point[1] + ")");
        }
        return g;
    }
}
