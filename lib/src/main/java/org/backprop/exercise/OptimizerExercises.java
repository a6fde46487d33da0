package org.backprop.exercise;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Optimizer;

/** Notebook 16: one Adam step. */
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
        if (vHat + epsilon != 0) {
            mistakes.add(new Mistake(old - eta * mHat / (vHat + epsilon), "the square root of v̂ is missing: "
                    + "v̂ is a mean of squared gradients, √v̂ their size."));
        }
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
}
