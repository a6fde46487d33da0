package org.backprop.exercise;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Activation;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.Bias;
import org.backprop.nn.ForwardPass;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Loss;
import org.backprop.nn.Names;
import org.backprop.nn.Network;
import org.backprop.nn.Sample;
import org.backprop.nn.UpdateRule;

/** Notebooks 01–05 on Matt Mazur's 2-2-2 network: the forward pass by hand, the output and hidden
 * layers' gradients, the shared bias. */
final class MazurExercises {

    private MazurExercises() {
    }

    /** The exercises of {@link Exercises#forwardPass}, with their mistakes. */
    static Exercises forwardPass(ForwardPass pass) {
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
        return Exercises.of(List.of(netExercise, outExercise));
    }

    /** The exercises of {@link Exercises#outputLayer}, with their mistakes. */
    static Exercises outputLayer(BackwardPass backward, GradientDescent descent) {
        Setup s = Setup.of(backward, "outputLayer");
        if (descent == null) {
            throw new IllegalArgumentException("descent must not be null");
        }
        String w = s.names.weight(s.L, 0, 1);
        double delta = backward.get("delta_" + s.o1);
        double slope = backward.get("dout_" + s.o1 + "/dnet_" + s.o1);
        // σ′ applied to out instead of net: σ applied once too often
        double slopeOfOut = Activation.SIGMOID.derivative(s.out(s.o1), Activation.SIGMOID.apply(s.out(s.o1)));
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
                        new Mistake(-(target - s.out(s.o1)) * slopeOfOut * s.out(s.h2),
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
                "gradient descent steps against the gradient: w⁺ = w − η · ∂E_total/∂w, for " + w + ". Its "
                        + "gradient is the one the cell above computed (the backward pass holds it as \"dE/d" + w
                        + "\").",
                """
                double new_%1$s = network.get("%1$s") - descent.learningRate() * backward.get("dE/d%1$s");
                exercises.check("new %1$s", new_%1$s)""".formatted(w));
        return Exercises.of(List.of(dEdw, update));
    }

