package org.backprop.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.backprop.data.WorkedExample;
import org.backprop.graph.Node;
import org.backprop.rnn.BackwardThroughTime;
import org.backprop.rnn.CharacterEncoding;
import org.backprop.rnn.ElmanNetwork;
import org.backprop.rnn.ForwardThroughTime;
import org.backprop.nn.Activation;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.Bias;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Network;
import org.backprop.nn.Sample;
import org.backprop.view.Feedback;
import org.backprop.view.Feedback.Verdict;
import org.junit.jupiter.api.Test;

/** Every exercise: its answer passes, each catalogued mistake is diagnosed as itself, and nonsense is named. */
class ExercisesTest {

    private final WorkedExample mazur = WorkedExample.mazur();
    private final BackwardPass backward = mazur.network().backward(mazur.network().forward(mazur.sample()));
    private final GradientDescent descent = mazur.descent();
    private final List<Exercises> all = List.of(Exercises.forwardPass(backward.forward()),
            Exercises.firstRound(mazur.network(), mazur.sample(), descent),
            Exercises.outputLayer(backward, descent),
            Exercises.hiddenLayer(backward, descent), Exercises.biases(backward, descent),
            Exercises.softmaxCrossEntropy(new double[] {2.0, 1.0, 0.1}, new double[] {0.7, 0.2, 0.1}, 0),
            Exercises.confusion(new int[][] {{50, 3, 2}, {4, 40, 6}, {1, 9, 35}}, 1),
            Exercises.adamStep(backward, "w5", 0.01, 0.9, 0.999, 1e-8), valleyMomentum(),
            Exercises.centralDifference(mazur.network(), mazur.sample(), "w1", 1e-4), forkingCircuit(),
            Exercises.stableRate(linearPass()), Exercises.bpttTerm(helloPass().backward(), 3, 0, 1),
            Exercises.batchGradient(xorNet(), org.backprop.data.DataSet.xor(), "w5"),
            Exercises.hiddenLine(xorNet(), 1), Exercises.activationSlope(Activation.TANH, 0.3775),
            Exercises.activationSlope(Activation.SIGMOID, 0.3775),
            Exercises.modelStep(articleNetwork(), ARTICLE_SAMPLE, 0.3),
            Exercises.vanishingDelta(SIGMOID_SLOPES),
            Exercises.batchStep(xorNet(), org.backprop.data.DataSet.xor(), "w5", 2));

    /** The 2-2-1 linear network's sample in notebooks 08 and 10: inputs 2 and 3, target 1. */
    private static final Sample ARTICLE_SAMPLE = Sample.of(new double[] {2, 3}, new double[] {1});

    /** Notebook 09's mean sigmoid slopes of five hidden layers before training. */
    private static final double[] SIGMOID_SLOPES = {0.241168169, 0.238751118, 0.23643388, 0.241887932, 0.23652559};

    /** The 2-2-1 linear network of notebooks 08 and 10 at its starting weights. */
    private static Network articleNetwork() {
        Network linear = Network.withInputs(2).layer(2, Activation.IDENTITY, Bias.NONE)
                .layer(1, Activation.IDENTITY, Bias.NONE).build();
        double[] start = {0.11, 0.21, 0.12, 0.08, 0.14, 0.15};
        for (int n = 0; n < start.length; n++) {
            linear.set(linear.names().weightNames().get(n), start[n]);
        }
        return linear;
    }

    /** Notebook 16's valley E = ½(a² + 25b²), from (−4.5, 1.5) with the momentum walker's η = 0.02, μ = 0.9. */
    private static Exercises valleyMomentum() {
        return Exercises.momentumSteps(w -> new double[] {w[0], 25 * w[1]}, new double[] {-4.5, 1.5}, 0.02, 0.9);
    }

    /** Notebook 10's 2-2-1 sigmoid network for XOR. */
    private static Network xorNet() {
        return Network.withInputs(2).layer(2, Activation.SIGMOID).layer(1, Activation.SIGMOID).randomized(1);
    }

    /** Notebook 13's untrained Elman network on "hello". */
    private static ForwardThroughTime helloPass() {
        CharacterEncoding chars = CharacterEncoding.ofText("hello");
        return ElmanNetwork.initialized(chars.size(), 3, chars.size(), 1).forward(chars.nextCharacter("hello"));
    }

    /** A 2-2-1 linear network a few steps into training, as notebook 08 uses it. */
    private static BackwardPass linearPass() {
        Network linear = Network.withInputs(2).layer(2, Activation.IDENTITY).layer(1, Activation.IDENTITY)
                .randomized(2);
        Sample sample = Sample.of(new double[] {0.5, 1.0}, new double[] {1.0});
        GradientDescent.withLearningRate(0.05).train(linear, sample, 5);
        return linear.backward(linear.forward(sample));
    }

    /**
     * f = (x·y + max(x, z))·2 at x = 2, y = 3, z = 1: x reaches f along two paths, 2·1·3 and 2·1·1;
     * y along one, 2·1·x.
     */
    private static Exercises forkingCircuit() {
        Node x = Node.leaf("x", 2), y = Node.leaf("y", 3);
        Node f = x.times(y).plus(x.max(Node.leaf("z", 1))).times(2).named("f");
        return Exercises.circuit(f, x, y);
    }

    @Test
    void theAnswersAreMazursFigures() {
        assertEquals(0.291027774, Exercises.firstRound(mazur.network(), mazur.sample(), descent)
                .get("E_total after one round").answer(), 5e-10, "Mazur's error after the first round");
        Exercises forward = Exercises.forwardPass(backward.forward());
        assertEquals(backward.forward().get("net_o2"), forward.get("net_o2").answer());
        assertEquals(0.772928465, forward.get("out_o2").answer(), 5e-10, "Mazur's out_o2");
        Exercises outputLayer = Exercises.outputLayer(backward, descent);
        assertEquals(backward.get("dE/dw6"), outputLayer.get("dE/dw6").answer());
        assertEquals(0.408666186, outputLayer.get("new w6").answer(), 5e-10, "Mazur's new w6");
        assertEquals(backward.get("dE/dw3"), Exercises.hiddenLayer(backward, descent).get("dE/dw3").answer());
        assertEquals(0.018725609, Exercises.biases(backward, descent).get("dE/db1").answer(), 5e-10, "δ_h1 + δ_h2");
        assertEquals(0.549799837, Exercises.biases(backward, descent).get("new b2").answer(), 5e-10,
                "b2 − η(δ_o1 + δ_o2), though the post's descent freezes the biases");
        assertEquals(0.24975114, Exercises.hiddenLayer(backward, descent).get("new w3").answer(), 5e-9,
                "Mazur's new w3");
        Exercises rounds = Exercises.firstRound(mazur.network(), mazur.sample(), descent);
        assertEquals(descent.train(mazur.network().copy(), mazur.sample(), 2).error(2),
                rounds.get("E_total after two rounds").answer(), "the library's second round");
    }

