package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.backprop.data.WorkedExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A mistyped number or name fails at once, with a message that names what was wrong, what was
 * expected and what came instead.
 */
class BadInputTest {

    private final WorkedExample mazur = WorkedExample.mazur();
    private final Network network = mazur.network();
    private final Sample sample = mazur.sample();
    private final GradientDescent descent = mazur.descent();

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    private static double[] values(double... values) {
        return values;
    }

    @Test
    void inputOfTheWrongSize() {
        assertRejected("sample input must hold 2 values (one per input neuron), but held 3",
                () -> network.forward(new Sample(values(0.05, 0.10, 0.15), values(0.01, 0.99))));
    }

    @Test
    void targetOfTheWrongSize() {
        assertRejected("sample target must hold 2 values (one per output neuron), but held 1",
                () -> network.forward(new Sample(values(0.05, 0.10), values(0.01))));
    }

    @Test
    void sampleValuesThatAreNotNumbers() {
        assertRejected("input[1] must be a finite number, but was NaN",
                () -> new Sample(values(0.05, Double.NaN), values(0.01, 0.99)));
        assertRejected("input[0] must be a finite number, but was -Infinity",
                () -> new Sample(values(Double.NEGATIVE_INFINITY, 0.10), values(0.01, 0.99)));
        assertRejected("target[0] must be a finite number, but was NaN",
                () -> new Sample(values(0.05, 0.10), values(Double.NaN, 0.99)));
        assertRejected("target[1] must be a finite number, but was Infinity",
                () -> new Sample(values(0.05, 0.10), values(0.01, Double.POSITIVE_INFINITY)));
    }

    @Test
    void layerWithoutNeurons() {
        assertRejected("size of layer 1 must be at least 1, but was 0",
                () -> Network.withInputs(2).layer(0, Activation.SIGMOID));
        assertRejected("size of layer 2 must be at least 1, but was -3",
                () -> Network.withInputs(2).layer(2, Activation.SIGMOID).layer(-3, Activation.SIGMOID));
    }

    @Test
    void networkWithoutInputs() {
        assertRejected("inputs must be at least 1, but was 0", () -> Network.withInputs(0));
    }

    @Test
    void networkWithoutLayers() {
        String message = "layers must hold at least 1 layer with weights, but none was added (call layer(...))";
        assertRejected(message, () -> Network.withInputs(2).build());
        assertRejected(message, () -> Network.withInputs(2).randomized(1));
        assertRejected(message, () -> Network.withInputs(2).initialized(Initialization.he(), 1));
    }

    @Test
    void constantThatIsNotANumber() {
        assertRejected("value must be a finite number, but was NaN", () -> Initialization.constant(Double.NaN));
        assertRejected("value must be a finite number, but was Infinity",
                () -> Initialization.constant(Double.POSITIVE_INFINITY));
    }

    @Test
    void uniformRangeThatIsEmptyOrNotFinite() {
        assertRejected("low must be a finite number, but was NaN", () -> Initialization.uniform(Double.NaN, 1));
        assertRejected("high must be a finite number, but was Infinity",
                () -> Initialization.uniform(-1, Double.POSITIVE_INFINITY));
        assertRejected("high must be greater than low (-1.0), but was -2.0", () -> Initialization.uniform(-1, -2));
        assertRejected("high must be greater than low (1.0), but was 1.0", () -> Initialization.uniform(1, 1));
        assertRejected("high - low must be a finite number, but was Infinity",
                () -> Initialization.uniform(-Double.MAX_VALUE, Double.MAX_VALUE));
    }

    @Test
    void gaussianWithoutAFiniteMeanOrAPositiveStandardDeviation() {
        assertRejected("mean must be a finite number, but was -Infinity",
                () -> Initialization.gaussian(Double.NEGATIVE_INFINITY, 1));
        assertRejected("standardDeviation must be greater than 0, but was 0.0", () -> Initialization.gaussian(0, 0));
        assertRejected("standardDeviation must be greater than 0, but was -0.1",
                () -> Initialization.gaussian(0, -0.1));
        assertRejected("standardDeviation must be a finite number, but was NaN",
                () -> Initialization.gaussian(0, Double.NaN));
    }

    @Test
    void noInitialization() {
        assertRejected("initialization must not be null", () -> network.initialized(null, 1));
        assertRejected("initialization must not be null",
                () -> Network.withInputs(2).layer(1, Activation.SIGMOID).initialized(null, 1));
    }

