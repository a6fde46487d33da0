package org.backprop.exercise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.graph.Gradients;
import org.backprop.graph.Node;
import org.backprop.nn.Activation;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.Bias;
import org.backprop.nn.ForwardPass;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Loss;
import org.backprop.nn.Names;
import org.backprop.nn.Network;
import org.backprop.nn.NumericalGradient;
import org.backprop.nn.Optimizer;
import org.backprop.nn.Sample;
import org.backprop.rnn.BackwardThroughTime;
import org.backprop.rnn.ForwardThroughTime;
import org.backprop.rnn.Parameter;
import org.backprop.view.Feedback;

/**
 * A notebook's exercises, made from the objects they are about, so that a student who changed
 * the network is checked against that network. An exercise cell holds {@link #___} where the
 * student's expressions go and ends with {@code exercises.check(id, answer)}.
 *
 * <pre>{@code
 * import static org.backprop.exercise.Exercises.___;
 * Exercises exercises = Exercises.outputLayer(backward, descent);
 * double dnet_o1_dw6 = ___;
 * exercises.check("dE/dw6", dE_dout_o1 * dout_o1_dnet_o1 * dnet_o1_dw6)
 * }</pre>
 */
public final class Exercises {

    /** The placeholder of an exercise cell: replace it with your expression. */
    public static final double ___ = Exercise.PLACEHOLDER;

    private final Map<String, Exercise> byId;

    private Exercises(List<Exercise> exercises) {
        Map<String, Exercise> map = new LinkedHashMap<>();
        exercises.forEach(exercise -> map.put(exercise.id(), exercise));
        this.byId = map;
    }

    /** The exercises' names, in the notebook's order. */
    public Set<String> ids() {
        return byId.keySet();
    }

    /** The exercise named {@code id}. */
    public Exercise get(String id) {
        Exercise exercise = id == null ? null : byId.get(id);
        if (exercise == null) {
            throw new IllegalArgumentException("id must name one of this notebook's exercises, " + byId.keySet()
                    + ", but was " + (id == null ? "null" : "'" + id + "'"));
        }
        return exercise;
    }

    /** The verdict on the answer to exercise {@code id} (see {@link Exercise#check}). */
    public Feedback check(String id, double answer) {
        return get(id).check(answer);
    }

    /** The hint of exercise {@code id}. */
    public Feedback hint(String id) {
        return get(id).hint();
    }

    /** A solution of exercise {@code id}, as code, with its value. */
    public Feedback solution(String id) {
        return get(id).solution();
    }

    @Override
    public String toString() {
        return "Exercises " + byId.keySet();
    }