    @Test
    void everyAnswerPassesAndEveryMistakeIsDiagnosedAsItself() {
        for (Exercises exercises : all) {
            for (String id : exercises.ids()) {
                Exercise exercise = exercises.get(id);
                Feedback right = exercises.check(id, exercise.answer());
                assertEquals(Verdict.CORRECT, right.verdict(), id);
                assertEquals("✓ " + id + " = " + exercise.answer(), right.toText());
                assertTrue(exercise.mistakes().size() >= 3, id + " diagnoses at least 3 mistakes");
                for (Mistake mistake : exercise.mistakes()) {
                    Feedback wrong = exercises.check(id, mistake.value());
                    assertEquals(Verdict.WRONG, wrong.verdict(), id + ": " + mistake.diagnosis());
                    assertTrue(wrong.toText().endsWith("What went wrong: " + mistake.diagnosis()),
                            id + ": " + wrong.toText());
                }
            }
        }
    }

    @Test
    void aRoundedAnswerIsToldToKeepFullPrecision() {
        Exercise exercise = Exercises.outputLayer(backward, descent).get("dE/dw6");
        Feedback rounded = exercise.check(0.08267);
        assertEquals(Verdict.WRONG, rounded.verdict());
        assertTrue(rounded.toText().endsWith("What went wrong: correct to 4 significant digits only: keep full "
                + "precision (use the variables, not numbers typed from an output)."), rounded.toText());
        assertEquals(Verdict.CORRECT, exercise.check(exercise.answer() * (1 + 1e-15)).verdict(),
                "the same sum in another order");
    }

    @Test
    void thePlaceholderIsNotYetAndSaysWhatIsAsked() {
        Feedback notYet = Exercises.outputLayer(backward, descent).check("dE/dw6", Exercises.___);
        assertEquals(Verdict.NOT_YET, notYet.verdict());
        assertTrue(notYet.toText().startsWith("… dE/dw6: not answered yet\n  Replace each ___ with your expression, "
                + "then run the cell.\n  Asked: ∂E_total/∂w6 = ∂E_total/∂out_o1 · ∂out_o1/∂net_o1 · ∂net_o1/∂w6, "
                + "a number.\n  Hint: "), notYet.toText());
        assertEquals(Verdict.NOT_YET, Exercises.outputLayer(backward, descent).check("dE/dw6",
                Exercises.___ * Exercises.___ * 0.5).verdict(), "a product of placeholders is still one");
    }

    @Test
    void nonsenseGetsAClearMessage() {
        Exercises exercises = Exercises.outputLayer(backward, descent);
        assertTrue(exercises.check("dE/dw6", Double.NaN).toText().contains("What went wrong: the answer is NaN, "
                + "not a number."));
        assertTrue(exercises.check("dE/dw6", Double.POSITIVE_INFINITY).toText().contains("the answer is Infinity: a "
                + "step divided by zero or overflowed."));
        assertTrue(exercises.check("dE/dw6", 42).toText().endsWith("What went wrong: not a known mistake either. "
                + "Hint: write net_o1 out as a sum: which term holds w6, and what does w6 multiply there?"));
        assertEquals("? dE/dw5: not an exercise of this page as it is now\n  Its exercises are [dE/dw6, new w6]. They "
                + "are named after the network's weights and neurons, so a change to the network can rename them: "
                + "check one of these names instead.", exercises.check("dE/dw5", 1).toText(),
                "a box, not an exception: a page run again after a change to its network runs on");
        assertEquals("id must name one of this notebook's exercises, [dE/dw6, new w6], but was 'dE/dw5'",
                assertThrows(IllegalArgumentException.class, () -> exercises.hint("dE/dw5")).getMessage());
        assertEquals("id must name one of this notebook's exercises, [dE/dw6, new w6], but was null",
                assertThrows(IllegalArgumentException.class, () -> exercises.check(null, 1)).getMessage());
        assertTrue(exercises.check("dE/dw6", 0.0826676).toText().endsWith("What went wrong: correct to 6 "
                + "significant digits only: keep full precision (use the variables, not numbers typed from an "
                + "output)."), "a typed number");
        assertTrue(exercises.check("dE/dw6", exercises.get("dE/dw6").answer() * (1 + 1e-7)).toText().contains(
                "What went wrong: close, but not the same: it agrees with the answer to 6 significant digits only, "
                        + "so the expression differs somewhere"), "a computed number");
        assertEquals("id must name one of this notebook's exercises, [dE/dw6, new w6], but was null",
                assertThrows(IllegalArgumentException.class, () -> exercises.hint(null)).getMessage());
        assertEquals("backward must not be null",
                assertThrows(IllegalArgumentException.class, () -> Exercises.hiddenLayer(null, descent)).getMessage());
        Network untied = mazur.network().withBias(Bias.PER_NEURON);
        BackwardPass perNeuron = untied.backward(untied.forward(mazur.sample()));
        assertEquals("backward must be of a network whose first two layers each have one shared bias, the first of 2 "
                + "or more neurons, for the biases exercises; but its forward pass was 2 inputs; 2 sigmoid, bias per "
                + "neuron; 2 sigmoid, bias per neuron; squared error", assertThrows(IllegalArgumentException.class, () -> Exercises.biases(perNeuron, descent)).getMessage());
        assertEquals("descent must not be null",
                assertThrows(IllegalArgumentException.class, () -> Exercises.biases(backward, null)).getMessage());
        assertEquals("pass must not be null",
                assertThrows(IllegalArgumentException.class, () -> Exercises.forwardPass(null)).getMessage());
        assertEquals("descent must not be null",
                assertThrows(IllegalArgumentException.class, () -> Exercises.outputLayer(backward, null)).getMessage());
        Network tanh = Network.withInputs(2).layer(2, Activation.SIGMOID).layer(2, Activation.TANH).randomized(1);
        BackwardPass other = tanh.backward(tanh.forward(Sample.of(new double[] {0.05, 0.1}, new double[] {0.01, 0.99})));
        assertEquals("backward must be of a network like Mazur's for the outputLayer exercises: 2 or more inputs, one "
                + "hidden layer of 2 or more neurons, 2 or more sigmoid outputs and squared error; but its forward "
                + "pass was 2 inputs; 2 sigmoid, bias per neuron; 2 tanh, bias per neuron; squared error", assertThrows(IllegalArgumentException.class,
                () -> Exercises.outputLayer(other, descent)).getMessage());
    }

