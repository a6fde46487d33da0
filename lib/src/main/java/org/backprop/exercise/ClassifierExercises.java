package org.backprop.exercise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.backprop.nn.Activation;
import org.backprop.nn.Loss;

/** Notebooks 12 and 14: softmax with cross-entropy, and accuracy and precision from a confusion matrix. */
final class ClassifierExercises {

    private ClassifierExercises() {
    }

    /** The exercises of {@link Exercises#softmaxCrossEntropy}, with their mistakes. */
    static Exercises softmaxCrossEntropy(double[] net, double[] target, int j) {
        if (net == null || target == null) {
            throw new IllegalArgumentException((net == null ? "net" : "target") + " must not be null");
        }
        if (net.length < 2 || net.length != target.length) {
            throw new IllegalArgumentException("net and target must have the same length, at least 2 (one value per "
                    + "class), but had " + net.length + " and " + target.length);
        }
        double sum = 0;
        for (int k = 0; k < net.length; k++) {
            if (!Double.isFinite(net[k]) || !(target[k] >= 0 && target[k] <= 1)) {
                throw new IllegalArgumentException("net must be finite and target between 0 and 1, but net[" + k
                        + "] = " + net[k] + " and target[" + k + "] = " + target[k]);
            }
            sum += target[k];
        }
        if (Math.abs(sum - 1) > 1e-12) {
            throw new IllegalArgumentException("target must add up to 1 (a probability per class), but added up to "
                    + sum);
        }
        if (j < 0 || j >= net.length) {
            throw new IllegalArgumentException("j must be between 0 and " + (net.length - 1) + ", but was " + j);
        }
        double[] out = Activation.SOFTMAX.apply(net);
        double delta = Loss.CROSS_ENTROPY.outputDelta(target, net, Activation.SOFTMAX)[j];
        String o = "o" + (j + 1);
        double t = target[j];
        double y = out[j];
        List<Mistake> mistakes = new ArrayList<>();
        Mistake.addTo(mistakes, delta, -t * (1 - y), "only the diagonal of softmax's Jacobian. out_" + o + " is not "
                + "the only output that moves with net_" + o + ": every out_k does (∂out_k/∂net_j = −out_k out_j), so "
                + "add the terms of the other classes: δ = Σ_k ∂C/∂out_k · ∂out_k/∂net_j.");
        Mistake.addTo(mistakes, delta, -t / y, "that is ∂C/∂out_" + o + ", the loss's derivative alone; it still "
                + "has to go through softmax to the net inputs.");
        Mistake.addTo(mistakes, delta, -delta, "the sign: δ = out − target, not target − out.");
        Mistake.addTo(mistakes, delta, delta * y * (1 - y), "that multiplies by out(1 − out), the sigmoid's slope, "
                + "as squared error does; with cross-entropy, softmax's Jacobian cancels the loss's 1/out and leaves "
                + "δ = out − target.");
        Mistake.addTo(mistakes, delta, y, "the target is missing: δ = out − target.");
        Mistake.addTo(mistakes, delta, y - 1, "that is δ for the one-hot target \"class " + o + "\"; this target "
                + "gives " + o + " the probability " + t + ": δ = out − target.");
        Exercise dCdnet = new Exercise("dC/dnet_" + o, "δ_" + o + " = ∂C/∂net_" + o + " for softmax outputs and "
                + "cross-entropy C = −Σ target·ln out, with these net inputs and this target; a number", delta,
                mistakes,
                "write C with softmax's out_k, then differentiate with respect to net_" + o + "; or compare the "
                        + "derivation above with its printed δ.",
                "double dC_dnet_%1$s = Activation.SOFTMAX.apply(net)[%2$d] - target[%2$d];\n"
                        .formatted(o, j) + "exercises.check(\"dC/dnet_%1$s\", dC_dnet_%1$s)".formatted(o));
        return Exercises.of(List.of(dCdnet, loss(net, target, j, out)));
    }