    @Test
    void noIterations() {
        assertRejected("iterations must be at least 1, but was 0", () -> descent.train(network, sample, 0));
    }

    @Test
    void negativeSnapshots() {
        assertRejected("snapshots must be 0 or more, but was -1", () -> descent.train(network, sample, 10, -1));
    }

    @Test
    void learningRateNotPositive() {
        assertRejected("learningRate must be greater than 0, but was 0.0", () -> GradientDescent.withLearningRate(0));
        assertRejected("learningRate must be greater than 0, but was -0.5", () -> GradientDescent.withLearningRate(-0.5));
        assertRejected("learningRate must be a finite number, but was NaN",
                () -> GradientDescent.withLearningRate(Double.NaN));
        assertRejected("learningRate must be a finite number, but was Infinity",
                () -> GradientDescent.withLearningRate(Double.POSITIVE_INFINITY));
    }

    @Test
    void weightSetToNaN() {
        assertRejected("w5 must be a finite number, but was NaN", () -> network.set("w5", Double.NaN));
        assertEquals(0.40, network.get("w5"), "w5 keeps its value");
    }

    @Test
    void unknownWeight() {
        assertRejected("unknown weight 'w9': expected w1 to w8", () -> network.set("w9", 0.1));
        assertRejected("unknown weight 'w0': expected w1 to w8", () -> network.get("w0"));
    }

    @Test
    void unknownBias() {
        assertRejected("unknown bias 'b3': expected one of [b1, b2]", () -> network.set("b3", 0.1));
        assertRejected("unknown bias 'b_h1': expected one of [b1, b2]", () -> network.get("b_h1"));
        Network withoutBiases = Network.withInputs(2).layer(1, Activation.IDENTITY, Bias.NONE).build();
        assertRejected("unknown bias 'b1': expected none, this network has no biases", () -> withoutBiases.get("b1"));
    }

    @Test
    void unknownForwardPassName() {
        ForwardPass forward = network.forward(sample);
        String expected = ": expected net_<neuron> or out_<neuron> (e.g. net_h1, out_o1), E_<output> (e.g. E_o1), "
                + "E_total, target_<output>, a weight (w1 to w8) or a bias (b1, b2)";
        assertRejected("unknown name 'E_h1' for a forward pass" + expected, () -> forward.get("E_h1"));
        assertRejected("unknown name 'out_h3' for a forward pass (unknown neuron 'h3': expected one of "
                + "[i1, i2, h1, h2, o1, o2])" + expected, () -> forward.get("out_h3"));
        assertRejected("unknown name 'w9' for a forward pass (unknown weight 'w9': expected w1 to w8)" + expected,
                () -> forward.get("w9"));
    }

    @Test
    void unknownBackwardPassName() {
        BackwardPass backward = network.backward(network.forward(sample));
        String expected = ": expected dE/dout_<neuron>, dout_<neuron>/dnet_<neuron>, delta_<neuron>, "
                + "dE/dnet_<neuron>, dnet_<neuron>/dw<n>, dE/dw<n>, dE/db<bias> or "
                + "dE_<output>/dout_<neuron of the last hidden layer>, e.g. dE/dw5 or delta_o1";
        assertRejected("unknown name 'dE/dx' for a backward pass" + expected, () -> backward.get("dE/dx"));
        assertRejected("unknown name 'dE/dw9' for a backward pass (unknown weight 'w9': expected w1 to w8)" + expected,
                () -> backward.get("dE/dw9"));
        assertRejected("unknown name 'δ_i1' for a backward pass (input neurons have no derivatives)" + expected,
                () -> backward.get("δ_i1"));
    }

    @Test
    void backwardPassOfAnotherNetwork() {
        Network other = Network.withInputs(2).layer(2, Activation.SIGMOID).layer(2, Activation.SIGMOID).build();
        ForwardPass ofTheOther = other.forward(sample);
        assertRejected("forward must be a forward pass of this network or a copy of it, but came from another "
                + "network (use that network's backward)", () -> network.backward(ofTheOther));
    }

    @Test
    void backwardPassOfACopyIsAccepted() {
        ForwardPass ofTheCopy = network.copy().forward(sample);
        assertEquals(network.backward(network.forward(sample)).get("dE/dw5"),
                network.backward(ofTheCopy).get("dE/dw5"));
    }

