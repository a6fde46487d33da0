package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.backprop.data.WorkedExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Each optimizer's steps against values worked out by hand from the published update rules, on
 * E(w) = ½w² (so g = w) from w = 1, on Mazur's network, and over training runs against the
 * rules written out literally in this test.
 */
class OptimizerTest {

    private static final double TOLERANCE = 1e-15;
    /** ∇(½‖w‖²) = w. */
    private static final UnaryOperator<double[]> HALF_SQUARE = w -> w.clone();

    private static double[] firstCoordinates(double[][] path) {
        double[] values = new double[path.length];
        for (int k = 0; k < path.length; k++) {
            values[k] = path[k][0];
        }
        return values;
    }

    private static double[] path(Optimizer optimizer, double rate, int steps) {
        return firstCoordinates(GradientDescent.withLearningRate(rate).using(optimizer)
                .path(HALF_SQUARE, new double[] {1}, steps));
    }

    /** Polyak (1964): v₁ = −0.1, w₁ = 0.9; v₂ = 0.9·(−0.1) − 0.1·0.9 = −0.18, w₂ = 0.72; v₃ = −0.234, w₃ = 0.486. */
    @Test
    void momentumIsPolyaksHeavyBall() {
        assertArrayEquals(new double[] {1, 0.9, 0.72, 0.486}, path(Optimizer.momentum(0.9), 0.1, 3), TOLERANCE);
    }

    /**
     * Sutskever et al. (2013), eq. 3–4, by hand: v₁ = −0.1·∇E(1) = −0.1, θ₁ = 0.9;
     * v₂ = −0.09 − 0.1·∇E(0.9 − 0.09) = −0.171, θ₂ = 0.729. The weights kept are the look-ahead
     * points θ + μ·v: 1, 0.9 − 0.09 = 0.81, 0.729 − 0.1539 = 0.5751.
     */
    @Test
    void nesterovKeepsSutskeversLookAheadPoint() {
        assertArrayEquals(new double[] {1, 0.81, 0.5751}, path(Optimizer.nesterov(0.9), 0.1, 2), TOLERANCE);
    }

    /** Tieleman and Hinton (2012): s₁ = 0.1·1² = 0.1, w₁ = 1 − 0.01·1/(√0.1 + 10⁻⁸); and on. */
    @Test
    void rmsPropDividesByTheRootOfARunningMeanSquare() {
        assertArrayEquals(new double[] {1, 1 - 0.01 / (Math.sqrt(0.1) + 1e-8), 0.9457880262458569,
                0.9270530996585012}, path(Optimizer.rmsProp(0.9, 1e-8), 0.01, 3), TOLERANCE);
    }

    /**
     * Kingma and Ba (2015), Algorithm 1: at t = 1 the corrected moments are g and g², so the
     * step is η·g/(|g| + ε); at t = 2, m = 0.09 + 0.1·0.9 = 0.18, v = 0.000999 + 0.001·0.81,
     * w₂ = w₁ − 0.1·(0.18/0.19)/(√(v/0.001999) + ε).
     */
    @Test
    void adamCorrectsTheBiasOfItsMoments() {
        double w1 = 1 - 0.1 / (1 + 1e-8);
        double m2 = 0.9 * 0.1 + 0.1 * w1;
        double v2 = 0.999 * 0.001 + 0.001 * w1 * w1;
        double w2 = w1 - 0.1 * (m2 / (1 - 0.81)) / (Math.sqrt(v2 / (1 - 0.999 * 0.999)) + 1e-8);
        assertArrayEquals(new double[] {1, w1, w2, 0.7015862745044147}, path(Optimizer.adam(), 0.1, 3), 1e-14);
        assertEquals(0.8004122297123379, w2, 1e-15);
    }

