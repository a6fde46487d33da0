package org.backprop.exercise;

import java.util.ArrayList;
import java.util.List;
import org.backprop.rnn.BackwardThroughTime;
import org.backprop.rnn.ElmanNetwork;
import org.backprop.rnn.ForwardThroughTime;
import org.backprop.rnn.Parameter;

/** Notebook 13: one step's term in backpropagation through time, and the δh_t it starts from. */
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
        return Exercises.of(List.of(exercise, deltaH(bptt, t, i, fromOutput)));
    }

    /**
     * δh_t[i] = (W_hyᵀ δy_t)[i] + (W_hhᵀ δnet_{t+1})[i]: h_t feeds y_t and h_{t+1}. At the last
     * step only the first path is there, and so are only the mistakes that do not leave a path out.
     */
    private static Exercise deltaH(BackwardThroughTime bptt, int t, int i, double fromOutput) {
        ForwardThroughTime pass = bptt.forward();
        ElmanNetwork network = pass.network();
        String id = "dE/dh_" + t + "[" + i + "]";
        double[] y = pass.y(t);
        double targetLeftOut = 0;    // (W_hyᵀ y_t)[i]: δy_t without − target_t
        for (int r = 0; r < y.length; r++) {
            targetLeftOut += network.get(Parameter.W_hy, r, i) * y[r];
        }
        double fromNext = 0;         // (W_hhᵀ δnet_{t+1})[i]: column i of W_hh, 0 at the last step
        List<Mistake> mistakes = new ArrayList<>();
        String paths = "the path through y_" + t + " (no step comes after it)";
        String hint = "h_" + t + "[" + i + "] feeds every output of step " + t + ": add weight × δ over them, the "
                + "weights out of neuron " + i + " being column " + i + " of W_hy.";
        String solution = """
                ElmanNetwork rnn = pass.network();
                double[] dy = bptt.deltaY(%1$d);
                double dh = 0;
                for (int r = 0; r < dy.length; r++) dh += rnn.get(Parameter.W_hy, r, %2$d) * dy[r];
                exercises.check("%3$s", dh)""".formatted(t, i, id);
        if (t < pass.length()) {
            String next = "h_" + (t + 1);
            double[] deltaNetNext = bptt.deltaNet(t + 1);
            double[] deltaHNext = bptt.deltaH(t + 1);
            double rowNotColumn = 0;     // (W_hh δnet_{t+1})[i]: row i
            double slopeLeftOut = 0;     // (W_hhᵀ δh_{t+1})[i]
            for (int r = 0; r < deltaNetNext.length; r++) {
                fromNext += network.get(Parameter.W_hh, r, i) * deltaNetNext[r];
                rowNotColumn += network.get(Parameter.W_hh, i, r) * deltaNetNext[r];
                slopeLeftOut += network.get(Parameter.W_hh, r, i) * deltaHNext[r];
            }
            mistakes.addAll(List.of(
                    new Mistake(fromOutput, "only the path through y_" + t + ": h_" + t + " also feeds " + next
                            + ", so add (W_hhᵀ δnet_" + (t + 1) + ")[" + i + "]."),
                    new Mistake(fromNext, "only the path through " + next + ": h_" + t + " also feeds y_" + t
                            + ", so add (W_hyᵀ δy_" + t + ")[" + i + "]."),
                    new Mistake(fromOutput + rowNotColumn, "row " + i + " of W_hh was used; h_" + t + "[" + i
                            + "] reaches neuron r of step " + (t + 1) + " through W_hh[r][" + i + "], so take "
                            + "column " + i + " (W_hhᵀ)."),
                    new Mistake(fromOutput + slopeLeftOut, "δh_" + (t + 1) + " was used where δnet_" + (t + 1)
                            + " belongs: the path into " + next + " passes its tanh, δnet_" + (t + 1) + " = δh_"
                            + (t + 1) + " ⊙ (1 − " + next + "²).")));
            paths = "the paths through y_" + t + " and " + next;
            hint = "h_" + t + "[" + i + "] feeds every output of step " + t + " and every hidden neuron of step "
                    + (t + 1) + ": add weight × δ over both, the weights out of neuron " + i + " being column " + i
                    + " of W_hy and of W_hh.";
            solution = """
                    ElmanNetwork rnn = pass.network();
                    double[] dy = bptt.deltaY(%1$d), dnetNext = bptt.deltaNet(%2$d);
                    double dh = 0;
                    for (int r = 0; r < dy.length; r++) dh += rnn.get(Parameter.W_hy, r, %3$d) * dy[r];
                    for (int r = 0; r < dnetNext.length; r++) dh += rnn.get(Parameter.W_hh, r, %3$d) * dnetNext[r];
                    exercises.check("%4$s", dh)""".formatted(t, t + 1, i, id);
        }
        mistakes.add(new Mistake(bptt.deltaNet(t)[i], "that is δnet_" + t + " = δh_" + t + " ⊙ (1 − h_" + t + "²): δh_"
                + t + " is the gradient at h_" + t + ", the tanh's output, so step " + t + "'s slope is not in it yet."));
        mistakes.add(new Mistake(targetLeftOut + fromNext, "y_" + t + " was used for δy_" + t + "; at the softmax "
                + "with cross-entropy, δy_" + t + " = y_" + t + " − target_" + t + "."));
        return new Exercise(id, "δh_" + t + "[" + i + "] = ∂E/∂h_" + t + "[" + i + "], from " + paths + "; a number",
                bptt.deltaH(t)[i], mistakes, hint, solution);
    }
}