    /**
     * C = −Σₖ targetₖ ln outₖ, with ln outₖ taken as netₖ − ln Σᵢ e^netᵢ (shifted by the largest net
     * input) so that it stays finite where outₖ rounds to 0; class {@code j} is the one a one-hot
     * target would name.
     */
    private static Exercise loss(double[] net, double[] target, int j, double[] out) {
        double max = Arrays.stream(net).max().orElseThrow();
        double sum = 0;
        for (double n : net) {
            sum += Math.exp(n - max);
        }
        double lnSum = Math.log(sum);
        double loss = 0;
        double swapped = 0;
        double ofNet = 0;
        for (int k = 0; k < net.length; k++) {
            if (target[k] != 0) {
                loss -= target[k] * (net[k] - max - lnSum);
                ofNet -= target[k] * Math.log(net[k]);
            }
            swapped -= out[k] == 0 ? 0 : out[k] * Math.log(target[k]);
        }
        String o = "o" + (j + 1);
        double lnOutJ = net[j] - max - lnSum;
        List<Mistake> mistakes = new ArrayList<>(List.of(
                new Mistake(-lnOutJ, "that is −ln out_" + o + ", the loss of the one-hot target \"class " + o
                        + "\". A soft target gives every class a term: C = −Σ_k target_k · ln out_k."),
                new Mistake(target[j] == 0 ? 0 : -target[j] * lnOutJ, "only the term of " + o + ". Every class "
                        + "whose target is above 0 adds −target_k · ln out_k; sum over all k."),
                new Mistake(-loss, "the sign: ln of a probability is at most 0, so C = −Σ_k target_k · ln out_k "
                        + "is at least 0."),
                new Mistake(loss / Math.log(10), "Math.log10 is the logarithm to base 10; cross-entropy's ln is "
                        + "the natural logarithm, Math.log.")));
        Mistake.addTo(mistakes, loss, swapped, "target and out swapped: the logarithm is taken of the network's "
                + "outputs, and the target weighs the terms: −Σ_k target_k · ln out_k.");
        Mistake.addTo(mistakes, loss, ofNet, "ln of the net inputs; cross-entropy takes the logarithm of softmax's "
                + "outputs out_k, the probabilities.");
        return new Exercise("C", "the cross-entropy C = −Σ_k target_k · ln out_k of the softmax outputs for these "
                + "net inputs and this target; a number", loss, mistakes, "one term per class, −target_k · ln out_k "
                + "(Math.log is ln), even where target_k is not 1; add them all.",
                """
                double crossEntropy = 0;
                for (int k = 0; k < net.length; k++) {
                    crossEntropy -= target[k] * Math.log(out[k]);
                }
                exercises.check("C", crossEntropy)""");
    }