    /** One step on Mazur's network from rest, for w5 (g = ∂E/∂w5 = 0.082167041 in the post). */
    @Test
    void firstStepsOnMazursW5() {
        WorkedExample mazur = WorkedExample.mazur();
        BackwardPass gradients = mazur.network().backward(mazur.network().forward(mazur.sample()));
        double g = gradients.get("dE/dw5");
        assertEquals(0.082167041, g, 5e-10);
        GradientDescent.Step plain = mazur.descent().firstStep(gradients, "w5");
        assertEquals(0.35891648, plain.updated(), 5e-9);
        assertEquals(Map.of(), plain.state());
        assertEquals(new GradientDescent.Step("w5", 0.4, g, 0.5, Map.of(), 0.4 - 0.5 * g), plain);

        GradientDescent.Step momentum = mazur.descent().using(Optimizer.momentum(0.9)).firstStep(gradients, "w5");
        assertEquals(Map.of("v", -0.5 * g), momentum.state());
        assertEquals(plain.updated(), momentum.updated(), "from rest, the heavy ball's first step is plain");
        GradientDescent.Step nesterov = mazur.descent().using(Optimizer.nesterov(0.9)).firstStep(gradients, "w5");
        assertEquals(0.4 - 0.5 * g - 0.9 * 0.5 * g, nesterov.updated(), TOLERANCE);

        GradientDescent small = mazur.descent().atLearningRate(0.01);
        GradientDescent.Step rms = small.using(Optimizer.rmsProp(0.9, 1e-8)).firstStep(gradients, "w5");
        assertEquals(0.1 * g * g, rms.state().get("s"), TOLERANCE);
        assertEquals(0.4 - 0.01 * g / (Math.sqrt(0.1 * g * g) + 1e-8), rms.updated(), TOLERANCE);
        GradientDescent.Step adam = small.using(Optimizer.adam()).firstStep(gradients, "w5");
        assertEquals(List.of("m", "v"), List.copyOf(adam.state().keySet()));
        assertEquals(0.1 * g, adam.state().get("m"), TOLERANCE);
        assertEquals(0.001 * g * g, adam.state().get("v"), 1e-18);
        assertEquals(0.4 - 0.01 * g / (g + 1e-8), adam.updated(), TOLERANCE);
        assertEquals(adam.updated(), small.using(Optimizer.adam()).updated(gradients, "w5"));
    }

    @Test
    void aFrozenBiasKeepsItsValueAndNoState() {
        WorkedExample mazur = WorkedExample.mazur();
        BackwardPass gradients = mazur.network().backward(mazur.network().forward(mazur.sample()));
        GradientDescent.Step b1 = mazur.descent().using(Optimizer.adam()).firstStep(gradients, "b1");
        assertEquals(0.35, b1.updated());
        assertEquals(Map.of(), b1.state());
    }

    @Test
    void stepIsTheFirstStepOfARun() {
        WorkedExample mazur = WorkedExample.mazur();
        GradientDescent adam = mazur.descent().atLearningRate(0.01).using(Optimizer.adam()).updatingBiases();
        Network network = mazur.network();
        BackwardPass used = adam.step(network, mazur.sample());
        for (String name : network.names().weightNames()) {
            assertEquals(adam.updated(used, name), network.get(name), name);
        }
        for (String name : network.names().biasNames()) {
            assertEquals(adam.updated(used, name), network.get(name), name);
        }
    }

    /** Kingma and Ba's Algorithm 1, or Polyak's, Nesterov's, Tieleman and Hinton's rule, per parameter by name. */
    private static final class ByHand {
        final Optimizer optimizer;
        final double rate;
        final Map<String, double[]> state = new HashMap<>();
        int t;

        ByHand(Optimizer optimizer, double rate) {
            this.optimizer = optimizer;
            this.rate = rate;
        }

        /** One update of every weight and bias from the gradients of one sample. */
        void step(Network network, Sample sample) {
            BackwardPass gradients = network.backward(network.forward(sample));
            t++;
            List<String> names = new java.util.ArrayList<>(network.names().weightNames());
            names.addAll(network.names().biasNames());
            for (String name : names) {
                double w = network.get(name);
                double g = gradients.get("dE/d" + name);
                double[] s = state.computeIfAbsent(name, n -> new double[2]);
                network.set(name, switch (optimizer.name()) {
                    case "momentum" -> {
                        s[0] = 0.9 * s[0] - rate * g;
                        yield w + s[0];
                    }
                    case "Nesterov" -> {
                        s[0] = 0.9 * s[0] - rate * g;
                        yield w + 0.9 * s[0] - rate * g;
                    }
                    case "RMSProp" -> {
                        s[0] = 0.9 * s[0] + 0.1 * g * g;
                        yield w - rate * g / (Math.sqrt(s[0]) + 1e-8);
                    }
                    case "Adam" -> {
                        s[0] = 0.9 * s[0] + 0.1 * g;
                        s[1] = 0.999 * s[1] + 0.001 * g * g;
                        double mHat = s[0] / (1 - Math.pow(0.9, t));
                        double vHat = s[1] / (1 - Math.pow(0.999, t));
                        yield w - rate * mHat / (Math.sqrt(vHat) + 1e-8);
                    }
                    default -> throw new AssertionError(optimizer);
                });
            }
        }
    }