    @Test
    void exercisesFollowTheStudentsNetwork() {
        Network wider = Network.withInputs(2).layer(3, Activation.SIGMOID).layer(2, Activation.SIGMOID).randomized(3);
        BackwardPass pass = wider.backward(wider.forward(mazur.sample()));
        Exercises hidden = Exercises.hiddenLayer(pass, descent);
        assertEquals(List.of("dE/dw3", "new w3"), List.copyOf(hidden.ids()), "i1 → h2 is still w3");
        assertEquals(pass.get("dE/dw3"), hidden.get("dE/dw3").answer());
        Exercises output = Exercises.outputLayer(pass, descent);
        assertEquals(List.of("dE/dw8", "new w8"), List.copyOf(output.ids()), "h2 → o1 is w8 after 6 hidden weights");
        assertEquals(pass.get("dE/dw8"), output.get("dE/dw8").answer());
    }

    @Test
    void aMistakeCloseToTheAnswerIsDiagnosedOnlyWhenGivenExactly() {
        Exercise exercise = new Exercise("x", "x, a number", 0.5, List.of(new Mistake(0.5, "equal"),
                new Mistake(0.5000001, "near"), new Mistake(0.25, "half")), "halve it", "    check(\"x\", 0.5)");
        assertEquals(Verdict.CORRECT, exercise.check(0.5).verdict(), "a mistake that gives the answer is none");
        assertTrue(exercise.check(0.5000001).toText().endsWith("What went wrong: near"));
        assertTrue(exercise.check(0.50000012).toText().endsWith("What went wrong: correct to 6 significant digits "
                + "only: keep full precision (use the variables, not numbers typed from an output)."));
        assertTrue(exercise.check(0.250001).toText().endsWith("What went wrong: half"), "typed to 6 digits");
    }

    @Test
    void aCatalogueKeepsOnlySlipsACheckCanTellApart() {
        List<Mistake> mistakes = new java.util.ArrayList<>();
        Mistake.addTo(mistakes, 1.0, 2.0, "doubled.");
        Mistake.addTo(mistakes, 1.0, 2.0, "added to itself.");
        Mistake.addTo(mistakes, 1.0, 1.0 + 1e-13, "the answer, to 12 digits.");
        Mistake.addTo(mistakes, 1.0, Double.POSITIVE_INFINITY, "divided by 0.");
        Mistake.addTo(mistakes, 1.0, Double.NaN, "0/0.");
        Mistake.addTo(mistakes, 1.0, -1.0, "the sign.");
        Mistake.addTo(mistakes, 1.0, 1.0000001, "ε left out: close, yet told apart when given exactly.");
        assertEquals(List.of(new Mistake(2.0, "doubled. Or: added to itself."), new Mistake(-1.0, "the sign."),
                new Mistake(1.0000001, "ε left out: close, yet told apart when given exactly.")), mistakes);
        Exercise softmax = Exercises.softmaxCrossEntropy(new double[] {800, 0, 0}, new double[] {0.7, 0.2, 0.1}, 1)
                .get("dC/dnet_o2");
        assertTrue(softmax.mistakes().stream().noneMatch(m -> m.diagnosis().startsWith("that is ∂C/∂out_o2")),
                "−target/out is no slip a student can make where out rounds to 0");
    }

    @Test
    void exercisesOfSeveralFactoriesGoTogetherAndACellCanRunAgain() {
        Exercises outputLayer = Exercises.outputLayer(backward, descent);
        Exercises both = outputLayer.and(Exercises.biases(backward, descent));
        assertEquals(List.of("dE/dw6", "new w6", "dE/db1", "new b2"), List.copyOf(both.ids()));
        assertEquals(Verdict.HELP, both.hint("dE/dw6").verdict(), "the first factory's hints stay");
        Exercises again = both.and(Exercises.biases(backward, descent));
        assertEquals(both.ids(), again.ids(), "running the second cell again replaces its exercises");
        Exercises shapes = Exercises.shapes(Network.withInputs(3).layer(4, Activation.SIGMOID)
                .layer(2, Activation.SIGMOID).build(), 2);
        assertEquals(List.of("dE/dw6", "new w6", "shapes in BP2", "shapes for a batch"),
                List.copyOf(outputLayer.and(shapes).ids()));
        assertEquals(List.of("dE/dw6", "new w6"), List.copyOf(outputLayer.ids()), "and makes a new object");
        assertEquals("more must be the exercises to add, but was null",
                assertThrows(IllegalArgumentException.class, () -> outputLayer.and(null)).getMessage());
    }