    @Test
    void layerOfNoWeightsOrBiases() {
        assertRejected("layer must be between 1 and 2 for a weight, but was 0", () -> network.names().weight(0, 0, 0));
        assertRejected("layer must be between 1 and 2 for a bias, but was 0", () -> network.names().bias(0, 0));
        assertRejected("layer must be between 1 and 2 for a bias, but was 3", () -> network.names().bias(3, 0));
    }

    @Test
    void stepNotPositive() {
        assertRejected("step must be greater than 0, but was 0.0", () -> NumericalGradient.central(0));
        assertRejected("step must be greater than 0, but was -1.0E-6", () -> NumericalGradient.forward(-1e-6));
        assertRejected("step must be a finite number, but was NaN", () -> NumericalGradient.central(Double.NaN));
        assertRejected("step must be a finite number, but was Infinity",
                () -> NumericalGradient.forward(Double.POSITIVE_INFINITY));
    }

    @Test
    void stepLostInRounding() {
        assertRejected("step must be at least one ulp of w5 = 0.4 (5.551115123125783E-17) to change it, "
                + "but was 1.0E-20", () -> NumericalGradient.central(1e-20).of(network, sample, "w5"));
        assertRejected("step must be at least one ulp of b2 = 0.6 (1.1102230246251565E-16) to change it, "
                + "but was 1.0E-17", () -> NumericalGradient.forward(1e-17).of(network, sample, "b2"));
    }

    @Test
    void numericalGradientOfAnUnknownParameter() {
        NumericalGradient central = NumericalGradient.central(1e-6);
        assertRejected("unknown weight 'w9': expected w1 to w8", () -> central.of(network, sample, "w9"));
        assertRejected("unknown bias 'b_h1': expected one of [b1, b2]", () -> central.of(network, sample, "b_h1"));
        assertRejected("unknown weight or bias 'x1': expected a weight name (w1, w2, …) or a bias name "
                + "(b1, b2, … or b_h1, b_o1, …)", () -> central.of(network, sample, "x1"));
    }

    @Test
    void numericalGradientOfASampleOfTheWrongSize() {
        Sample threeInputs = new Sample(values(0.05, 0.10, 0.15), values(0.01, 0.99));
        String message = "sample input must hold 2 values (one per input neuron), but held 3";
        for (NumericalGradient numerical : new NumericalGradient[] {
                NumericalGradient.forward(1e-6), NumericalGradient.central(1e-6)}) {
            assertRejected(message, () -> numerical.of(network, threeInputs, "w5"));
            assertRejected(message, () -> numerical.all(network, threeInputs));
            assertRejected(message, () -> GradientCheck.of(network, threeInputs, numerical));
        }
    }

    @Test
    void numericalGradientOfNothing() {
        NumericalGradient central = NumericalGradient.central(1e-6);
        assertRejected("network must not be null", () -> central.of(null, sample, "w5"));
        assertRejected("sample must not be null", () -> central.of(network, null, "w5"));
        assertRejected("parameter must not be null", () -> central.of(network, sample, null));
        assertRejected("network must not be null", () -> central.all(null, sample));
        assertRejected("sample must not be null", () -> central.all(network, null));
        assertRejected("network must not be null", () -> central.forwardPasses(null));
        assertRejected("network must not be null", () -> GradientCheck.of(null, sample, central));
        assertRejected("sample must not be null", () -> GradientCheck.of(network, null, central));
        assertRejected("numerical must not be null", () -> GradientCheck.of(network, sample, null));
    }

    @Test
    void gradientCheckOfAnUnknownParameter() {
        GradientCheck check = GradientCheck.of(network, sample, NumericalGradient.central(1e-6));
        assertRejected("unknown weight or bias 'w9': expected one of [w1, w2, w3, w4, w5, w6, w7, w8, b1, b2]",
                () -> check.relativeError("w9"));
        assertRejected("parameter must not be null", () -> check.relativeError(null));
    }