    private static final List<Optimizer> STATEFUL = List.of(Optimizer.momentum(0.9), Optimizer.nesterov(0.9),
            Optimizer.rmsProp(), Optimizer.adam());

    private static final Network NETWORK = Network.withInputs(3).layer(4, Activation.TANH)
            .layer(2, Activation.SIGMOID).randomized(3);
    private static final List<Sample> SAMPLES = List.of(
            new Sample(new double[] {0.3, -0.8, 0.5}, new double[] {0.1, 0.9}),
            new Sample(new double[] {-0.6, 0.2, 0.9}, new double[] {0.8, 0.3}),
            new Sample(new double[] {0.1, 0.7, -0.4}, new double[] {0.5, 0.5}));

    private static double[] parameters(Network network) {
        List<String> names = new java.util.ArrayList<>(network.names().weightNames());
        names.addAll(network.names().biasNames());
        return names.stream().mapToDouble(network::get).toArray();
    }

    @Test
    void aRunCarriesTheStateFromUpdateToUpdate() {
        for (Optimizer optimizer : STATEFUL) {
            GradientDescent descent = GradientDescent.withLearningRate(0.05).using(optimizer);
            Network trained = NETWORK.copy();
            descent.train(trained, SAMPLES.get(0), 5);
            ByHand byHand = new ByHand(optimizer, 0.05);
            Network written = NETWORK.copy();
            for (int k = 0; k < 5; k++) {
                byHand.step(written, SAMPLES.get(0));
            }
            assertArrayEquals(parameters(written), parameters(trained), 1e-14, optimizer + " on one sample");

            Network perSample = NETWORK.copy();
            descent.withBatching(Batching.PER_SAMPLE).train(perSample, SAMPLES, 3);
            ByHand again = new ByHand(optimizer, 0.05);
            Network writtenPerSample = NETWORK.copy();
            for (int epoch = 0; epoch < 3; epoch++) {
                for (Sample sample : SAMPLES) {
                    again.step(writtenPerSample, sample);
                }
            }
            assertArrayEquals(parameters(writtenPerSample), parameters(perSample), 1e-14, optimizer + " per sample");
        }
    }

    @Test
    void aScheduleSetsTheRateOfEachEpoch() {
        LearningRateSchedule halving = LearningRateSchedule.stepDecay(0.5, 2);
        double[] rates = new double[5];
        for (int e = 1; e <= 5; e++) {
            rates[e - 1] = halving.rate(0.8, e);
        }
        assertArrayEquals(new double[] {0.8, 0.8, 0.4, 0.4, 0.2}, rates);
        assertEquals(0.8 / (1 + 0.5 * 3), LearningRateSchedule.inverseTime(0.5).rate(0.8, 4));
        assertEquals(0.8, LearningRateSchedule.constant().rate(0.8, 1_000_000));

        GradientDescent scheduled = GradientDescent.withLearningRate(0.8).withSchedule(halving);
        Network trained = NETWORK.copy();
        scheduled.train(trained, SAMPLES, 5);
        Network byEpoch = NETWORK.copy();
        for (double rate : rates) {
            GradientDescent.withLearningRate(rate).train(byEpoch, SAMPLES, 1);
        }
        assertArrayEquals(parameters(byEpoch), parameters(trained), 0.0);
        assertEquals(0.4, scheduled.learningRate(3));
        assertArrayEquals(new double[] {1, 0.6, 0.36, 0.288}, firstCoordinates(
                GradientDescent.withLearningRate(0.4).withSchedule(halving).path(HALF_SQUARE, new double[] {1}, 3)),
                TOLERANCE);
    }