    /**
     * Notebook 01: net and out of the second output neuron (o2 in Mazur's network), by hand, from
     * the forward pass of the network they are about. Needs the same shape as {@link #outputLayer};
     * the solutions' variables are the hand computation's (w7, w8, out_h1, out_h2, b2, and its
     * {@code sigmoid} method) and {@code exercises}.
     */
    public static Exercises forwardPass(ForwardPass pass) {
        if (pass == null) {
            throw new IllegalArgumentException("pass must not be null");
        }
        Setup s = Setup.of(pass, "pass", "forwardPass");
        String wa = s.names.weight(s.L, 1, 0);
        String wb = s.names.weight(s.L, 1, 1);
        String bias = s.names.bias(s.L, 1);
        double a = s.weight(s.L, 1, 0);
        double b = s.weight(s.L, 1, 1);
        double bValue = pass.layer(s.L).biasOf(1);
        double net = s.net(s.o2);
        Exercise netExercise = new Exercise("net_" + s.o2, "net_" + s.o2 + ", the total net input of " + s.o2
                + "; a number", net, List.of(
                new Mistake(s.weight(s.L, 0, 0) * s.out(s.h1) + s.weight(s.L, 0, 1) * s.out(s.h2) + bValue, "those "
                        + "are the weights into " + s.o1 + "; " + s.o2 + "'s are " + wa + " and " + wb + "."),
                new Mistake(a * s.net(s.h1) + b * s.net(s.h2) + bValue, "the hidden neurons pass on their outputs, "
                        + "out_" + s.h1 + " and out_" + s.h2 + ", not their net inputs."),
                new Mistake(a * s.out(s.h1) + b * s.out(s.h2), "the bias " + bias + " is missing (it is a weight "
                        + "whose input is always 1)."),
                new Mistake(a * s.out(s.h2) + b * s.out(s.h1), wa + " multiplies out_" + s.h1 + " and " + wb
                        + " out_" + s.h2 + ": a weight's second index (or its order) names the neuron it comes from."),
                new Mistake(a * s.forward.get("out_" + s.names.neuron(0, 0)) + b * s.forward.get("out_"
                        + s.names.neuron(0, 1)) + bValue, "those are the network's inputs; " + s.o2 + " takes the "
                        + "hidden neurons' outputs."),
                new Mistake(a * s.out(s.h1) + b * s.out(s.h2) + pass.layer(1).biasOf(0), "that bias belongs to the "
                        + "hidden layer; the output layer's is " + bias + ".")),
                "write out " + s.o1 + "'s sum from the cell's formula, then swap in the weights that feed " + s.o2 + ".",
                "double net_%1$s = %2$s * out_%3$s + %4$s * out_%5$s + %6$s * 1;\nexercises.check(\"net_%1$s\", net_%1$s)"
                        .formatted(s.o2, wa, s.h1, wb, s.h2, bias));
        double out = s.out(s.o2);
        Exercise outExercise = new Exercise("out_" + s.o2, "out_" + s.o2 + ", the output of " + s.o2 + "; a number", out,
                List.of(new Mistake(net, "that is net_" + s.o2 + ": the neuron still has to apply σ to it."),
                        new Mistake(1 - out, "the sign in the exponent: σ(x) = 1 / (1 + e^(−x)), so e is raised to "
                                + "−net_" + s.o2 + "."),
                        new Mistake(s.out(s.o1), "that is out_" + s.o1 + "; apply σ to net_" + s.o2 + "."),
                        new Mistake(out * (1 - out), "that is σ′(net) = out(1 − out), the slope; out itself is σ(net).")),
                "every neuron applies σ(x) = 1 / (1 + e^(−x)) to its net input; the cell of starting values defines "
                        + "sigmoid(x).",
                "double out_%1$s = sigmoid(net_%1$s);\nexercises.check(\"out_%1$s\", out_%1$s)".formatted(s.o2));
        return new Exercises(List.of(netExercise, outExercise));
    }

