package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.backprop.data.WorkedExample;
import org.junit.jupiter.api.Test;

/**
 * The reader's recipe as a tool (COURSE.md, question 8): nudge a weight, re-run, measure the
 * change of E_total. On Mazur's network it reproduces the published ∂E/∂w5 = 0.082167041, and its
 * error behaves as the formulas say: O(h) forward, O(h²) central, and round-off for tiny steps.
 */
class NumericalGradientTest {

    private static final double PUBLISHED_DE_DW5 = 0.082167041;

    private final WorkedExample mazur = WorkedExample.mazur();
    private final Network network = mazur.network();
    private final Sample sample = mazur.sample();
    private final BackwardPass backward = network.backward(network.forward(sample));

    /** |numerical − backprop| for w5. */
    private double errorOfW5(NumericalGradient numerical) {
        return Math.abs(numerical.of(network, sample, "w5") - backward.get("dE/dw5"));
    }

    @Test
    void centralDifferenceGivesMazursGradientToNineDecimals() {
        assertEquals(PUBLISHED_DE_DW5, NumericalGradient.central(1e-6).of(network, sample, "w5"), 5e-10);
    }

    @Test
    void forwardDifferenceIsFarLessAccurateThanCentral() {
        double forward = NumericalGradient.forward(1e-6).of(network, sample, "w5");

        assertEquals(PUBLISHED_DE_DW5, forward, 1e-8);
        assertTrue(Math.abs(forward - PUBLISHED_DE_DW5) > 5e-10, () -> forward + " agrees to 9 decimals");
        assertTrue(errorOfW5(NumericalGradient.forward(1e-6)) > 100 * errorOfW5(NumericalGradient.central(1e-6)));
    }

    @Test
    void errorShrinksLikeHForForwardAndLikeHSquaredForCentralDifferences() {
        assertEquals(10, errorOfW5(NumericalGradient.forward(1e-3)) / errorOfW5(NumericalGradient.forward(1e-4)), 0.5);
        assertEquals(100, errorOfW5(NumericalGradient.central(1e-2)) / errorOfW5(NumericalGradient.central(1e-3)), 5);
    }

    @Test
    void tooBigAStepTruncatesAndTooSmallAStepRoundsOff() {
        for (DoubleFunction<NumericalGradient> formula : List.<DoubleFunction<NumericalGradient>>of(
                NumericalGradient::forward, NumericalGradient::central)) {
            double good = errorOfW5(formula.apply(1e-5));
            double truncated = errorOfW5(formula.apply(1e-2));
            double roundedOff = errorOfW5(formula.apply(1e-12));
            String label = formula.apply(1e-5).name();
            assertTrue(truncated > 100 * good, () -> label + ": " + truncated + " at h = 1e-2, " + good + " at 1e-5");
            assertTrue(roundedOff > 100 * good, () -> label + ": " + roundedOff + " at h = 1e-12, " + good + " at 1e-5");
        }
    }

    @Test
    void sharedBiasIsNudgedForItsWholeLayer() {
        double sumOfDeltas = backward.delta(1, 0) + backward.delta(1, 1);

        assertEquals(sumOfDeltas, NumericalGradient.central(1e-5).of(network, sample, "b1"), 1e-11);
        assertTrue(Math.abs(backward.delta(1, 0) - sumOfDeltas) > 1e-3, "one neuron's δ alone would not match");
    }

    @Test
    void allEstimatesEveryWeightThenEveryBiasAndLeavesTheNetworkAsItWas() {
        Network perNeuron = Network.withInputs(2).layer(3, Activation.TANH).layer(1, Activation.SIGMOID).randomized(7);
        Sample perNeuronSample = new Sample(new double[] {0.3, -0.8}, new double[] {0.6});
        assertAllInOrderAndUnchanged(network, sample,
                List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2"));
        assertAllInOrderAndUnchanged(perNeuron, perNeuronSample,
                List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9", "b_h1", "b_h2", "b_h3", "b_o1"));
    }

    private static void assertAllInOrderAndUnchanged(Network network, Sample sample, List<String> parameters) {
        for (NumericalGradient numerical : List.of(NumericalGradient.forward(1e-6), NumericalGradient.central(1e-6))) {
            Map<String, Double> before = values(network, parameters);

            Map<String, Double> all = numerical.all(network, sample);

            assertEquals(parameters, List.copyOf(all.keySet()), numerical.toString());
            assertEquals(before, values(network, parameters), "Double.equals compares bit for bit");
            for (String parameter : parameters) {
                assertEquals(numerical.of(network, sample, parameter), all.get(parameter), parameter);
            }
        }
    }

    private static Map<String, Double> values(Network network, List<String> parameters) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String parameter : parameters) {
            values.put(parameter, network.get(parameter));
        }
        return values;
    }