    /** The exercises of {@link Exercises#hiddenLayer}, with their mistakes. */
    static Exercises hiddenLayer(BackwardPass backward, GradientDescent descent) {
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
        double slope = backward.get("dout_" + s.h2 + "/dnet_" + s.h2);
        double input = s.forward.get("out_" + i1);
        double gradient = backward.get("dE/d" + w);
        double back = gradient / (slope * input);
        // σ′ applied to out instead of net: σ applied once too often
        double slopeOfOut = Activation.SIGMOID.derivative(s.out(s.h2), Activation.SIGMOID.apply(s.out(s.h2)));
        String bothPaths = ": " + s.h2 + " feeds both outputs, so ∂E_total/∂out_" + s.h2 + " = δ_" + s.o1 + "·" + wo1
                + " + δ_" + s.o2 + "·" + wo2 + ".";
        Exercise dEdw = new Exercise("dE/d" + w, "∂E_total/∂" + w + " = ∂E_total/∂out_" + s.h2 + " · ∂out_"
                + s.h2 + "/∂net_" + s.h2 + " · ∂net_" + s.h2 + "/∂" + w + ", where ∂E_total/∂out_" + s.h2
                + " adds the paths through both outputs; a number", gradient, List.of(
                        new Mistake(d1 * s.weight(s.L, 0, 1) * slope * input, "only the path through " + s.o1
                                + bothPaths),
                        new Mistake(d2 * s.weight(s.L, 1, 1) * slope * input, "only the path through " + s.o2
                                + bothPaths),
                        new Mistake((d1 * descent.updated(backward, wo1) + d2 * descent.updated(backward, wo2))
                                * slope * input, "the revised " + wo1 + " and " + wo2 + " were used. Every "
                                + "gradient is computed with the weights of the forward pass; the updates come after."),
                        new Mistake((d1 * s.weight(s.L, 0, 0) + d2 * s.weight(s.L, 1, 0)) * slope * input,
                                "those are the weights out of " + s.h1 + "; the error reaches " + s.h2 + " through "
                                        + wo1 + " and " + wo2 + "."),
                        new Mistake(back * slope * s.forward.get("out_" + i2), "∂net_" + s.h2 + "/∂" + w + " is "
                                + i1 + ", the input " + w + " multiplies, not " + i2 + "."),
                        new Mistake(back * backward.get("dout_" + s.h1 + "/dnet_" + s.h1) * input, "the middle factor is "
                                + s.h2 + "'s: out_" + s.h2 + "(1 − out_" + s.h2 + "), not " + s.h1 + "'s."),
                        new Mistake(back * input, "the middle factor, ∂out_" + s.h2 + "/∂net_" + s.h2 + " = out_"
                                + s.h2 + "(1 − out_" + s.h2 + "), is missing."),
                        new Mistake(back * slopeOfOut * input, "σ′ was applied to out_" + s.h2 + ": σ′(net) = "
                                + "σ(net)(1 − σ(net)) = out(1 − out) already, so σ′(out) applies σ once too often."),
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
        double rate = descent.learningRate();
        double old = s.weight(1, 1, 0);
        double layered = (d1 * descent.updated(backward, wo1) + d2 * descent.updated(backward, wo2)) * slope * input;
        String w1 = s.names.weight(1, 0, 0);
        String w4 = s.names.weight(1, 1, 1);
        double answer = descent.updated(backward, w);
        List<Mistake> mistakes = new ArrayList<>();
        Mistake.addTo(mistakes, answer, old - rate * layered, "that is the layer-by-layer rule: its gradient was "
                + "taken with the revised " + wo1 + " and " + wo2 + ". The text's method takes every gradient at the "
                + "old weights, then moves them all.");
        Mistake.addTo(mistakes, answer, old + rate * gradient, "the sign of the step: new " + w + " = " + w
                + " − η · ∂E_total/∂" + w + ".");
        Mistake.addTo(mistakes, answer, old - gradient, "the learning rate η = " + rate + " is missing.");
        Mistake.addTo(mistakes, answer, -rate * gradient, "that is the step alone: add it to the old " + w + ".");
        Mistake.addTo(mistakes, answer, old - rate * backward.get("dE/d" + w1), "the gradient of " + w1
                + " was used; each weight moves by its own gradient.");
        // in Mazur's network i2 = 2·i1 and η = 0.5: the same number as η left out
        Mistake.addTo(mistakes, answer, old - rate * backward.get("dE/d" + w4), "the gradient of " + w4
                + ", the other weight into " + s.h2 + ", was used; each weight moves by its own gradient.");
        Exercise update = new Exercise("new " + w, "the new " + w + " after one round of the text's method with η = "
                + rate + ", a number", answer, mistakes,
                "the same update as for the output weights, w⁺ = w − η · ∂E_total/∂w, with the gradient taken at "
                        + "the old weights: the one the cell above computed (the backward pass holds it as \"dE/d"
                        + w + "\").",
                """
                double new_%1$s = network.get("%1$s") - descent.learningRate() * backward.get("dE/d%1$s");
                exercises.check("new %1$s", new_%1$s)""".formatted(w));
        return Exercises.of(List.of(dEdw, update));
    }

    /**
     * The exercises of {@link Exercises#firstRound}, with their mistakes. The round moves what
     * {@code descent} moves: the weights, and the biases too where it updates them; so do the
     * solutions and the slips.
     */
    static Exercises firstRound(Network start, Sample sample, GradientDescent descent) {
        if (start == null || sample == null || descent == null) {
            throw new IllegalArgumentException((start == null ? "start" : sample == null ? "sample" : "descent")
                    + " must not be null");
        }
        Network after = start.copy();
        descent.step(after, sample);
        double answer = after.forward(sample).totalError();
        BackwardPass gradients = start.backward(start.forward(sample));
        double rate = descent.learningRate();
        Names names = start.names();
        Moved moved = Moved.by(descent, names);
        int outputLayer = start.depth();
        Network plus = start.copy();
        Network withoutRate = start.copy();
        Network outputOnly = start.copy();
        Network hiddenOnly = start.copy();
        for (String p : moved.names()) {
            double g = gradients.get("dE/d" + p);
            plus.set(p, start.get(p) + rate * g);
            withoutRate.set(p, start.get(p) - g);
            (names.parameterOf(p).layer() == outputLayer ? outputOnly : hiddenOnly).set(p, start.get(p) - rate * g);
        }
        String hidden = outputLayer == 2 ? "the hidden layer's" : "the hidden layers'";
        List<Mistake> mistakes = new ArrayList<>();
        Mistake.addTo(mistakes, answer, start.forward(sample).totalError(), "that is E_total before the round; move "
                + "every " + moved.each() + ", then run the forward pass again.");
        Mistake.addTo(mistakes, answer, plus.forward(sample).totalError(), "the sign of the step: w − η·∂E_total/∂w.");
        Mistake.addTo(mistakes, answer, withoutRate.forward(sample).totalError(), "the learning rate η = " + rate
                + " is missing.");
        Mistake.addTo(mistakes, answer, error(moved.otherwise(descent), start, sample, 1), moved.slip());
        Mistake.addTo(mistakes, answer, outputOnly.forward(sample).totalError(), "only the output layer's "
                + moved.all() + " moved; a round moves " + hidden + " too.");
        if (outputLayer > 1) {
            // moves the error by a few millionths only: agrees with E_total before the round to 6 digits
            Mistake.addTo(mistakes, answer, hiddenOnly.forward(sample).totalError(), "only " + hidden + " "
                    + moved.all() + " moved; a round moves the output layer's too.");
        }
        Mistake.addTo(mistakes, answer, error(descent.withRule(UpdateRule.LAYER_BY_LAYER), start, sample, 1),
                "the hidden layer's gradients were taken with the revised output weights; the text's round takes "
                        + "every gradient at the old weights first.");
        String id = "E_total after one round";
        Exercise oneRound = new Exercise(id, "E_total after one round of the text's method with η = " + rate
                + ", the " + moved.all() + " moved by hand; a number", answer, mistakes,
                "take every gradient from one backward pass at the start, move each " + moved.each() + " by "
                        + "−η times its gradient, on a copy of the network, then run the forward pass.",
                """
                Network after = start.copy();
                BackwardPass gradients = start.backward(start.forward(sample));
                for (String %2$s : start.names().%3$s()) {%4$s
                    after.set(%2$s, start.get(%2$s) - descent.learningRate() * gradients.get("dE/d" + %2$s));
                }
                exercises.check("%1$s", after.forward(sample).totalError())"""
                        .formatted(id, moved.variable(), moved.method(), moved.comment()));
        return Exercises.of(List.of(oneRound, secondRound(start, sample, descent, after, gradients)));
    }

    /** E_total after two rounds: the second one's gradients are taken at the weights the first left. */
    private static Exercise secondRound(Network start, Sample sample, GradientDescent descent, Network afterOne,
                                        BackwardPass first) {
        double answer = error(descent, start, sample, 2);
        Moved moved = Moved.by(descent, start.names());
        Network reused = start.copy();
        for (String p : moved.names()) {
            reused.set(p, start.get(p) - 2 * descent.learningRate() * first.get("dE/d" + p));
        }
        List<Mistake> mistakes = new ArrayList<>();
        Mistake.addTo(mistakes, answer, afterOne.forward(sample).totalError(), "that is E_total after one round; the "
                + "second round starts from the " + moved.all() + " the first one left.");
        Mistake.addTo(mistakes, answer, reused.forward(sample).totalError(), "the second round reused the first "
                + "round's gradients. Each round runs its own forward and backward pass, at the " + moved.all()
                + " it starts from.");
        Mistake.addTo(mistakes, answer, error(descent, start, sample, 3), "that is E_total after three rounds: "
                + "count the rounds, not the forward passes.");
        Mistake.addTo(mistakes, answer, error(moved.otherwise(descent), start, sample, 2), moved.slip());
        Mistake.addTo(mistakes, answer, error(descent.withRule(UpdateRule.LAYER_BY_LAYER), start, sample, 2),
                "those are two layer-by-layer rounds: the hidden layer's gradients were taken with the revised "
                        + "output weights. Each of the text's rounds takes every gradient at the " + moved.all()
                        + " it starts from, then moves them all.");
        String id = "E_total after two rounds";
        return new Exercise(id, "E_total after two rounds of the text's method with η = " + descent.learningRate()
                + "; a number", answer, mistakes,
                "repeat the whole round twice — forward pass, backward pass, update — on one copy of start.",
                """
                Network twice = start.copy();
                for (int round = 1; round <= 2; round++) {
                    BackwardPass gradients = twice.backward(twice.forward(sample));
                    for (String %2$s : twice.names().%3$s()) {%4$s
                        twice.set(%2$s, twice.get(%2$s) - descent.learningRate() * gradients.get("dE/d" + %2$s));
                    }
                }
                exercises.check("%1$s", twice.forward(sample).totalError())"""
                        .formatted(id, moved.variable(), moved.method(), moved.comment()));
    }

    /** E_total after {@code rounds} of {@code descent}'s steps from a copy of {@code start}. */
    private static double error(GradientDescent descent, Network start, Sample sample, int rounds) {
        Network network = start.copy();
        for (int round = 0; round < rounds; round++) {
            descent.step(network, sample);
        }
        return network.forward(sample).totalError();
    }

    /** What a round of 04 moves: the weights, or the weights and the biases where descent updates them. */
    private record Moved(boolean biases, Names network) {

        static Moved by(GradientDescent descent, Names names) {
            return new Moved(descent.updatesBiases(), names);
        }

        List<String> names() {
            return biases ? network.parameterNames() : network.weightNames();
        }

        String method() {
            return biases ? "parameterNames" : "weightNames";
        }

        String variable() {
            return biases ? "p" : "w";
        }

        String comment() {
            return biases ? "   // the weights and the biases" : "";
        }

        String each() {
            return biases ? "weight and bias" : "weight";
        }

        String all() {
            return biases ? "weights and biases" : "weights";
        }

        /** The descent whose round moves the biases where this one does not, and the other way round. */
        GradientDescent otherwise(GradientDescent descent) {
            return biases ? descent.freezingBiases() : descent.updatingBiases();
        }

        /** What the other descent's round did wrong. */
        String slip() {
            return biases ? "the biases did not move: this descent updates them (updatingBiases()), by "
                    + "b − η·∂E_total/∂b like a weight; loop over parameterNames(), not weightNames()."
                    : "the biases moved too; this descent leaves them where they are, as the post does: loop over "
                    + "weightNames(), not parameterNames().";
        }
    }

    /** The exercises of {@link Exercises#biases}, with their mistakes. */
    static Exercises biases(BackwardPass backward, GradientDescent descent) {
        if (backward == null || descent == null) {
            throw new IllegalArgumentException((backward == null ? "backward" : "descent") + " must not be null");
        }
        ForwardPass forward = backward.forward();
        if (forward.depth() < 2 || forward.layer(1).bias() != Bias.SHARED || forward.layer(2).bias() != Bias.SHARED
                || forward.layer(1).size() < 2) {
            throw new IllegalArgumentException("backward must be of a network whose first two layers each have one "
                    + "shared bias, the first of 2 or more neurons, for the biases exercises; but its forward pass was "
                    + describe(forward));
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
        String feeds = b + " feeds " + all(neurons) + " hidden neurons, so its gradient adds their deltas: " + sum
                + ".";
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
        return Exercises.of(List.of(dEdb, biasUpdate(backward, descent.updatingBiases())));
    }

    /** The output layer's shared bias after one round in which the biases learn: b − η·Σ δ. */
    private static Exercise biasUpdate(BackwardPass backward, GradientDescent learning) {
        ForwardPass forward = backward.forward();
        Names names = forward.names();
        int L = forward.depth();
        String b = names.bias(L, 0);
        String first = names.neuron(L, 0);
        double rate = learning.learningRate();
        double old = forward.layer(L).biasOf(0);
        double gradient = backward.get("dE/d" + b);
        int neurons = forward.layer(L).size();
        StringBuilder deltas = new StringBuilder();
        for (int j = 0; j < neurons; j++) {
            deltas.append(j == 0 ? "" : " + ").append("backward.get(\"delta_").append(names.neuron(L, j))
                    .append("\")");
        }
        return new Exercise("new " + b, "the new " + b + " after one round in which the biases learn, η = " + rate
                + ", a number", learning.updated(backward, b), List.of(
                        new Mistake(old, "that is " + b + " before the round: with updatingBiases() a bias moves like "
                                + "a weight, by −η · ∂E_total/∂" + b + "."),
                        new Mistake(old - rate * backward.get("delta_" + first), "only δ_" + first + " was used; "
                                + b + " feeds " + all(neurons) + " output neurons, so its gradient adds their deltas."),
                        new Mistake(old - rate * gradient / neurons, "the mean of the deltas: a shared bias adds its "
                                + "paths."),
                        new Mistake(old + rate * gradient, "the sign of the step: new " + b + " = " + b
                                + " − η · ∂E_total/∂" + b + "."),
                        new Mistake(old - gradient, "the learning rate η = " + rate + " is missing."),
                        new Mistake(old - rate * backward.get("dE/d" + names.bias(1, 0)), "that is the gradient of "
                                + names.bias(1, 0) + ", the hidden layer's bias; " + b + " feeds the output layer.")),
                "the update rule of a weight, with the bias's gradient: the deltas of the neurons " + b
                        + " feeds, added.",
                """
                double new_%1$s = network.get("%1$s")
                        - learning.learningRate() * (%2$s);
                exercises.check("new %1$s", new_%1$s)""".formatted(b, deltas));
    }

    /** "both" for 2 neurons, else "all n". */
    private static String all(int neurons) {
        return neurons == 2 ? "both" : "all " + neurons;
    }

    /** A network's shape for messages, e.g. "2 inputs; 2 sigmoid, shared bias; 2 sigmoid, shared bias; squared error". */
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