    /**
     * Notebook 02: ∂E_total/∂w and the updated w for the second weight into the first output neuron
     * (w6 in Mazur's network: h2 → o1). Needs sigmoid outputs, squared error, a hidden layer of
     * at least 2 neurons and at least 2 outputs; the variables of the solutions are {@code pass},
     * {@code descent} and {@code exercises}.
     */
    public static Exercises outputLayer(BackwardPass backward, GradientDescent descent) {
        Setup s = Setup.of(backward, "outputLayer");
        if (descent == null) {
            throw new IllegalArgumentException("descent must not be null");
        }
        String w = s.names.weight(s.L, 0, 1);
        double delta = backward.get("delta_" + s.o1);
        double slope = s.out(s.o1) * (1 - s.out(s.o1));
        double target = s.forward.get("target_" + s.o1);
        double gradient = backward.get("dE/d" + w);
        String input = "out_" + s.h2;
        String factors = "∂E_total/∂out_" + s.o1 + " · ∂out_" + s.o1 + "/∂net_" + s.o1 + " · ∂net_" + s.o1 + "/∂" + w;
        Exercise dEdw = new Exercise("dE/d" + w, "∂E_total/∂" + w + " = " + factors + ", a number",
                gradient, List.of(
                        new Mistake(delta * s.out(s.h1), "∂net_" + s.o1 + "/∂" + w + " is the input " + w
                                + " multiplies, " + input + "; out_" + s.h1 + " is the input of the other weight."),
                        new Mistake(-gradient, "the sign. ∂E_total/∂out_" + s.o1 + " = −(target_" + s.o1
                                + " − out_" + s.o1 + "): the −1 is the inner derivative of (target − out)."),
                        new Mistake(-(target - s.out(s.o1)) * s.net(s.o1) * (1 - s.net(s.o1)) * s.out(s.h2),
                                "∂out_" + s.o1 + "/∂net_" + s.o1 + " is out_" + s.o1 + "(1 − out_" + s.o1
                                        + "), written with out, not with net_" + s.o1 + "."),
                        new Mistake(-(target - s.out(s.o1)) * sigmoidSlope(s.out(s.o1)) * s.out(s.h2),
                                "σ′ was applied to out_" + s.o1 + ": σ′(net) = σ(net)(1 − σ(net)) = out(1 − out)"
                                        + " already, so σ′(out) applies σ once too often."),
                        new Mistake(gradient * slope, "∂out_" + s.o1 + "/∂net_" + s.o1 + " = out_" + s.o1
                                + "(1 − out_" + s.o1 + ") is in the product twice."),
                        new Mistake(gradient / slope, "the middle factor, ∂out_" + s.o1 + "/∂net_" + s.o1
                                + " = out_" + s.o1 + "(1 − out_" + s.o1 + "), is missing."),
                        new Mistake(backward.get("delta_" + s.o2) * s.out(s.h2), "that is the gradient of "
                                + s.names.weight(s.L, 1, 1) + ", which feeds " + s.o2 + "; " + w + " feeds "
                                + s.o1 + ", so the first two factors are " + s.o1 + "'s."),
                        new Mistake(delta * s.net(s.h2), "∂net_" + s.o1 + "/∂" + w + " is " + input
                                + ", the output of " + s.h2 + ", not its net input.")),
                "write net_" + s.o1 + " out as a sum: which term holds " + w + ", and what does " + w
                        + " multiply there?",
                """
                double dE_dout_%1$s = -(pass.get("target_%1$s") - pass.get("out_%1$s"));
                double dout_%1$s_dnet_%1$s = pass.get("out_%1$s") * (1 - pass.get("out_%1$s"));
                double dnet_%1$s_d%2$s = pass.get("out_%3$s");
                exercises.check("dE/d%2$s", dE_dout_%1$s * dout_%1$s_dnet_%1$s * dnet_%1$s_d%2$s)"""
                        .formatted(s.o1, w, s.h2));
        double rate = descent.learningRate();
        double old = s.weight(s.L, 0, 1);
        Exercise update = new Exercise("new " + w, "the new " + w + " after one step of gradient descent with η = "
                + rate + ", a number", descent.updated(backward, w), List.of(
                        new Mistake(old + rate * gradient, "the sign of the step: gradient descent goes against the "
                                + "gradient, new " + w + " = " + w + " − η · ∂E_total/∂" + w + "."),
                        new Mistake(old - gradient, "the learning rate η = " + rate + " is missing."),
                        new Mistake(-rate * gradient, "that is the step alone: add it to the old " + w + "."),
                        new Mistake(old - rate * backward.get("dE/d" + s.names.weight(s.L, 0, 0)), "the gradient of "
                                + s.names.weight(s.L, 0, 0) + " was used; each weight moves by its own gradient.")),
                "new " + w + " = " + w + " − η · ∂E_total/∂" + w + "; read " + w + " with network.get(\"" + w
                        + "\") and the gradient with backward.get(\"dE/d" + w + "\").",
                """
                double new_%1$s = network.get("%1$s") - descent.learningRate() * backward.get("dE/d%1$s");
                exercises.check("new %1$s", new_%1$s)""".formatted(w));
        return new Exercises(List.of(dEdw, update));
    }

