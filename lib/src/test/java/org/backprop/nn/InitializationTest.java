package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Starting weights are drawn as each strategy's javadoc says — layer by layer, neuron by neuron,
 * input by input from one {@code new Random(seed)} — and every bias starts at 0.
 */
class InitializationTest {

    /** How the javadoc says one weight of a layer with n_in inputs and n_out neurons is drawn. */
    private interface Draw {
        double next(Random random, int inputs, int neurons);
    }

    /** Two layers whose n_in, n_out and n_in + n_out all differ, so a mixed-up count shows. */
    private static Network.Builder small() {
        return Network.withInputs(2).layer(3, Activation.SIGMOID).layer(4, Activation.TANH, Bias.SHARED);
    }

    static Stream<Initialization> all() {
        return Stream.concat(Stream.of(Initialization.constant(0.5)), random());
    }

    static Stream<Initialization> random() {
        return Stream.of(Initialization.uniform(-1, 1), Initialization.gaussian(0, 0.1), Initialization.xavier(),
                Initialization.he(), Initialization.lecun());
    }

    private static void assertDrawnAs(Draw draw, long seed, Network network) {
        Random random = new Random(seed);
        List<Executable> checks = new ArrayList<>();
        for (int l = 1; l <= network.depth(); l++) {
            Layer layer = network.layer(l);
            for (int j = 0; j < layer.size(); j++) {
                for (int k = 0; k < layer.inputs(); k++) {
                    double expected = draw.next(random, layer.inputs(), layer.size());
                    double actual = layer.weight(j, k);
                    String weight = "layer " + l + ", W" + j + k;
                    checks.add(() -> assertEquals(expected, actual, weight));
                }
            }
        }
        assertAll(checks);
    }

    private static double[] weights(Network network) {
        return network.names().weightNames().stream().mapToDouble(network::get).toArray();
    }

    @Test
    void constantSetsEveryWeightToTheValue() {
        assertDrawnAs((random, inputs, neurons) -> 0.5, 7, small().initialized(Initialization.constant(0.5), 7));
        assertDrawnAs((random, inputs, neurons) -> -0.25, 8, small().initialized(Initialization.constant(-0.25), 8));
    }

    @Test
    void uniformIsLowPlusWidthTimesNextDouble() {
        assertDrawnAs((random, inputs, neurons) -> -1 + 2 * random.nextDouble(), 7,
                small().initialized(Initialization.uniform(-1, 1), 7));
        assertDrawnAs((random, inputs, neurons) -> 0.5 + 1.5 * random.nextDouble(), 7,
                small().initialized(Initialization.uniform(0.5, 2), 7));
    }

    @Test
    void gaussianIsMeanPlusStandardDeviationTimesNextGaussian() {
        assertDrawnAs((random, inputs, neurons) -> 1 + 0.1 * random.nextGaussian(), 7,
                small().initialized(Initialization.gaussian(1, 0.1), 7));
    }

    @Test
    void xavierIsUniformWithinTheSquareRootOfSixOverInputsPlusNeurons() {
        assertDrawnAs((random, inputs, neurons) -> {
            double bound = Math.sqrt(6.0 / (inputs + neurons));
            return -bound + 2 * bound * random.nextDouble();
        }, 7, small().initialized(Initialization.xavier(), 7));
    }

    @Test
    void heIsTheSquareRootOfTwoOverInputsTimesNextGaussian() {
        assertDrawnAs((random, inputs, neurons) -> Math.sqrt(2.0 / inputs) * random.nextGaussian(), 7,
                small().initialized(Initialization.he(), 7));
    }