    /** The exercises of {@link Exercises#confusion}, with their mistakes. */
    static Exercises confusion(int[][] confusion, int c) {
        if (confusion == null || confusion.length < 2) {
            throw new IllegalArgumentException("confusion must be a square matrix of at least 2 classes, but was "
                    + (confusion == null ? "null" : confusion.length + " rows"));
        }
        long right = 0;
        long total = 0;
        for (int r = 0; r < confusion.length; r++) {
            if (confusion[r] == null || confusion[r].length != confusion.length) {
                throw new IllegalArgumentException("confusion must be square: row " + r + " must have "
                        + confusion.length + " counts, but had " + (confusion[r] == null ? "none (null)"
                        : confusion[r].length));
            }
            for (int count : confusion[r]) {
                if (count < 0) {
                    throw new IllegalArgumentException("confusion must hold counts, 0 or more, but row " + r
                            + " held " + count);
                }
                total += count;
            }
            right += confusion[r][r];
        }
        if (total == 0) {
            throw new IllegalArgumentException("confusion must count at least 1 prediction, but all counts were 0");
        }
        double accuracy = (double) right / total;
        long firstRow = IntStream.of(confusion[0]).asLongStream().sum();
        List<Mistake> mistakes = new ArrayList<>(List.of(
                new Mistake(100 * accuracy, "that is a percentage; a share between 0 and 1 is asked."),
                new Mistake(right / total, "int / int is integer division in Java and drops the fraction: make "
                        + "one of them a double first."),
                new Mistake(1 - accuracy, "that is the error rate, the share of wrong answers.")));
        if (right < total) {
            mistakes.add(new Mistake((double) right / (total - right), "right ÷ wrong; the accuracy divides by all "
                    + "answers, right and wrong."));
        }
        if (firstRow > 0) {
            mistakes.add(new Mistake((double) confusion[0][0] / firstRow, "only the first class (its row); the "
                    + "accuracy counts every class."));
        }
        Exercise exercise = new Exercise("accuracy", "the share of right answers over all classes, a number "
                + "between 0 and 1", accuracy, mistakes,
                "the right answers are on the diagonal, confusion[c][c]; all answers are the sum of every count.",
                """
                long right = 0, total = 0;
                for (int c = 0; c < confusion.length; c++) {
                    right += confusion[c][c];
                    total += IntStream.of(confusion[c]).sum();
                }
                exercises.check("accuracy", (double) right / total)""");
        return Exercises.of(List.of(exercise, precision(confusion, c, accuracy, total)));
    }

    /** Class {@code c}'s precision: its diagonal count over its column's sum, the answers "class c". */
    private static Exercise precision(int[][] confusion, int c, double accuracy, long total) {
        if (c < 0 || c >= confusion.length) {
            throw new IllegalArgumentException("c must be a class of the matrix, between 0 and "
                    + (confusion.length - 1) + ", but was " + c);
        }
        long picked = 0;
        for (int[] row : confusion) {
            picked += row[c];
        }
        if (picked == 0) {
            throw new IllegalArgumentException("c must be a class picked at least once (its precision divides by "
                    + "its column's sum), but column " + c + " holds only 0s");
        }
        long right = confusion[c][c];
        long truly = IntStream.of(confusion[c]).asLongStream().sum();
        double precision = (double) right / picked;
        String column = "column " + c + " (confusion[k][" + c + "] for every true class k)";
        List<Mistake> mistakes = new ArrayList<>();
        if (truly > 0) {
            mistakes.add(new Mistake((double) right / truly, "that reads row " + c + ": of the images whose true "
                    + "class is " + c + ", the share picked right (the recall). Precision reads " + column
                    + ": of the images picked as class " + c + ", the share that truly are."));
        }
        mistakes.addAll(List.of(
                new Mistake(accuracy, "that is the accuracy of all classes; precision is about class " + c
                        + "'s column alone."),
                new Mistake((double) right / total, "that divides by every image; precision divides by the images "
                        + "picked as class " + c + ", the sum of " + column + "."),
                new Mistake(100 * precision, "that is a percentage; a share between 0 and 1 is asked."),
                new Mistake(right / picked, "int / int is integer division in Java and drops the fraction: make "
                        + "one of them a double first."),
                new Mistake(1 - precision, "that is the share of wrong picks in column " + c + "; precision is "
                        + "the share of right ones, on the diagonal.")));
        String id = "precision of class " + c;
        String counts = "column " + c + ", confusion[k][" + c + "] for every true class k";
        return new Exercise(id, "the precision of class " + c + ": of the images picked as class " + c + " ("
                + counts + "), the share whose true class is " + c + "; a number between 0 and 1", precision,
                mistakes, "the images picked as class " + c + " are counted in " + counts + "; the right ones "
                        + "among them sit on the diagonal, confusion[" + c + "][" + c + "].",
                """
                long picked = 0;
                for (int[] row : confusion) {
                    picked += row[%1$d];
                }
                exercises.check("%2$s", (double) confusion[%1$d][%1$d] / picked)""".formatted(c, id));
    }
}