    @Test
    void divergenceNamesTheFirstIterationWithANonFiniteErrorAndTheLearningRate() {
        GradientDescent tooFast = GradientDescent.withLearningRate(10);
        Network linear = Network.withInputs(2).layer(2, Activation.IDENTITY).layer(1, Activation.IDENTITY).randomized(1);
        Sample linearSample = new Sample(values(2, 3), values(1));

        TrainingDivergedException diverged = assertThrows(TrainingDivergedException.class,
                () -> tooFast.train(linear.copy(), linearSample, 1_000));

        int k = diverged.iteration();
        assertTrue(k > 1, "the starting weights give a finite error");
        assertEquals(10.0, diverged.learningRate());
        assertEquals("training diverged at iteration " + k + " with learning rate 10.0: E_total became Infinity; "
                + "the network keeps its weights from before the update that did it, the last whose E_total was "
                + "finite; try a smaller learning rate", diverged.getMessage());
        TrainingHistory lastFinite = tooFast.train(linear.copy(), linearSample, k - 1);
        assertTrue(Double.isFinite(lastFinite.error(k - 1)), "E_total after iteration " + (k - 1));
        assertEquals(k, assertThrows(TrainingDivergedException.class,
                () -> tooFast.train(linear.copy(), linearSample, k)).iteration(), "exactly " + k + " iterations diverge");
    }

    @Test
    void batchesOfNoSamples() {
        assertRejected("size must be at least 1, but was 0", () -> Batching.miniBatches(0));
        assertRejected("batching must not be null", () -> descent.withBatching(null));
        assertRejected("learningRate must be greater than 0, but was -1.0", () -> descent.atLearningRate(-1));
        assertRejected("learningRate must be a finite number, but was NaN", () -> descent.atLearningRate(Double.NaN));
    }

    @Test
    void dataSetsThatDoNotFitTheNetwork() {
        Sample wide = new Sample(values(1, 2, 3), values(0, 1));
        Sample narrow = new Sample(values(1, 2), values(0));
        assertRejected("samples must not be null", () -> descent.train(network, (List<Sample>) null, 3));
        assertRejected("samples must hold at least 1 sample, but was empty",
                () -> descent.train(network, List.of(), 3));
        assertRejected("samples[1] must not be null",
                () -> descent.train(network, Arrays.asList(sample, null), 3));
        assertRejected("samples[1] input must hold 2 values (one per input neuron), but held 3",
                () -> descent.train(network, List.of(sample, wide), 3));
        assertRejected("samples[0] target must hold 2 values (one per output neuron), but held 1",
                () -> BatchGradient.of(network, List.of(narrow)));
        assertRejected("epochs must be at least 1, but was 0", () -> descent.train(network, List.of(sample), 0));
        assertRejected("network must not be null", () -> BatchGradient.of(null, List.of(sample)));
    }

    @Test
    void layerByLayerNeedsOneSampleAtATime() {
        assertRejected("rule LAYER_BY_LAYER updates each layer during one sample's backward pass, so it needs "
                        + "batches of 1 sample (Batching.PER_SAMPLE), but batching was full batch over 2 samples",
                () -> descent.withRule(UpdateRule.LAYER_BY_LAYER).train(network, List.of(sample, sample), 1));
    }

    @Test
    void layersOutsideTheNetwork() {
        BatchGradient batch = BatchGradient.of(network, List.of(sample));
        assertRejected("layer must be between 1 and 2, but was 0", () -> batch.deltas(0));
        assertRejected("layer must be between 0 and 2, but was 3", () -> batch.outs(3));
        assertRejected("layer must be between 1 and 2, but was 3", () -> batch.weightGradientNorm(3));
        assertRejected("layer must be between 1 and 2, but was 0",
                () -> network.backward(network.forward(sample)).weightGradientNorm(0));
        TrainingHistory history = descent.train(network.copy(), sample, 2);
        assertRejected("k must be between 1 and 2, but was 0", () -> history.gradientNorm(0, 1));
        assertRejected("layer must be between 1 and 2, but was 5", () -> history.gradientNorm(1, 5));
    }

    @Test
    void biasKindsThatWouldLoseBiases() {
        Network untied = network.withBias(Bias.PER_NEURON).set("b_h2", 0.4);
        assertRejected("bias SHARED would lose layer 1's bias h2 = 0.4: expected the same bias for every neuron "
                + "of the layer (0.35); set the biases first, or use Bias.PER_NEURON", () -> untied.withBias(Bias.SHARED));
        assertRejected("bias NONE would lose layer 1's bias h1 = 0.35: expected every bias 0; set the biases "
                + "first, or use Bias.PER_NEURON", () -> network.withBias(Bias.NONE));
        assertRejected("bias must not be null", () -> network.withBias(null));
        assertRejected("activation must not be null", () -> network.withHiddenActivation(null));
    }