    /**
     * Notebook 03: ∂E_total/∂w for the first input's weight into the second hidden neuron (w3 in
     * Mazur's network: i1 → h2), through both outputs. The same needs as {@link #outputLayer}, and
     * {@code descent} only to name the revised weights a student might wrongly use.
     */
    public static Exercises hiddenLayer(BackwardPass backward, GradientDescent descent) {
        Setup s = Setup.of(backward, "hiddenLayer");
        if (descent == null) {
            throw new IllegalArgumentException("descent must not be null");
        }
        String w = s.names.weight(1, 1, 0);
        String i1 = s.names.neuron(0, 0);
        String i2 = s.names.neuron(0, 1);
        String wo1 = s.names.weight(s.L, 0, 1);
        String wo2 = s.names.weight(s.L, 1, 1);
        double d1 = backward.get("delta_" + s.o1);
        double d2 = backward.get("delta_" + s.o2);
        double slope = s.out(s.h2) * (1 - s.out(s.h2));
        double input = s.forward.get("out_" + i1);
        double gradient = backward.get("dE/d" + w);
        double back = gradient / (slope * input);
        Exercise dEdw = new Exercise("dE/d" + w, "∂E_total/∂" + w + " = ∂E_total/∂out_" + s.h2 + " · ∂out_"
                + s.h2 + "/∂net_" + s.h2 + " · ∂net_" + s.h2 + "/∂" + w + ", where ∂E_total/∂out_" + s.h2
                + " adds the paths through both outputs; a number", gradient, List.of(
                        new Mistake(d1 * s.weight(s.L, 0, 1) * slope * input, "only the path through " + s.o1
                                + ": " + s.h2 + " feeds both outputs, so ∂E_total/∂out_" + s.h2 + " = δ_" + s.o1
                                + "·" + wo1 + " + δ_" + s.o2 + "·" + wo2 + "."),
                        new Mistake(d2 * s.weight(s.L, 1, 1) * slope * input, "only the path through " + s.o2
                                + ": " + s.h2 + " feeds both outputs, so ∂E_total/∂out_" + s.h2 + " = δ_" + s.o1
                                + "·" + wo1 + " + δ_" + s.o2 + "·" + wo2 + "."),
                        new Mistake((d1 * descent.updated(backward, wo1) + d2 * descent.updated(backward, wo2))
                                * slope * input, "the revised " + wo1 + " and " + wo2 + " were used. Every "
                                + "gradient is computed with the weights of the forward pass; the updates come after."),
                        new Mistake((d1 * s.weight(s.L, 0, 0) + d2 * s.weight(s.L, 1, 0)) * slope * input, "those are the weights out of " + s.h1
                                + "; the error reaches " + s.h2 + " through " + wo1 + " and " + wo2 + "."),
                        new Mistake(back * slope * s.forward.get("out_" + i2), "∂net_" + s.h2 + "/∂" + w + " is "
                                + i1 + ", the input " + w + " multiplies, not " + i2 + "."),
                        new Mistake(back * s.out(s.h1) * (1 - s.out(s.h1)) * input, "the middle factor is "
                                + s.h2 + "'s: out_" + s.h2 + "(1 − out_" + s.h2 + "), not " + s.h1 + "'s."),
                        new Mistake(back * input, "the middle factor, ∂out_" + s.h2 + "/∂net_" + s.h2 + " = out_"
                                + s.h2 + "(1 − out_" + s.h2 + "), is missing."),
                        new Mistake(-gradient, "the sign: δ_" + s.o1 + " and δ_" + s.o2 + " carry the −1 of "
                                + "∂E/∂out; take them from the backward pass as they are.")),
                "first ∂E_total/∂out_" + s.h2 + ": one term per output neuron, δ of that output times the weight "
                        + "from " + s.h2 + " to it (backward.get(\"delta_" + s.o1 + "\"), network.get(\"" + wo1
                        + "\")).",
                """
                double dE_dout_%1$s = backward.get("delta_%2$s") * network.get("%3$s")
                        + backward.get("delta_%4$s") * network.get("%5$s");
                double dout_%1$s_dnet_%1$s = pass.get("out_%1$s") * (1 - pass.get("out_%1$s"));
                double dnet_%1$s_d%6$s = pass.get("out_%7$s");
                exercises.check("dE/d%6$s", dE_dout_%1$s * dout_%1$s_dnet_%1$s * dnet_%1$s_d%6$s)"""
                        .formatted(s.h2, s.o1, wo1, s.o2, wo2, w, i1));
        return new Exercises(List.of(dEdw));
    }