    @Test
    void plainIsTheTextbookRuleBitForBit() {
        Network textbook = NETWORK.copy();
        GradientDescent.withLearningRate(0.5).withBatching(Batching.miniBatches(2)).train(textbook, SAMPLES, 4);
        Network plain = NETWORK.copy();
        GradientDescent.withLearningRate(0.5).using(Optimizer.plain()).withSchedule(LearningRateSchedule.constant())
                .withBatching(Batching.miniBatches(2)).train(plain, SAMPLES, 4);
        assertArrayEquals(parameters(textbook), parameters(plain), 0.0);
        assertEquals(GradientDescent.withLearningRate(0.5).toString(),
                GradientDescent.withLearningRate(0.5).using(Optimizer.plain()).toString());
    }

    @Test
    void aDivergedRunWithMomentumKeepsItsLastFiniteWeights() {
        Network linear = Network.withInputs(2).layer(2, Activation.IDENTITY, Bias.NONE)
                .layer(1, Activation.IDENTITY, Bias.NONE).randomized(1);
        Sample sample = new Sample(new double[] {2, 3}, new double[] {1});
        GradientDescent tooFast = GradientDescent.withLearningRate(1).using(Optimizer.momentum(0.9));
        Network diverging = linear.copy();
        int k = assertThrows(TrainingDivergedException.class, () -> tooFast.train(diverging, sample, 1000)).iteration();
        Network lastFinite = linear.copy();
        tooFast.train(lastFinite, sample, k - 1);
        assertArrayEquals(parameters(lastFinite), parameters(diverging), 0.0);
        assertTrue(Double.isFinite(diverging.forward(sample).totalError()));
    }

    @Test
    void aWarmRunWithAdamAllocatesNothingPerBatch() {
        TrainingLoopTest.Pictures data = new TrainingLoopTest.Pictures(2000, 200, 3);
        GradientDescent descent = GradientDescent.withLearningRate(0.001).using(Optimizer.adam())
                .withSchedule(LearningRateSchedule.inverseTime(0.1)).withBatching(Batching.miniBatches(10)).shuffling(1);
        Network network = Network.withInputs(200).layer(30, Activation.SIGMOID).layer(10, Activation.SIGMOID)
                .randomized(2);
        long perEpoch = TrainingLoopTest.bytesPerWarmEpoch(epochs -> descent.train(network, data, epochs));
        // The runs' fixed costs differ by a few bytes, so the difference can dip below 0; what matters is
        // that 200 batches allocate less than 10 bytes each.
        assertTrue(perEpoch < 2000, "200 batches an epoch, " + perEpoch + " bytes allocated per epoch");
    }

    @Test
    void aPathEndsAtItsLastFinitePoint() {
        double[][] path = GradientDescent.withLearningRate(1).path(w -> new double[] {w[0] < -1.5 ? Double.NaN : 1},
                new double[] {0}, 10);
        assertArrayEquals(new double[] {0, -1, -2}, firstCoordinates(path));
        double[][] overflow = GradientDescent.withLearningRate(1e300).path(w -> new double[] {1e300},
                new double[] {0}, 10);
        assertEquals(1, overflow.length);
    }