    @Test
    void indicesWithinALayerNameTheLayerAndTheRange() {
        Layer output = network.layer(2);
        assertRejected("j must be between 0 and 1 (the neurons of layer 2), but was 2", () -> output.weight(2, 0));
        assertRejected("k must be between 0 and 1 (the neurons of layer 1), but was -1", () -> output.weight(0, -1));
        assertRejected("j must be between 0 and 1 (the neurons of layer 2), but was 5", () -> output.biasOf(5));
        ForwardPass forward = network.forward(sample);
        assertRejected("j must be between 0 and 1 (the neurons of layer 1), but was 2", () -> forward.net(1, 2));
        assertRejected("j must be between 0 and 1 (the neurons of layer 0), but was -1", () -> forward.out(0, -1));
        assertRejected("j must be between 0 and 1 (the neurons of layer 2), but was 2", () -> forward.error(2));
        BackwardPass backward = network.backward(forward);
        assertRejected("j must be between 0 and 1 (the neurons of layer 1), but was 2", () -> backward.delta(1, 2));
        assertRejected("j must be between 0 and 1 (the neurons of layer 2), but was 3",
                () -> backward.outGradient(2, 3));
        assertRejected("j must be between 0 and 1 (the neurons of layer 2), but was -1",
                () -> backward.outDerivative(2, -1));
        assertRejected("k must be between 0 and 1 (the neurons of layer 0), but was 2",
                () -> backward.weightGradient(1, 0, 2));
        assertRejected("j must be between 0 and 1 (the neurons of layer 1), but was 9",
                () -> backward.biasGradient(1, 9));
    }

    @Test
    void stepRefusesToLearnFromAnErrorThatIsNotFinite() {
        Network linear = Network.withInputs(1).layer(1, Activation.IDENTITY, Bias.NONE).build().set("w1", 1e300);
        Sample huge = new Sample(values(1e10), values(0));
        TrainingDivergedException refused = assertThrows(TrainingDivergedException.class,
                () -> GradientDescent.withLearningRate(0.1).step(linear, huge));
        assertEquals("step refused: E_total is Infinity with the network's weights now, so no gradient can follow "
                + "from it; the network is left as it is (start again from weights with a finite E_total, and a "
                + "smaller learning rate than 0.1)", refused.getMessage());
        assertEquals(1e300, linear.get("w1"));
    }