    @Test
    void anExerciseNeedsItsParts() {
        assertEquals("id must be a non-blank text, but was null", assertThrows(IllegalArgumentException.class,
                () -> new Exercise(null, "q", 1, List.of(), "h", "s")).getMessage());
        assertEquals("question must be a non-blank text, but was ' '", assertThrows(IllegalArgumentException.class,
                () -> new Exercise("x", " ", 1, List.of(), "h", "s")).getMessage());
        assertEquals("answer must be finite (the exercise 'x' has no answer for this network), but was NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> new Exercise("x", "q", Double.NaN, List.of(), "h", "s")).getMessage());
        assertEquals("mistakes must be a list without nulls, but was [null]", assertThrows(
                IllegalArgumentException.class, () -> new Exercise("x", "q", 1, java.util.Arrays.asList(
                        (Mistake) null), "h", "s")).getMessage());
        assertEquals("value must be finite (a mistake a student can make), but was Infinity", assertThrows(
                IllegalArgumentException.class, () -> new Mistake(Double.POSITIVE_INFINITY, "d")).getMessage());
        assertEquals("diagnosis must say what went wrong, but was blank", assertThrows(
                IllegalArgumentException.class, () -> new Mistake(1, "")).getMessage());
    }

    @Test
    void theBiasSolutionAddsEveryHiddenDelta() {
        Network wider = Network.withInputs(2).layer(3, Activation.SIGMOID, Bias.SHARED)
                .layer(2, Activation.SIGMOID, Bias.SHARED).randomized(3);
        Exercises exercises = Exercises.biases(wider.backward(wider.forward(mazur.sample())), descent);
        assertEquals("""
                double dE_db1 = backward.get("delta_h1")
                        + backward.get("delta_h2")
                        + backward.get("delta_h3");
                exercises.check("dE/db1", dE_db1)""", exercises.get("dE/db1").solutionCode());
    }

    /** Each mistake of {@code exercises} is diagnosed as itself, and the answer passes. */
    private static void assertEveryMistakeIsItself(Exercises exercises) {
        for (String id : exercises.ids()) {
            Exercise exercise = exercises.get(id);
            assertEquals(Verdict.CORRECT, exercises.check(id, exercise.answer()).verdict(), id);
            for (Mistake mistake : exercise.mistakes()) {
                assertTrue(exercises.check(id, mistake.value()).toText().endsWith("What went wrong: "
                        + mistake.diagnosis()), id + ": " + mistake.diagnosis());
            }
        }
    }

    /** E_total after {@code rounds} rounds as 04's solutions compute them, over {@code parameters}' names. */
    private static double byHand(Network start, Sample sample, GradientDescent descent, int rounds,
                                 java.util.function.Function<Network, List<String>> parameters) {
        Network network = start.copy();
        for (int round = 1; round <= rounds; round++) {
            BackwardPass gradients = network.backward(network.forward(sample));
            for (String p : parameters.apply(network)) {
                network.set(p, network.get(p) - descent.learningRate() * gradients.get("dE/d" + p));
            }
        }
        return network.forward(sample).totalError();
    }

    @Test
    void aRoundWhoseDescentMovesTheBiasesMovesThemInTheSolutionAndTheSlips() {
        GradientDescent learning = descent.updatingBiases();   // 04's Try it 2
        Exercises rounds = Exercises.firstRound(mazur.network(), mazur.sample(), learning);
        String one = "E_total after one round", two = "E_total after two rounds";
        assertEquals(Verdict.CORRECT, rounds.check(one, byHand(mazur.network(), mazur.sample(), learning, 1,
                n -> n.names().parameterNames())).verdict(), "the solution's loop over the parameters");
        assertEquals(Verdict.CORRECT, rounds.check(two, byHand(mazur.network(), mazur.sample(), learning, 2,
                n -> n.names().parameterNames())).verdict());
        assertTrue(rounds.get(one).solutionCode().contains("start.names().parameterNames()"));
        assertTrue(rounds.get(two).solutionCode().contains("twice.names().parameterNames()"));
        assertTrue(rounds.check(one, byHand(mazur.network(), mazur.sample(), learning, 1,
                n -> n.names().weightNames())).toText().endsWith("What went wrong: the biases did not move: this "
                + "descent updates them (updatingBiases()), by b − η·∂E_total/∂b like a weight; loop over "
                + "parameterNames(), not weightNames()."), "not: only the output layer's weights moved");
        assertTrue(rounds.check(two, byHand(mazur.network(), mazur.sample(), learning, 2,
                n -> n.names().weightNames())).toText().contains("the biases did not move"));
        assertTrue(rounds.get(one).mistakes().size() >= 6, rounds.get(one).mistakes().toString());
        assertEveryMistakeIsItself(rounds);
    }

    @Test
    void aFrozenRoundNamesTheHiddenLayerAloneAndLayerByLayerRounds() {
        Network start = mazur.network();
        Exercises rounds = Exercises.firstRound(start, mazur.sample(), descent);
        assertTrue(rounds.get("E_total after one round").solutionCode().contains("start.names().weightNames()"));
        Network hiddenOnly = start.copy();
        BackwardPass gradients = start.backward(start.forward(mazur.sample()));
        for (String w : List.of("w1", "w2", "w3", "w4")) {
            hiddenOnly.set(w, start.get(w) - descent.learningRate() * gradients.get("dE/d" + w));
        }
        assertTrue(rounds.check("E_total after one round", hiddenOnly.forward(mazur.sample()).totalError()).toText()
                .endsWith("What went wrong: only the hidden layer's weights moved; a round moves the output layer's "
                        + "too."), "a few millionths from E_total before the round, told apart given in full");
        Network layered = start.copy();
        GradientDescent layerByLayer = descent.withRule(org.backprop.nn.UpdateRule.LAYER_BY_LAYER);
        layerByLayer.step(layered, mazur.sample());
        layerByLayer.step(layered, mazur.sample());
        assertTrue(rounds.check("E_total after two rounds", layered.forward(mazur.sample()).totalError()).toText()
                .contains("What went wrong: those are two layer-by-layer rounds"), "within 6 digits, told exactly");
        Network withBiases = start.copy();
        descent.updatingBiases().step(withBiases, mazur.sample());
        descent.updatingBiases().step(withBiases, mazur.sample());
        assertTrue(rounds.check("E_total after two rounds", withBiases.forward(mazur.sample()).totalError())
                .toText().contains("What went wrong: the biases moved too"));
    }

    @Test
    void theHiddenLayersSlipsIncludeSigmaTwiceAndNameBothWaysToTheSameNumber() {
        Exercises hidden = Exercises.hiddenLayer(backward, descent);
        double sigmaOfOut = 1 / (1 + Math.exp(-backward.forward().get("out_h2")));
        double dEdout = backward.get("delta_o1") * mazur.network().get("w6")
                + backward.get("delta_o2") * mazur.network().get("w8");
        assertTrue(hidden.check("dE/dw3", dEdout * sigmaOfOut * (1 - sigmaOfOut) * 0.05).toText()
                .endsWith("What went wrong: σ′ was applied to out_h2: σ′(net) = σ(net)(1 − σ(net)) = out(1 − out) "
                        + "already, so σ′(out) applies σ once too often."));
        String w4Used = hidden.check("new w3", mazur.network().get("w3") - 0.5 * backward.get("dE/dw4")).toText();
        assertTrue(w4Used.endsWith("What went wrong: the learning rate η = 0.5 is missing. Or: the gradient of w4, "
                + "the other weight into h2, was used; each weight moves by its own gradient."), w4Used);
        assertTrue(hidden.hint("new w3").toText().contains("w⁺ = w − η · ∂E_total/∂w"));
        assertTrue(!hidden.hint("new w3").toText().contains("network.get"), "no full expression in the hint");
        assertTrue(!Exercises.outputLayer(backward, descent).hint("new w6").toText().contains("network.get"));
        assertEveryMistakeIsItself(hidden);
    }

    @Test
    void aSharedBiasOfTwoNeuronsFeedsBoth() {
        Exercises biases = Exercises.biases(backward, descent);
        assertTrue(biases.check("dE/db1", backward.get("delta_h1")).toText().endsWith("What went wrong: only δ_h1. "
                + "b1 feeds both hidden neurons, so its gradient adds their deltas: δ_h1 + δ_h2."));
        assertTrue(biases.check("new b2", 0.6 - 0.5 * backward.get("delta_o1")).toText().contains("b2 feeds both "
                + "output neurons"));
        Network wider = Network.withInputs(2).layer(3, Activation.SIGMOID, Bias.SHARED)
                .layer(2, Activation.SIGMOID, Bias.SHARED).randomized(3);
        BackwardPass three = wider.backward(wider.forward(mazur.sample()));
        assertTrue(Exercises.biases(three, descent).check("dE/db1", three.get("delta_h1")).toText()
                .contains("b1 feeds all 3 hidden neurons"));
    }

    @Test
    void softmaxDeltaIsOutMinusTargetAndNeedsAProbabilityTarget() {
        double[] net = {2.0, 1.0, 0.1};
        Exercise delta = Exercises.softmaxCrossEntropy(net, new double[] {0.7, 0.2, 0.1}, 0).get("dC/dnet_o1");
        assertEquals(org.backprop.nn.Activation.SOFTMAX.apply(net)[0] - 0.7, delta.answer(), 1e-15);
        assertEquals("target must add up to 1 (a probability per class), but added up to 0.75",
                assertThrows(IllegalArgumentException.class, () -> Exercises.softmaxCrossEntropy(net,
                        new double[] {0.5, 0.25, 0.0}, 0)).getMessage());
        assertEquals("net and target must have the same length, at least 2 (one value per class), but had 3 and 2",
                assertThrows(IllegalArgumentException.class, () -> Exercises.softmaxCrossEntropy(net,
                        new double[] {0.5, 0.5}, 0)).getMessage());
        assertEquals("net must be finite and target between 0 and 1, but net[1] = NaN and target[1] = 0.5",
                assertThrows(IllegalArgumentException.class, () -> Exercises.softmaxCrossEntropy(
                        new double[] {1, Double.NaN}, new double[] {0.5, 0.5}, 0)).getMessage());
        assertEquals("net must be finite and target between 0 and 1, but net[0] = 1.0 and target[0] = -0.5",
                assertThrows(IllegalArgumentException.class, () -> Exercises.softmaxCrossEntropy(
                        new double[] {1, 2}, new double[] {-0.5, 1.5}, 0)).getMessage());
        assertEquals("j must be between 0 and 2, but was 3", assertThrows(IllegalArgumentException.class,
                () -> Exercises.softmaxCrossEntropy(net, new double[] {0.7, 0.2, 0.1}, 3)).getMessage());
        assertEquals("target must not be null", assertThrows(IllegalArgumentException.class,
                () -> Exercises.softmaxCrossEntropy(net, null, 0)).getMessage());
    }

    @Test
    void accuracyIsTheDiagonalOverAllAndNeedsCounts() {
        assertEquals(125.0 / 150, Exercises.confusion(new int[][] {{50, 3, 2}, {4, 40, 6}, {1, 9, 35}}, 0)
                .get("accuracy").answer());
        Exercise perfect = Exercises.confusion(new int[][] {{3, 0}, {0, 2}}, 0).get("accuracy");
        assertEquals(Verdict.CORRECT, perfect.check(1.0).verdict(), "no right ÷ wrong when nothing is wrong");
        assertEquals(Verdict.WRONG, perfect.check(100).verdict());
        assertEquals("confusion must be a square matrix of at least 2 classes, but was null",
                assertThrows(IllegalArgumentException.class, () -> Exercises.confusion(null, 0)).getMessage());
        assertEquals("confusion must be a square matrix of at least 2 classes, but was 1 rows",
                assertThrows(IllegalArgumentException.class, () -> Exercises.confusion(new int[][] {{1}}, 0)).getMessage());
        assertEquals("confusion must be square: row 1 must have 2 counts, but had 3", assertThrows(
                IllegalArgumentException.class, () -> Exercises.confusion(new int[][] {{1, 0}, {0, 1, 2}}, 0)).getMessage());
        assertEquals("confusion must be square: row 0 must have 2 counts, but had none (null)", assertThrows(
                IllegalArgumentException.class, () -> Exercises.confusion(new int[][] {null, {0, 1}}, 0)).getMessage());
        assertEquals("confusion must hold counts, 0 or more, but row 1 held -1", assertThrows(
                IllegalArgumentException.class, () -> Exercises.confusion(new int[][] {{1, 0}, {-1, 1}}, 0)).getMessage());
        assertEquals("confusion must count at least 1 prediction, but all counts were 0", assertThrows(
                IllegalArgumentException.class, () -> Exercises.confusion(new int[][] {{0, 0}, {0, 0}}, 0)).getMessage());
    }

    @Test
    void precisionIsTheDiagonalOverItsColumnAndNeedsAPickedClass() {
        int[][] confusion = {{50, 3, 2}, {4, 40, 6}, {1, 9, 35}};
        Exercise precision = Exercises.confusion(confusion, 1).get("precision of class 1");
        assertEquals(40.0 / 52, precision.answer());
        assertTrue(precision.check(40.0 / 50).toText().contains("What went wrong: that reads row 1: of the images "
                + "whose true class is 1, the share picked right (the recall)."), "the recall");
        assertEquals("c must be a class of the matrix, between 0 and 2, but was 3", assertThrows(
                IllegalArgumentException.class, () -> Exercises.confusion(confusion, 3)).getMessage());
        assertEquals("c must be a class picked at least once (its precision divides by its column's sum), but "
                + "column 1 holds only 0s", assertThrows(IllegalArgumentException.class,
                () -> Exercises.confusion(new int[][] {{3, 0}, {2, 0}}, 1)).getMessage());
        Exercise perfect = Exercises.confusion(new int[][] {{3, 0}, {0, 2}}, 1).get("precision of class 1");
        assertEquals(Verdict.CORRECT, perfect.check(1.0).verdict(), "no recall mistake when row and column agree");
    }

    @Test
    void crossEntropyOfASoftTargetHasATermPerClassAndStaysFinite() {
        double[] net = {2.0, 1.0, 0.1};
        double[] target = {0.7, 0.2, 0.1};
        double[] out = Activation.SOFTMAX.apply(net);
        Exercise loss = Exercises.softmaxCrossEntropy(net, target, 0).get("C");
        assertEquals(org.backprop.nn.Loss.CROSS_ENTROPY.error(target, out), loss.answer(), 1e-15);
        assertTrue(loss.check(-Math.log(out[0])).toText().endsWith("What went wrong: that is −ln out_o1, the loss "
                + "of the one-hot target \"class o1\". A soft target gives every class a term: C = −Σ_k target_k · "
                + "ln out_k."));
        Exercise far = Exercises.softmaxCrossEntropy(new double[] {0, 800}, new double[] {0.5, 0.5}, 1).get("C");
        assertEquals(400, far.answer(), 1e-9, "ln out_o1 = −800 though out_o1 rounds to 0");
    }

    @Test
    void twoMomentumStepsAreTheLibrarysPathAndNameTheirInputs() {
        Exercise steps = valleyMomentum().get("b after 2 momentum steps");
        assertEquals(-0.3, steps.answer(), 1e-15, "v₁ = −0.75, b₁ = 0.75, v₂ = −0.675 − 0.375");
        assertTrue(steps.check(0.375).toText().contains("What went wrong: the first step's velocity is missing"));
        UnaryOperator<double[]> valley = w -> new double[] {w[0], 25 * w[1]};
        assertEquals("start must hold 2 weights, (a, b), but held 3", assertThrows(IllegalArgumentException.class,
                () -> Exercises.momentumSteps(valley, new double[] {1, 2, 3}, 0.02, 0.9)).getMessage());
        assertEquals("gradient must not be null", assertThrows(IllegalArgumentException.class,
                () -> Exercises.momentumSteps(null, new double[] {1, 2}, 0.02, 0.9)).getMessage());
        assertEquals("momentum must be at least 0 and less than 1, but was 1.0", assertThrows(
                IllegalArgumentException.class, () -> Exercises.momentumSteps(valley, new double[] {1, 2}, 0.02, 1))
                .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Exercises.momentumSteps(
                w -> new double[] {Math.exp(1e3 * w[0]), 0}, new double[] {1, 2}, 0.02, 0.9)).getMessage()
                .startsWith("start must be a point where two momentum steps stay finite"));
    }

