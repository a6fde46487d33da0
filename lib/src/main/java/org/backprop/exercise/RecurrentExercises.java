package org.backprop.exercise;

import java.util.ArrayList;
import java.util.List;
import org.backprop.rnn.BackwardThroughTime;
import org.backprop.rnn.ForwardThroughTime;
import org.backprop.rnn.Parameter;

/** Notebook 13: one step's term in backpropagation through time. */
final class RecurrentExercises {

    private RecurrentExercises() {
    }

    /** The exercises of {@link Exercises#bpttTerm}, with their mistakes. */
    static Exercises bpttTerm(BackwardThroughTime bptt, int t, int i, int j) {
        if (bptt == null) {
            throw new IllegalArgumentException("bptt must not be null");
        }
        ForwardThroughTime pass = bptt.forward();
        int hidden = pass.network().hidden();
        if (t < 2 || t > pass.length()) {
            throw new IllegalArgumentException("t must be between 2 and " + pass.length() + " (at t = 1 every term "
                    + "is 0, since h_0 = 0), but was " + t);
        }
        if (i < 0 || i >= hidden || j < 0 || j >= hidden) {
            throw new IllegalArgumentException("i and j must be between 0 and " + (hidden - 1) + " (W_hh is "
                    + hidden + " × " + hidden + "), but were " + i + " and " + j);
        }
        if (bptt.truncation() < pass.length() || bptt.lastStepOnly()) {
            throw new IllegalArgumentException("bptt must be the full backward pass (pass.backward()), but was " + bptt);
        }
        double slope = 1 - Math.pow(pass.h(t)[i], 2);
        double deltaNet = bptt.deltaNet(t)[i];
        double before = pass.h(t - 1)[j];
        String id = "dE/dW_hh[" + i + "][" + j + "] at t = " + t;
        double[] deltaY = bptt.deltaY(t);
        double fromOutput = 0;   // (W_hyᵀ δy_t)[i]: δh_t without the path through h_{t+1}
        for (int r = 0; r < deltaY.length; r++) {
            fromOutput += pass.network().get(Parameter.W_hy, r, i) * deltaY[r];
        }
        List<Mistake> mistakes = new ArrayList<>(List.of(
                new Mistake(bptt.deltaH(t)[i] * before, "the tanh's slope is missing: δnet_t = δh_t ⊙ (1 − h_t²)."),
                new Mistake(deltaNet * pass.h(t)[j], "W_hh carries the state of the step before: its input at step "
                        + "t is h_" + (t - 1) + ", not h_" + t + "."),
                new Mistake(bptt.gradient().get(Parameter.W_hh, i, j), "that is the whole gradient, the sum of the "
                        + "terms of every step; one step's term is asked."),
                new Mistake(fromOutput * slope * before,
                        "δh_t has two parts: h_t feeds y_t and h_" + (t + 1) + ", so δh_t = W_hyᵀ δy_t + W_hhᵀ "
                                + "δnet_" + (t + 1) + "; the second is missing.")));
        if (i != j) {
            mistakes.add(new Mistake(bptt.deltaNet(t)[j] * pass.h(t - 1)[i], "row and column swapped: row i is "
                    + "the neuron the weight feeds (δnet_t[" + i + "]), column j the one it comes from (h_" + (t - 1)
                    + "[" + j + "])."));
        }
        if (j < pass.x(t).length) {
            mistakes.add(new Mistake(deltaNet * pass.x(t)[j], "that is W_xh's term, with the input x_t; W_hh's "
                    + "input is h_" + (t - 1) + "."));
        }
        Exercise exercise = new Exercise(id, "step " + t + "'s term of ∂E/∂W_hh[" + i + "][" + j + "]; a number",
                bptt.contribution(t).get(Parameter.W_hh, i, j), mistakes, "BP4 of step " + t + "'s copy: the δ of the "
                        + "neuron the weight feeds, times the value the weight multiplies at that step.",
                """
                double deltaNet = bptt.deltaH(%1$d)[%2$d] * (1 - Math.pow(pass.h(%1$d)[%2$d], 2));
                double term = deltaNet * pass.h(%4$d)[%3$d];
                exercises.check("%5$s", term)""".formatted(t, i, j, t - 1, id));
        return Exercises.of(List.of(exercise));
    }
}