    /**
     * Notebook 05: ∂E_total/∂b for the shared bias of the first hidden layer (b1 in Mazur's
     * network), which feeds every neuron of that layer: BP3 summed over them. Needs a shared bias
     * there, a hidden layer of at least 2 neurons, and a shared bias in the layer above for the
     * mistake of taking that one; the solution's variables are {@code backward} and {@code exercises}.
     */
    public static Exercises biases(BackwardPass backward) {
        if (backward == null) {
            throw new IllegalArgumentException("backward must not be null");
        }
        ForwardPass forward = backward.forward();
        if (forward.depth() < 2 || forward.layer(1).bias() != Bias.SHARED || forward.layer(2).bias() != Bias.SHARED
                || forward.layer(1).size() < 2) {
            throw new IllegalArgumentException("backward must be of a network whose first two layers each have one "
                    + "shared bias, the first of 2 or more neurons, for the biases exercises; but its forward pass was "
                    + Setup.describe(forward));
        }
        Names names = forward.names();
        String b = names.bias(1, 0);
        String above = names.bias(2, 0);
        int neurons = forward.layer(1).size();
        double gradient = backward.get("dE/d" + b);
        String first = "δ_" + names.neuron(1, 0);
        StringBuilder sum = new StringBuilder();
        StringBuilder deltas = new StringBuilder();
        for (int j = 0; j < neurons; j++) {
            sum.append(j == 0 ? "" : " + ").append("δ_").append(names.neuron(1, j));
            deltas.append(j == 0 ? "" : "\n        + ").append("backward.get(\"delta_").append(names.neuron(1, j))
                    .append("\")");
        }
        String feeds = b + " feeds all " + neurons + " hidden neurons, so its gradient adds their deltas: " + sum + ".";
        Exercise dEdb = new Exercise("dE/d" + b, "∂E_total/∂" + b + ", the gradient of the bias shared by the hidden "
                + "layer, a number", gradient, List.of(
                        new Mistake(backward.get("delta_" + names.neuron(1, 0)), "only " + first + ". " + feeds),
                        new Mistake(backward.get("delta_" + names.neuron(1, 1)), "only δ_" + names.neuron(1, 1)
                                + ". " + feeds),
                        new Mistake(gradient / neurons, "the mean of the deltas. " + feeds + " A shared bias adds "
                                + "its paths, as ∂E_total/∂out_h1 added the paths through both outputs."),
                        new Mistake(backward.get("dE/d" + above), "that is ∂E_total/∂" + above + ", the bias of the "
                                + "layer above; " + b + " feeds the hidden layer."),
                        new Mistake(gradient * forward.layer(1).biasOf(0), "each delta was multiplied by " + b
                                + "'s value. ∂net/∂" + b + " is 1: a bias is a weight whose input is always 1."),
                        new Mistake(-gradient, "the sign: the deltas already carry it; add them as they are.")),
                "which neurons does " + b + " feed? BP3 gives each of them a term δ · ∂net/∂" + b + " = δ · 1.",
                "double dE_d%1$s = %2$s;\nexercises.check(\"dE/d%1$s\", dE_d%1$s)".formatted(b, deltas));
        return new Exercises(List.of(dEdb));
    }