    @Test
    void adamsFirstStepIsTheLibrarysAndNamesItsInputs() {
        assertEquals(0.390000001, Exercises.adamStep(backward, "w5", 0.01, 0.9, 0.999, 1e-8).get("new w5").answer(),
                5e-10, "the table of notebook 16");
        assertEquals("parameter must not be null", assertThrows(IllegalArgumentException.class,
                () -> Exercises.adamStep(backward, null, 0.01, 0.9, 0.999, 1e-8)).getMessage());
        assertEquals("backward must not be null", assertThrows(IllegalArgumentException.class,
                () -> Exercises.adamStep(null, "w5", 0.01, 0.9, 0.999, 1e-8)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Exercises.adamStep(backward, "w5",
                Double.NaN, 0.9, 0.999, 1e-8)).getMessage().contains("NaN"));
    }

    @Test
    void theCentralDifferenceAsNotebook07WritesItIsRightAndBackpropsValueIsNamed() {
        Network network = mazur.network();
        Sample sample = mazur.sample();
        double h = 1e-4;
        double w1 = network.get("w1");
        double up = network.copy().set("w1", w1 + h).forward(sample).totalError();
        double down = network.copy().set("w1", w1 - h).forward(sample).totalError();
        Exercises exercises = Exercises.centralDifference(network, sample, "w1", h);
        assertEquals(Verdict.CORRECT, exercises.check("central w1", (up - down) / (2 * h)).verdict());
        assertTrue(exercises.check("central w1", backward.get("dE/dw1")).toText().endsWith("What went wrong: that is "
                + "backpropagation's exact gradient; the exercise asks for the estimate, which differs from it in a "
                + "late digit."));
        assertEquals("sample must not be null", assertThrows(IllegalArgumentException.class,
                () -> Exercises.centralDifference(network, null, "w1", h)).getMessage());
    }