    private static void rejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void badHyperparametersAreRefused() {
        for (double bad : new double[] {-0.1, 1, 1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            rejected("momentum must be at least 0 and less than 1, but was " + bad, () -> Optimizer.momentum(bad));
            rejected("momentum must be at least 0 and less than 1, but was " + bad, () -> Optimizer.nesterov(bad));
            rejected("decay must be at least 0 and less than 1, but was " + bad, () -> Optimizer.rmsProp(bad, 1e-8));
            rejected("beta1 must be at least 0 and less than 1, but was " + bad, () -> Optimizer.adam(bad, 0.999, 1e-8));
            rejected("beta2 must be at least 0 and less than 1, but was " + bad, () -> Optimizer.adam(0.9, bad, 1e-8));
        }
        rejected("epsilon must be greater than 0, but was 0.0", () -> Optimizer.rmsProp(0.9, 0));
        rejected("epsilon must be greater than 0, but was -1.0E-8", () -> Optimizer.adam(0.9, 0.999, -1e-8));
        rejected("epsilon must be a finite number, but was NaN", () -> Optimizer.adam(0.9, 0.999, Double.NaN));
        rejected("epsilon must be a finite number, but was Infinity", () -> Optimizer.rmsProp(0.9, Double.POSITIVE_INFINITY));
        rejected("optimizer must not be null", () -> GradientDescent.withLearningRate(1).using(null));
        rejected("schedule must not be null", () -> GradientDescent.withLearningRate(1).withSchedule(null));
        rejected("learningRate must be greater than 0, but was 0.0", () -> GradientDescent.withLearningRate(0));
        rejected("learningRate must be a finite number, but was NaN", () -> GradientDescent.withLearningRate(Double.NaN));
    }

    @Test
    void badSchedulesAreRefused() {
        for (double bad : new double[] {0, -0.5, 1.01, Double.NaN, Double.POSITIVE_INFINITY}) {
            rejected("factor must be greater than 0 and at most 1, but was " + bad,
                    () -> LearningRateSchedule.stepDecay(bad, 2));
        }
        rejected("epochs must be at least 1, but was 0", () -> LearningRateSchedule.stepDecay(0.5, 0));
        rejected("epochs must be at least 1, but was -3", () -> LearningRateSchedule.stepDecay(0.5, -3));
        rejected("decay must be greater than 0, but was 0.0", () -> LearningRateSchedule.inverseTime(0));
        rejected("decay must be a finite number, but was NaN", () -> LearningRateSchedule.inverseTime(Double.NaN));
        rejected("epoch must be at least 1, but was 0", () -> LearningRateSchedule.constant().rate(0.1, 0));
        rejected("learningRate must be greater than 0, but was -0.1",
                () -> LearningRateSchedule.constant().rate(-0.1, 1));
        rejected("epoch must be at least 1, but was 0", () -> GradientDescent.withLearningRate(1).learningRate(0));
    }

    @Test
    void badPathsAreRefused() {
        GradientDescent descent = GradientDescent.withLearningRate(0.1);
        rejected("gradient must not be null", () -> descent.path(null, new double[] {1}, 3));
        rejected("start must not be null", () -> descent.path(HALF_SQUARE, null, 3));
        rejected("start must hold at least 1 value, but was empty", () -> descent.path(HALF_SQUARE, new double[0], 3));
        rejected("start[1] must be a finite number, but was NaN",
                () -> descent.path(HALF_SQUARE, new double[] {1, Double.NaN}, 3));
        rejected("steps must be at least 1, but was 0", () -> descent.path(HALF_SQUARE, new double[] {1}, 0));
        rejected("gradient must return 2 values (one per parameter), but returned 1 at step 1",
                () -> descent.path(w -> new double[] {w[0]}, new double[] {1, 2}, 3));
        rejected("gradient must return 2 values (one per parameter), but returned null",
                () -> descent.path(w -> null, new double[] {1, 2}, 3));
    }

    @Test
    void namesStatesAndEquality() {
        assertEquals("SGD", Optimizer.plain().toString());
        assertEquals("momentum (μ = 0.9)", Optimizer.momentum(0.9).toString());
        assertEquals("Nesterov (μ = 0.9)", Optimizer.nesterov(0.9).toString());
        assertEquals("RMSProp (ρ = 0.9, ε = 1.0E-8)", Optimizer.rmsProp().toString());
        assertEquals("Adam (β₁ = 0.9, β₂ = 0.999, ε = 1.0E-8)", Optimizer.adam().toString());
        assertEquals(Optimizer.adam(), Optimizer.adam(0.9, 0.999, 1e-8));
        assertEquals(List.of("m", "v"), Optimizer.adam().state());
        assertEquals(List.of(), Optimizer.plain().state());
        assertEquals("step decay ×0.5 every 2 epochs", LearningRateSchedule.stepDecay(0.5, 2).toString());
        assertEquals("1/t decay 0.5", LearningRateSchedule.inverseTime(0.5).toString());
        assertEquals("GradientDescent[learningRate=0.001, step decay ×0.5 every 1 epoch, Adam (β₁ = 0.9, β₂ = 0.999, "
                + "ε = 1.0E-8), rule=TEXTBOOK, biases updated, full batch]", GradientDescent.withLearningRate(0.001)
                .using(Optimizer.adam()).withSchedule(LearningRateSchedule.stepDecay(0.5, 1)).toString());
    }
}