    @Test
    void iterationsWhoseHistoryCannotFitInTheHeap() {
        long heap = Runtime.getRuntime().maxMemory() >> 20;
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> descent.train(network, sample, Integer.MAX_VALUE));
        assertTrue(huge.getMessage().startsWith("iterations must be small enough for a history of 2147483647 "
                + "iterations (3 numbers each) to fit in the " + String.format(java.util.Locale.ROOT, "%,d", heap)
                + " MB heap ("), huge.getMessage());
        assertTrue(huge.getMessage().endsWith("which needs 49,152 MB, but was 2147483647"), huge.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> descent.train(network, sample, 1_000_000_000))
                .getMessage().startsWith("iterations must be small enough for a history of 1000000000 iterations"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> GradientDescent.withLearningRate(1).train(network, List.of(sample, sample), Integer.MAX_VALUE))
                .getMessage().startsWith("epochs must be small enough for a history of 2147483647 epochs"));
    }

    @Test
    void layersTooBigForTheHeapNameTheLayer() {
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> Network.withInputs(100).layer(30, Activation.SIGMOID).layer(1_000_000_000, Activation.SIGMOID));
        assertTrue(huge.getMessage().startsWith("size of layer 2 must be small enough for a layer of 1000000000 "
                + "neurons with 30 inputs each to fit in the "), huge.getMessage());
        assertTrue(huge.getMessage().endsWith(" MB, but was 1000000000"), huge.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Network.withInputs(Integer.MAX_VALUE).layer(Integer.MAX_VALUE, Activation.SIGMOID))
                .getMessage().startsWith("size of layer 1 must be small enough for a layer of 2147483647 neurons"));
    }

    @Test
    void initializationsThatDrawInfiniteWeights() {
        Network.Builder shape = Network.withInputs(2).layer(30, Activation.SIGMOID).layer(1, Activation.SIGMOID);
        IllegalArgumentException infinite = assertThrows(IllegalArgumentException.class,
                () -> shape.initialized(Initialization.gaussian(0, 1e308), 1));
        assertTrue(infinite.getMessage().startsWith("initialization Gaussian (0, 1E+308) must draw finite weights, "
                + "but drew "), infinite.getMessage());
        assertEquals("Gaussian (0, 0.000001)", Initialization.gaussian(0, 1e-6).toString());
        assertEquals("Gaussian (0, 1E-7)", Initialization.gaussian(0, 1e-7).toString());
        assertTrue(infinite.getMessage().contains("Infinity for layer 1 (neuron "), infinite.getMessage());
    }

    @Test
    void activationsByTheirPrintedNames() {
        for (Activation activation : Activation.values()) {
            assertEquals(activation, Activation.of(activation.toString()));
            assertEquals(activation, Activation.of(activation.name()));
        }
        assertEquals(Activation.RELU, Activation.of("relu"));
        assertEquals(Activation.LEAKY_RELU, Activation.of(" Leaky_ReLU "));
        String expected = " must be one of sigmoid, tanh, ReLU, leaky ReLU, identity, softmax (or a constant's name "
                + "such as LEAKY_RELU), in any case, but was ";
        assertRejected("name" + expected + "'swish'", () -> Activation.of("swish"));
        assertRejected("name" + expected + "''", () -> Activation.of(""));
        assertRejected("name must not be null", () -> Activation.of(null));
    }

    @Test
    void samplesOfRowsOutsideTheData() {
        Sample own = new Sample(values(1, 2), values(3));
        assertRejected("rows must not be null", () -> Sample.of(null, 0));
        SampleRows rows = new SampleRows() {
            public int size() {
                return 4;
            }

            public int inputSize() {
                return 2;
            }

            public int targetSize() {
                return 1;
            }

            public void writeInput(int x, double[] into, int offset) {
                into[offset] = x;
                into[offset + 1] = -x;
            }

            public void writeTarget(int x, double[] into, int offset) {
                into[offset] = x % 2;
            }
        };
        assertRejected("x must be between 0 and 3 (the rows), but was 4", () -> Sample.of(rows, 4));
        assertRejected("x must be between 0 and 3 (the rows), but was -1", () -> Sample.of(rows, -1));
        assertEquals(new Sample(values(2, -2), values(0)), Sample.of(rows, 2));
        assertEquals(own, new Sample(values(1, 2), values(3)));
    }

    @Test
    void evaluationsOfNothing() {
        assertRejected("samples must not be null", () -> descent.evaluatingOn(null));
        assertRejected("samples must hold at least 1 sample to evaluate on, but was empty",
                () -> descent.evaluatingOn(List.of()));
        assertRejected("samples must hold at least 1 sample, but was empty", () -> network.evaluate(List.of()));
        assertRejected("samples[0] input must hold 2 values (one per input neuron), but held 1",
                () -> descent.evaluatingOn(List.of(new Sample(values(1), values(0, 1)))).train(network, sample, 1));
        TrainingHistory history = descent.train(network.copy(), sample, 2);
        assertEquals("this run evaluated nothing: expected a run of a descent with evaluatingOn(samples)",
                assertThrows(IllegalStateException.class, () -> history.evaluation(0)).getMessage());
        TrainingHistory evaluated = descent.evaluatingOn(List.of(sample)).train(network.copy(), sample, 2);
        assertRejected("k must be between 0 and 2, but was 3", () -> evaluated.evaluation(3));
    }

    @Test
    void updatedParametersOfNothing() {
        BackwardPass backward = network.backward(network.forward(sample));
        assertRejected("gradients must not be null", () -> descent.updated(null, "w1"));
        assertRejected("parameter must not be null", () -> descent.updated(backward, null));
        assertRejected("unknown weight 'w9': expected w1 to w8", () -> descent.updated(backward, "w9"));
        assertRejected("unknown weight or bias 'x': expected a weight name (w1, w2, …) or a bias name (b1, b2, … "
                + "or b_h1, b_o1, …)", () -> descent.updated(backward, "x"));
    }

    @Test
    void errorBeforeTheFirstEpochIsAnEvaluation() {
        TrainingHistory run = GradientDescent.withLearningRate(1).train(network.copy(), List.of(sample, sample), 2);
        assertRejected("k must be between 1 and 2 (epochs: a run on 2 samples measures its mean error during each "
                + "epoch, from epoch 1; the error before training is evaluation(0), with "
                + "descent.evaluatingOn(samples)), but was 0", () -> run.error(0));
    }
}