    /**
     * Notebook 12: δ = ∂C/∂net of output {@code j} (0-based) of a softmax layer with cross-entropy
     * C = −Σₖ targetₖ ln outₖ, for these net inputs and this target (a probability per class: a
     * soft target keeps every mistake below apart from the answer, which is outⱼ − targetⱼ). The
     * solution's variables are {@code net}, {@code target} and {@code exercises}.
     */
    public static Exercises softmaxCrossEntropy(double[] net, double[] target, int j) {
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
        Exercise dCdnet = new Exercise("dC/dnet_" + o, "δ_" + o + " = ∂C/∂net_" + o + " for softmax outputs and "
                + "cross-entropy C = −Σ target·ln out, with these net inputs and this target; a number", delta, List.of(
                        new Mistake(-t * (1 - y), "only the diagonal of softmax's Jacobian. out_" + o + " is not the "
                                + "only output that moves with net_" + o + ": every out_k does (∂out_k/∂net_j = −out_k "
                                + "out_j), so add the terms of the other classes: δ = Σ_k ∂C/∂out_k · ∂out_k/∂net_j."),
                        new Mistake(-t / y, "that is ∂C/∂out_" + o + ", the loss's derivative alone; it still has to "
                                + "go through softmax to the net inputs."),
                        new Mistake(-delta, "the sign: δ = out − target, not target − out."),
                        new Mistake(delta * y * (1 - y), "that multiplies by out(1 − out), the sigmoid's slope, as "
                                + "squared error does; with cross-entropy, softmax's Jacobian cancels the loss's 1/out "
                                + "and leaves δ = out − target."),
                        new Mistake(y, "the target is missing: δ = out − target.")),
                "write C with softmax's out_k, then differentiate with respect to net_" + o + "; or compare the "
                        + "derivation above with its printed δ.",
                "double dC_dnet_%1$s = Activation.SOFTMAX.apply(net)[%2$d] - target[%2$d];\n"
                        .formatted(o, j) + "exercises.check(\"dC/dnet_%1$s\", dC_dnet_%1$s)".formatted(o));
        return new Exercises(List.of(dCdnet));
    }