    @Test
    void lecunIsNextGaussianOverTheSquareRootOfInputs() {
        assertDrawnAs((random, inputs, neurons) -> random.nextGaussian() / Math.sqrt(inputs), 7,
                small().initialized(Initialization.lecun(), 7));
        assertEquals("LeCun", Initialization.lecun().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void sameSeedSameWeightsWhicheverWayTheNetworkIsInitialized(Initialization initialization) {
        Network.Builder builder = small();
        double[] first = weights(builder.initialized(initialization, 7));

        assertArrayEquals(first, weights(builder.initialized(initialization, 7)), "builder, again");
        assertArrayEquals(first, weights(builder.build().initialized(initialization, 7)), "built network");
        assertArrayEquals(first, weights(builder.randomized(1).initialized(initialization, 7)), "randomized network");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("random")
    void anotherSeedChangesEveryWeight(Initialization initialization) {
        double[] seven = weights(small().initialized(initialization, 7));
        double[] eight = weights(small().initialized(initialization, 8));

        for (int i = 0; i < seven.length; i++) {
            assertNotEquals(seven[i], eight[i], "weight " + i);
        }
    }

    @Test
    void xavierStaysWithinItsBoundAndNearlyReachesItOnBothSides() {
        Layer layer = Network.withInputs(300).layer(200, Activation.TANH).initialized(Initialization.xavier(), 1)
                .layer(1);
        double bound = Math.sqrt(6.0 / (300 + 200));
        double largest = CommonOps_DDRM.elementMax(layer.weights());
        double smallest = CommonOps_DDRM.elementMin(layer.weights());

        assertTrue(largest <= bound && largest > 0.999 * bound, () -> "largest weight " + largest + ", bound " + bound);
        assertTrue(smallest >= -bound && smallest < -0.999 * bound,
                () -> "smallest weight " + smallest + ", bound " + bound);
    }

    @Test
    void heHasMean0AndStandardDeviationSquareRootOfTwoOverInputs() {
        double[] w = Network.withInputs(300).layer(200, Activation.RELU).initialized(Initialization.he(), 1).layer(1)
                .weights().getData();
        double mean = 0;
        for (double weight : w) {
            mean += weight / w.length;
        }
        double squares = 0;
        for (double weight : w) {
            squares += (weight - mean) * (weight - mean);
        }
        double standardDeviation = Math.sqrt(squares / (w.length - 1));
        double expected = Math.sqrt(2.0 / 300);

        assertEquals(expected, standardDeviation, 0.02 * expected, "sample standard deviation");
        assertEquals(0, mean, 0.02 * expected, "sample mean");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void biasesStartAt0ForEveryKindOfBias(Initialization initialization) {
        Network.Builder builder = Network.withInputs(2).layer(3, Activation.SIGMOID, Bias.NONE)
                .layer(3, Activation.TANH, Bias.SHARED).layer(2, Activation.IDENTITY, Bias.PER_NEURON);
        List<Executable> checks = new ArrayList<>();
        for (Network network : List.of(builder.initialized(initialization, 2),
                builder.randomized(1).initialized(initialization, 2))) {
            for (int l = 1; l <= network.depth(); l++) {
                for (int j = 0; j < network.size(l); j++) {
                    double bias = network.layer(l).biasOf(j);
                    String neuron = network.names().neuron(l, j) + " (bias " + network.layer(l).bias() + ")";
                    checks.add(() -> assertEquals(0.0, bias, neuron));
                }
            }
        }
        assertAll(checks);
    }

    @Test
    void initializedKeepsShapeActivationsBiasesAndLossAndLeavesTheOriginalAsItIs() {
        Network original = Network.withInputs(2)
                .layer(3, Activation.RELU, Bias.NONE)
                .layer(4, Activation.LEAKY_RELU, Bias.SHARED)
                .layer(2, Activation.SIGMOID, Bias.PER_NEURON)
                .randomized(1);
        Network before = original.copy();

        Network initialized = original.initialized(Initialization.he(), 2);

        assertEquals(original.depth(), initialized.depth());
        assertEquals(original.size(0), initialized.size(0));
        for (int l = 1; l <= original.depth(); l++) {
            assertEquals(original.size(l), initialized.size(l), "size of layer " + l);
            assertEquals(original.layer(l).activation(), initialized.layer(l).activation(), "activation of layer " + l);
            assertEquals(original.layer(l).bias(), initialized.layer(l).bias(), "bias of layer " + l);
        }
        assertEquals(original.loss(), initialized.loss());
        assertArrayEquals(weights(before), weights(original), "the original's weights");
        for (String bias : original.names().biasNames()) {
            assertEquals(before.get(bias), original.get(bias), "the original's " + bias);
        }
        assertNotEquals(original.get("w1"), initialized.get("w1"), "the new network's w1");
    }

    @Test
    void labelsForAChartLegend() {
        assertEquals("constant 0.5", Initialization.constant(0.5).toString());
        assertEquals("constant 0", Initialization.constant(0).toString());
        assertEquals("uniform [-1, 1]", Initialization.uniform(-1, 1).toString());
        assertEquals("uniform [-0.05, 0.05]", Initialization.uniform(-0.05, 0.05).toString());
        assertEquals("Gaussian (0, 0.1)", Initialization.gaussian(0, 0.1).toString());
        assertEquals("Xavier/Glorot", Initialization.xavier().toString());
        assertEquals("He", Initialization.he().toString());
    }
}