    @Test
    void forwardPassesOfAll() {
        Network perNeuron = Network.withInputs(2).layer(3, Activation.TANH).layer(1, Activation.SIGMOID).build();
        Network withoutBiases = Network.withInputs(2).layer(2, Activation.IDENTITY, Bias.NONE)
                .layer(1, Activation.IDENTITY, Bias.NONE).build();

        assertEquals(11, NumericalGradient.forward(1e-6).forwardPasses(network), "8 weights, 2 shared biases");
        assertEquals(20, NumericalGradient.central(1e-6).forwardPasses(network));
        assertEquals(14, NumericalGradient.forward(1e-6).forwardPasses(perNeuron), "9 weights, 4 biases");
        assertEquals(26, NumericalGradient.central(1e-6).forwardPasses(perNeuron));
        assertEquals(7, NumericalGradient.forward(1e-6).forwardPasses(withoutBiases), "6 weights");
        assertEquals(12, NumericalGradient.central(1e-6).forwardPasses(withoutBiases));
    }

    @Test
    void labelAndStep() {
        assertEquals("central difference, h = 1.0E-5", NumericalGradient.central(1e-5).toString());
        assertEquals("forward difference, h = 0.001", NumericalGradient.forward(1e-3).toString());
        assertEquals(1e-5, NumericalGradient.central(1e-5).step());
    }

    @Test
    void gradientCheckRowsHoldTheBackpropAndNumericalValuesExactly() {
        NumericalGradient numerical = NumericalGradient.central(1e-6);

        GradientCheck check = GradientCheck.of(network, sample, numerical);

        assertEquals(numerical, check.numerical());
        assertEquals(List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2"),
                check.rows().stream().map(GradientCheck.Row::parameter).toList());
        for (GradientCheck.Row row : check.rows()) {
            String parameter = row.parameter();
            assertEquals(backward.get("dE/d" + parameter), row.backprop(), parameter);
            assertEquals(numerical.of(network, sample, parameter), row.numerical(), parameter);
            assertEquals(Math.abs(row.backprop() - row.numerical())
                    / Math.max(Math.abs(row.backprop()), Math.abs(row.numerical())), row.relativeError(), parameter);
            assertEquals(row.relativeError(), check.relativeError(parameter), parameter);
        }
        assertEquals(check.rows().stream().mapToDouble(GradientCheck.Row::relativeError).max().orElseThrow(),
                check.maxRelativeError());
    }

    /**
     * Round-off weighs most on the smallest gradients, Mazur's hidden weights (about 5·10⁻⁴), so
     * the bound is 10⁻⁷ at the recommended h = 10⁻⁵ but only 10⁻⁶ at h = 10⁻⁶.
     */
    @Test
    void backpropAgreesWithCentralDifferencesOnMazursNetwork() {
        assertTrue(GradientCheck.of(network, sample, NumericalGradient.central(1e-5)).maxRelativeError() < 1e-7);
        assertTrue(GradientCheck.of(network, sample, NumericalGradient.central(1e-6)).maxRelativeError() < 1e-6);
    }

    /** A ReLU with negative net passes nothing on: its weights have a gradient of exactly 0 both ways. */
    @Test
    void relativeErrorIsZeroWhenBothGradientsAreZero() {
        Network deadReLU = Network.withInputs(1).layer(1, Activation.RELU, Bias.NONE)
                .layer(1, Activation.IDENTITY, Bias.PER_NEURON).build()
                .set("w1", -1).set("w2", 0.5).set("b_o1", 0.25);
        Sample one = new Sample(new double[] {1}, new double[] {1});

        GradientCheck check = GradientCheck.of(deadReLU, one, NumericalGradient.central(1e-6));

        for (GradientCheck.Row row : check.rows().subList(0, 2)) {
            assertEquals(0, row.backprop(), 0, row.parameter());
            assertEquals(0, row.numerical(), 0, row.parameter());
            assertEquals(0.0, row.relativeError(), row.parameter() + ": 0, not 0/0");
        }
        assertEquals(-0.75, check.rows().get(2).backprop(), "b_o1: out_o1 − target");
        assertTrue(check.relativeError("b_o1") < 1e-9);
    }

    /**
     * At net = 0 exactly, backprop takes ReLU′ = 0, but a central difference straddles the kink and
     * sees half the slope on its right: one side is 0, the other not, a relative error of 1.
     */
    @Test
    void relativeErrorIsOneAtAReLUsKink() {
        Network atKink = Network.withInputs(1).layer(1, Activation.RELU, Bias.NONE)
                .layer(1, Activation.IDENTITY, Bias.NONE).build()
                .set("w1", 0).set("w2", 1);
        Sample one = new Sample(new double[] {1}, new double[] {1});

        GradientCheck check = GradientCheck.of(atKink, one, NumericalGradient.central(1e-6));

        assertEquals(0, check.rows().get(0).backprop(), 0);
        assertEquals(-0.5, check.rows().get(0).numerical(), 1e-6);
        assertEquals(1.0, check.relativeError("w1"));
    }
}