    /**
     * Notebook 14: the accuracy of a classifier from its confusion matrix ({@code confusion[true
     * class][predicted class]} counts): the diagonal's sum over the total. The solution's variables
     * are {@code confusion} and {@code exercises}, and it needs {@code java.util.stream.IntStream}.
     */
    public static Exercises confusion(int[][] confusion) {
        if (confusion == null || confusion.length < 2) {
            throw new IllegalArgumentException("confusion must be a square matrix of at least 2 classes, but was "
                    + (confusion == null ? "null" : confusion.length + " rows"));
        }
        long right = 0;
        long total = 0;
        for (int c = 0; c < confusion.length; c++) {
            if (confusion[c] == null || confusion[c].length != confusion.length) {
                throw new IllegalArgumentException("confusion must be square: row " + c + " must have "
                        + confusion.length + " counts, but had " + (confusion[c] == null ? "none (null)"
                        : confusion[c].length));
            }
            for (int count : confusion[c]) {
                if (count < 0) {
                    throw new IllegalArgumentException("confusion must hold counts, 0 or more, but row " + c
                            + " held " + count);
                }
                total += count;
            }
            right += confusion[c][c];
        }
        if (total == 0) {
            throw new IllegalArgumentException("confusion must count at least 1 prediction, but all counts were 0");
        }
        double accuracy = (double) right / total;
        long firstRow = java.util.stream.IntStream.of(confusion[0]).asLongStream().sum();
        List<Mistake> mistakes = new java.util.ArrayList<>(List.of(
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
        return new Exercises(List.of(exercise));
    }

    /**
     * Notebook 16: {@code parameter} after Adam's first step (t = 1, m = v = 0) with these
     * settings, from the gradient of {@code backward}; the answer is the library's own step
     * ({@link GradientDescent#firstStep}). The solution's variables are {@code backward},
     * {@code mazur} (the worked example whose network holds the old value) and {@code exercises}.
     */
    public static Exercises adamStep(BackwardPass backward, String parameter, double learningRate, double beta1,
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
        List<Mistake> mistakes = new java.util.ArrayList<>(List.of(
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
        return new Exercises(List.of(exercise));
    }

    /**
     * Notebook 07: the central-difference estimate of ∂E_total/∂{@code parameter} with step
     * {@code h}, (E(p + h) − E(p − h)) / 2h ({@link NumericalGradient#central}). The solution's
     * variables are {@code network}, {@code sample}, {@code h} and {@code exercises}.
     */
    public static Exercises centralDifference(Network network, Sample sample, String parameter, double h) {
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
        return new Exercises(List.of(exercise));
    }

    /**
     * Notebook 11: ∂{@code output}/∂{@code input} of a circuit, by reverse mode. The mistakes are
     * read off the graph: where {@code input} reaches the output along several paths, each path's
     * product of local derivatives alone, and the sweep that overwrites instead of adding at a
     * fork. The solution writes each path's local derivatives out as numbers; its one variable is
 * {@code exercises}.
     */
    public static Exercises circuit(Node output, Node input) {
        if (output == null || input == null) {
            throw new IllegalArgumentException((output == null ? "output" : "input") + " must not be null");
        }
        Gradients gradients = output.backward();
        if (!gradients.has(input)) {
            throw new IllegalArgumentException("input must be a node that " + output.name() + " depends on, but "
                    + input.name() + " is not in its graph");
        }
        List<List<Double>> factors = new java.util.ArrayList<>();
        collectPaths(output, input, new java.util.ArrayList<>(), factors);
        List<Double> paths = factors.stream().map(path -> path.stream().reduce(1.0, (a, b) -> a * b)).toList();
        StringBuilder solution = new StringBuilder("// one product of local derivatives per path from " + input.name()
                + " to " + output.name() + ", from " + output.name() + " down\n");
        for (int p = 0; p < factors.size(); p++) {
            solution.append("double path").append(p + 1).append(" = ").append(factors.get(p).stream()
                    .map(String::valueOf).collect(java.util.stream.Collectors.joining(" * "))).append(";\n");
        }
        solution.append("exercises.check(\"d").append(output.name()).append("/d").append(input.name())
                .append("\", ").append(java.util.stream.IntStream.rangeClosed(1, factors.size())
                        .mapToObj(p -> "path" + p).collect(java.util.stream.Collectors.joining(" + "))).append(")");
        String d = "∂" + output.name() + "/∂" + input.name();
        double answer = gradients.of(input);
        List<Mistake> mistakes = new java.util.ArrayList<>();
        if (paths.size() > 1) {
            for (double path : paths) {
                mistakes.add(new Mistake(path, "only one of the " + paths.size() + " paths from " + input.name()
                        + " to " + output.name() + ". " + input.name() + " feeds more than one gate, and the gradient "
                        + "adds every path: multiply the local derivatives along each path, then add the paths (an "
                        + "= where micrograd has += at the fork gives one path only)."));
            }
        }
        mistakes.add(new Mistake(-answer, "the sign: multiply the local derivatives as they are."));
        Exercise exercise = new Exercise("d" + output.name() + "/d" + input.name(), d + " at these values, by the "
                + "chain rule through every gate; a number", answer, mistakes, "start at " + output.name() + " with "
                + "1 and walk back to " + input.name() + ": an add gate passes the gradient on, a multiply gate "
                + "multiplies it by the other input, a max gate routes it to the larger input.",
                solution.toString());
        return new Exercises(List.of(exercise));
    }

    /** Adds to {@code paths} the local derivatives along each path from {@code node} down to {@code input}. */
    private static void collectPaths(Node node, Node input, List<Double> above, List<List<Double>> paths) {
        if (node == input) {
            paths.add(List.copyOf(above));
            return;
        }
        List<Node> inputs = node.inputs();
        double[] local = node.localDerivatives();
        for (int i = 0; i < inputs.size(); i++) {
            List<Double> path = new java.util.ArrayList<>(above);
            path.add(local[i]);
            collectPaths(inputs.get(i), input, path, paths);
        }
    }

    /**
     * Notebook 08: the largest learning rate that still settles where {@code pass} was taken, near a
     * minimum of a network with one output and squared error: 2/a, with a = Σ_p (∂out/∂p)² =
     * Σ_p (∂E/∂p)² / (2E), the curvature along the gradient (the one-dimensional model
     * E(w⁺) = (1 − ηa)² E(w) grows the error once ηa &gt; 2). The solution's variables are
     * {@code atMinimum} (the backward pass), the notebook's {@code curvature} helper and
     * {@code exercises}.
     */
    public static Exercises stableRate(BackwardPass pass) {
        if (pass == null) {
            throw new IllegalArgumentException("pass must not be null");
        }
        ForwardPass forward = pass.forward();
        if (forward.outputs().length != 1 || forward.loss() != Loss.SQUARED_ERROR || !(forward.totalError() > 0)) {
            throw new IllegalArgumentException("pass must be of a network with 1 output and squared error, with an "
                    + "error above 0 (the curvature divides by it), but its forward pass was " + Setup.describe(forward)
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
        return new Exercises(List.of(exercise));
    }

    /**
     * Notebook 13: step t's term of ∂E/∂W_hh[i][j] in backpropagation through time, δnet_t[i] ·
     * h_{t−1}[j] with δnet_t = δh_t ⊙ (1 − h_t²) ({@link BackwardThroughTime#contribution}). The
     * solution's variables are {@code pass} (the forward pass), {@code bptt} (its full backward
     * pass) and {@code exercises}.
     */
    public static Exercises bpttTerm(BackwardThroughTime bptt, int t, int i, int j) {
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
        List<Mistake> mistakes = new java.util.ArrayList<>(List.of(
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
        return new Exercises(List.of(exercise));
    }

    private static double sigmoidSlope(double x) {
        double sigma = Activation.SIGMOID.apply(x);
        return sigma * (1 - sigma);
    }

    /** The names and values the catalogues of notebooks 02 and 03 read, and what they need. */
    private record Setup(ForwardPass forward, Names names, int L, String h1, String h2, String o1, String o2) {

        static Setup of(BackwardPass backward, String exercises) {
            if (backward == null) {
                throw new IllegalArgumentException("backward must not be null");
            }
            return of(backward.forward(), "backward", exercises);
        }

        static Setup of(ForwardPass forward, String parameter, String exercises) {
            if (forward.depth() != 2 || forward.sample().inputSize() < 2 || forward.layer(1).size() < 2
                    || forward.layer(2).size() < 2 || forward.layer(2).activation() != Activation.SIGMOID
                    || forward.loss() != Loss.SQUARED_ERROR) {
                throw new IllegalArgumentException(parameter + " must be of a network like Mazur's for the " + exercises
                        + " exercises: 2 or more inputs, one hidden layer of 2 or more neurons, 2 or more sigmoid "
                        + "outputs and squared error; but its forward pass was " + describe(forward));
            }
            Names names = forward.names();
            return new Setup(forward, names, 2, names.neuron(1, 0), names.neuron(1, 1), names.neuron(2, 0),
                    names.neuron(2, 1));
        }

        /** E.g. "2 inputs; 2 sigmoid, shared bias; 2 sigmoid, shared bias; squared error". */
        static String describe(ForwardPass forward) {
            StringBuilder shape = new StringBuilder().append(forward.sample().inputSize()).append(" inputs");
            for (int l = 1; l <= forward.depth(); l++) {
                shape.append("; ").append(forward.layer(l).size()).append(' ').append(forward.layer(l).activation())
                        .append(", ").append(switch (forward.layer(l).bias()) {
                            case SHARED -> "shared bias";
                            case PER_NEURON -> "bias per neuron";
                            case NONE -> "no bias";
                        });
            }
            return shape + "; " + forward.loss();
        }

        /** Weight (j, k) into layer l as the forward pass used it. */
        double weight(int l, int j, int k) {
            return forward.layer(l).weight(j, k);
        }

        double out(String neuron) {
            return forward.get("out_" + neuron);
        }

        double net(String neuron) {
            return forward.get("net_" + neuron);
        }
    }
}