    @Test
    void theRelativeErrorIsGradientChecksForTheForwardDifference() {
        Network network = mazur.network();
        Exercise relative = Exercises.centralDifference(network, mazur.sample(), "w1", 1e-4).get("relative error w1");
        double expected = org.backprop.nn.GradientCheck.of(network, mazur.sample(),
                org.backprop.nn.NumericalGradient.forward(1e-4)).rows().stream().filter(row -> row.parameter().equals("w1"))
                .findFirst().orElseThrow().relativeError();
        assertEquals(expected, relative.answer(), 1e-20);
        assertEquals(6, relative.mistakes().size());
        assertTrue(relative.check(-relative.answer()).toText().endsWith("What went wrong: the absolute value is "
                + "missing: a relative error is a size, |backprop − numerical|, never below 0."));
        Network dead = network.copy().set("w5", 0).set("w7", 0);   // out_h1 reaches nothing: w1's gradient is 0
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Exercises.centralDifference(dead,
                mazur.sample(), "w1", 1e-4)).getMessage().startsWith("parameter must have a gradient of at least "
                        + "GradientCheck.ZERO = 1.0E-12 in size for the relative error, but w1's was 0.0"));
    }

    @Test
    void theModelsStepMultipliesTheErrorByOneMinusEtaATimesItself() {
        Network linear = articleNetwork();
        BackwardPass start = linear.backward(linear.forward(ARTICLE_SAMPLE));
        double a = 2 / Exercises.stableRate(start).get("largest stable η").answer();
        Exercise step = Exercises.modelStep(linear, ARTICLE_SAMPLE, 0.3).get("model E after one step");
        assertEquals(Math.pow(1 - 0.3 * a, 2) * 0.3272405, step.answer(), 1e-12);
        assertEquals(0.45006, 0.3 * a, 5e-6, "notebook 08's ηa at the start");
        assertEquals(5, step.mistakes().size());
        assertEquals("rate must be a learning rate, finite and above 0, but was 0.0", assertThrows(
                IllegalArgumentException.class, () -> Exercises.modelStep(linear, ARTICLE_SAMPLE, 0)).getMessage());
        assertEquals("sample must not be null", assertThrows(IllegalArgumentException.class,
                () -> Exercises.modelStep(linear, null, 0.3)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Exercises.modelStep(mazur.network(),
                mazur.sample(), 0.3)).getMessage().startsWith("network must be of a network with 1 output"));
    }

    @Test
    void theSlopesShrinkTheDeltaByOneOverTheirProduct() {
        Exercise shrink = Exercises.vanishingDelta(SIGMOID_SLOPES).get("shrink by the slopes");
        assertEquals(1284, shrink.answer(), 0.5, "notebook 09's 1 / (product of the mean slopes)");
        assertEquals(6, shrink.mistakes().size());
        assertTrue(shrink.check(1024).toText().contains("the bound from the sigmoid's ceiling"));
        double mean = java.util.Arrays.stream(SIGMOID_SLOPES).average().orElseThrow();
        assertTrue(shrink.check(1 / Math.pow(mean, SIGMOID_SLOPES.length)).toText().endsWith("one slope for all "
                + "layers: the layers' mean slopes differ, so multiply each layer's own."));
        assertEquals(3, Exercises.vanishingDelta(new double[] {0.25, 0.25}).get("shrink by the slopes").mistakes()
                .size(), "at the ceiling 4ⁿ is the answer; without either layer, one mistake");
        assertEquals("meanSlopes must hold sigmoid slopes, above 0 and at most ¼, but meanSlopes[1] = 0.9",
                assertThrows(IllegalArgumentException.class, () -> Exercises.vanishingDelta(new double[] {0.2, 0.9}))
                        .getMessage());
        assertEquals("meanSlopes must hold one mean slope per hidden layer, at least 1, but was empty",
                assertThrows(IllegalArgumentException.class, () -> Exercises.vanishingDelta(new double[0]))
                        .getMessage());
    }

    @Test
    void aFullBatchEpochIsOneStepWithTheMeanGradient() {
        org.backprop.data.DataSet xor = org.backprop.data.DataSet.xor();
        Network trained = xorNet();
        GradientDescent.withLearningRate(2).train(trained, xor, 1);
        Exercise step = Exercises.batchStep(xorNet(), xor, "w5", 2).get("full-batch new w5");
        assertEquals(trained.get("w5"), step.answer(), 1e-15, "the library's full-batch epoch");
        assertTrue(step.check(step.mistakes().get(0).value()).toText().contains("the sum of the 4 gradients"));
        assertEquals("learningRate must be finite and above 0, but was NaN", assertThrows(
                IllegalArgumentException.class, () -> Exercises.batchStep(xorNet(), xor, "w5", Double.NaN))
                .getMessage());
        assertEquals("data must hold at least 2 samples (a batch), but held 1", assertThrows(
                IllegalArgumentException.class, () -> Exercises.batchStep(xorNet(), xor.subList(0, 1), "w5", 2))
                .getMessage());
    }

    @Test
    void aCircuitsGradientAddsItsPathsAndTheSolutionWritesThemOut() {
        Exercise exercise = forkingCircuit().get("df/dx");
        assertEquals(8, exercise.answer());
        assertEquals(List.of(6.0, 2.0, 4.0, 32.0, -8.0), exercise.mistakes().stream().map(Mistake::value).toList(),
                "each path alone, the × 2 gate passing the gradient on unchanged or times its own input, the sign");
        assertTrue(exercise.check(4).toText().endsWith("the multiply gate f = (x × y + max(x, z)) × 2 passed the "
                + "gradient on unchanged, as an add gate does; it multiplies it by its other input, 2."),
                exercise.check(4).toText());
        assertEquals("""
                // one product of local derivatives per path from x to f, from f down
                double path1 = 2.0 * 1.0 * 3.0;
                double path2 = 2.0 * 1.0 * 1.0;
                exercises.check("df/dx", path1 + path2)""", exercise.solutionCode());
        Exercise swap = forkingCircuit().get("df/dy");
        assertEquals(4, swap.answer());
        assertEquals(List.of(6.0, 2.0, 16.0, -4.0), swap.mistakes().stream().map(Mistake::value).toList());
        assertEquals("the multiply gate x × y passed the gradient on unchanged, as an add gate does; it multiplies it "
                + "by its other input, x. Or: the multiply gate f = (x × y + max(x, z)) × 2 passed the gradient on "
                + "unchanged, as an add gate does; it multiplies it by its other input, 2.",
                swap.mistakes().get(1).diagnosis(), "two slips, one number");
        assertEquals("""
                // one product of local derivatives per path from y to f, from f down
                double path1 = 2.0 * 1.0 * 2.0;
                exercises.check("df/dy", path1)""", swap.solutionCode());
        Node a = Node.leaf("a", 4), b = Node.leaf("b", 2);
        Node g = a.max(b).times(2).named("g");
        assertEquals(List.of(2.0), Exercises.circuit(g, a, b).get("dg/db").mistakes().stream().map(Mistake::value)
                .toList(), "the smaller input of a max gate receives 0; the sign of 0 is no mistake");
        Node lone = Node.leaf("u", 1);
        assertEquals("other must be another node than input, but both were a", assertThrows(
                IllegalArgumentException.class, () -> Exercises.circuit(g, a, a)).getMessage());
        assertEquals("other must be a node that g depends on, but u is not in its graph", assertThrows(
                IllegalArgumentException.class, () -> Exercises.circuit(g, a, lone)).getMessage());
        assertEquals("input must be a node that f depends on, but u is not in its graph", assertThrows(
                IllegalArgumentException.class, () -> Exercises.circuit(Node.leaf("v", 2).times(3).named("f"), lone))
                .getMessage());
        assertEquals("output must not be null", assertThrows(IllegalArgumentException.class,
                () -> Exercises.circuit(null, lone)).getMessage());
    }

    @Test
    void theStableRateIsTwoOverTheCurvature() {
        BackwardPass pass = linearPass();
        double squares = 0;
        for (String p : pass.forward().names().parameterNames()) {
            squares += Math.pow(pass.get("dE/d" + p), 2);
        }
        assertEquals(2 / (squares / (2 * pass.forward().totalError())),
                Exercises.stableRate(pass).get("largest stable η").answer());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Exercises.stableRate(backward)).getMessage()
                .startsWith("pass must be of a network with 1 output and squared error, with an error above 0 (the "
                        + "curvature divides by it), but its forward pass was 2 inputs; 2 sigmoid, shared bias; 2 "
                        + "sigmoid, shared bias; squared error with E_total = 0.29837110"));
    }

    @Test
    void aBpttTermIsThatStepsContributionAndNeedsAStepAfterTheFirst() {
        ForwardThroughTime pass = helloPass();
        BackwardThroughTime bptt = pass.backward();
        Exercise term = Exercises.bpttTerm(bptt, 3, 0, 0).get("dE/dW_hh[0][0] at t = 3");
        assertEquals(bptt.deltaH(3)[0] * (1 - Math.pow(pass.h(3)[0], 2)) * pass.h(2)[0], term.answer(), 1e-15);
        assertEquals(bptt.deltaH(3)[0], Exercises.bpttTerm(bptt, 3, 0, 0).get("dE/dh_3[0]").answer());
        assertEquals(Verdict.CORRECT, Exercises.bpttTerm(bptt, 4, 1, 0).check("dE/dh_4[1]", bptt.deltaH(4)[1])
                .verdict(), "at the last step δh_T has the output's path only");
        assertEquals("t must be between 2 and 4 (at t = 1 every term is 0, since h_0 = 0), but was 1",
                assertThrows(IllegalArgumentException.class, () -> Exercises.bpttTerm(bptt, 1, 0, 0)).getMessage());
        assertEquals("i and j must be between 0 and 2 (W_hh is 3 × 3), but were 0 and 3",
                assertThrows(IllegalArgumentException.class, () -> Exercises.bpttTerm(bptt, 2, 0, 3)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Exercises.bpttTerm(pass.backward(2), 2, 0, 0))
                .getMessage().startsWith("bptt must be the full backward pass (pass.backward()), but was Truncated"));
        assertEquals("bptt must not be null",
                assertThrows(IllegalArgumentException.class, () -> Exercises.bpttTerm(null, 2, 0, 0)).getMessage());
    }

    @Test
    void aBatchGradientIsTheMeanAndNeedsABatch() {
        org.backprop.data.DataSet xor = org.backprop.data.DataSet.xor();
        Exercise mean = Exercises.batchGradient(xorNet(), xor, "w5").get("batch dE/dw5");
        assertEquals(org.backprop.nn.BatchGradient.of(xorNet(), xor).weightGradients(2).get(0, 0), mean.answer(), 1e-16);
        assertTrue(mean.check(4 * mean.answer()).toText().contains("What went wrong: the sum over the 4 samples"));
        assertEquals("data must hold at least 2 samples (a batch), but held 1", assertThrows(
                IllegalArgumentException.class, () -> Exercises.batchGradient(xorNet(), xor.subList(0, 1), "w5"))
                .getMessage());
        assertEquals("data[1] must not be null", assertThrows(IllegalArgumentException.class,
                () -> Exercises.batchGradient(xorNet(), java.util.Arrays.asList(xor.get(0), null), "w5")).getMessage());
        assertEquals("parameter must not be null", assertThrows(IllegalArgumentException.class,
                () -> Exercises.batchGradient(xorNet(), xor, null)).getMessage());
    }

    @Test
    void aHiddenLineMeetsTheYAxisAtMinusBOverW2() {
        Network network = xorNet();
        Exercise line = Exercises.hiddenLine(network, 1).get("y where h2's line meets x = 0");
        assertEquals(-network.layer(1).biasOf(1) / network.layer(1).weight(1, 1), line.answer());
        assertEquals("j must be between 0 and 1 (a neuron of the first hidden layer), but was 2", assertThrows(
                IllegalArgumentException.class, () -> Exercises.hiddenLine(network, 2)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Exercises.hiddenLine(network.copy().set("w4", 0),
                1)).getMessage().startsWith("neuron 1's line w1·x + w2·y + b = 0 must cross both axes away from the "
                        + "origin (w1, w2 and b not 0), but w1 = "));
        assertEquals("network must not be null",
                assertThrows(IllegalArgumentException.class, () -> Exercises.hiddenLine(null, 0)).getMessage());
        double atOrigin = network.layer(2).biasOf(0);
        for (int j = 0; j < 2; j++) {
            atOrigin += network.layer(2).weight(0, j) / (1 + Math.exp(-network.layer(1).biasOf(j)));
        }
        assertEquals(atOrigin, Exercises.hiddenLine(network, 1).get("net_o1 at (0, 0)").answer(), 1e-15);
        Network deeper = Network.withInputs(2).layer(2, Activation.TANH).layer(2, Activation.TANH)
                .layer(1, Activation.SIGMOID).randomized(1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Exercises.hiddenLine(deeper, 0)).getMessage()
                .startsWith("network must have one hidden layer and one output neuron for the exercise on the output "
                        + "at (0, 0), but was "));
    }

    @Test
    void anActivationsSlopeIsTakenAtNet() {
        double out = Math.tanh(0.3775);
        assertEquals(1 - out * out, Exercises.activationSlope(Activation.TANH, 0.3775).get("tanh slope").answer(), 1e-16);
        assertEquals("f must be an activation of one neuron (not softmax), but was softmax", assertThrows(
                IllegalArgumentException.class, () -> Exercises.activationSlope(Activation.SOFTMAX, 0)).getMessage());
        assertEquals("net must be finite, but was NaN", assertThrows(IllegalArgumentException.class,
                () -> Exercises.activationSlope(Activation.TANH, Double.NaN)).getMessage());
    }

    @Test
    void hintsAndSolutionsAreHelp() {
        Exercises exercises = Exercises.hiddenLayer(backward, descent);
        assertEquals(Verdict.HELP, exercises.hint("dE/dw3").verdict());
        Feedback solution = exercises.solution("dE/dw3");
        assertTrue(solution.toText().contains("    exercises.check(\"dE/dw3\", dE_dout_h2 * dout_h2_dnet_h2 * "
                + "dnet_h2_dw3)\n  dE/dw3 = " + exercises.get("dE/dw3").answer()), solution.toText());
    }
}
