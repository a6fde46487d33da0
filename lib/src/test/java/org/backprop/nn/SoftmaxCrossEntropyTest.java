package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Softmax outputs and the cross-entropies (Nielsen, "Neural Networks and Deep Learning", ch. 3):
 * the values, δ = out − target where the loss cancels f′, the Jacobian where it does not, the
 * single-neuron learning slowdown, and every refusal.
 */
class SoftmaxCrossEntropyTest {

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    /** Central difference of E_total(net) with respect to net_j, the softmax applied to the whole layer. */
    private static double numericalDelta(Loss loss, Activation activation, double[] target, double[] net, int j) {
        double h = 1e-6;
        double[] plus = net.clone();
        double[] minus = net.clone();
        plus[j] += h;
        minus[j] -= h;
        return (loss.error(target, activation.apply(plus)) - loss.error(target, activation.apply(minus))) / (2 * h);
    }

    @Test
    void softmaxIsPositiveAddsUpToOneAndIgnoresAShift() {
        double[] net = {1.0, 2.0, 3.0};
        double[] out = Activation.SOFTMAX.apply(net);
        double sum = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertArrayEquals(new double[] {Math.exp(1) / sum, Math.exp(2) / sum, Math.exp(3) / sum}, out, 2e-16);
        assertEquals(1.0, out[0] + out[1] + out[2], 1e-15);
        assertArrayEquals(out, Activation.SOFTMAX.apply(new double[] {101.0, 102.0, 103.0}), 1e-15);
    }

    @Test
    void softmaxOfHugeNetsDoesNotOverflow() {
        double[] net = {1000.0, 999.0};
        assertTrue(Double.isNaN(Math.exp(1000.0) / (Math.exp(1000.0) + Math.exp(999.0))), "the naive formula overflows");
        double[] out = Activation.SOFTMAX.apply(net);
        assertEquals(1 / (1 + Math.exp(-1)), out[0], 1e-15);
        assertEquals(1 / (1 + Math.exp(1)), out[1], 1e-15);
    }

    @Test
    void crossEntropyWithSoftmaxGivesOutMinusTarget() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(8);
            double[] net = new double[n];
            double[] target = new double[n];
            for (int j = 0; j < n; j++) {
                net[j] = 6 * random.nextDouble() - 3;
            }
            target[random.nextInt(n)] = 1;
            double[] out = Activation.SOFTMAX.apply(net);
            double[] delta = Loss.CROSS_ENTROPY.outputDelta(target, net, Activation.SOFTMAX);
            for (int j = 0; j < n; j++) {
                assertEquals(out[j] - target[j], delta[j], 0.0);
                assertEquals(numericalDelta(Loss.CROSS_ENTROPY, Activation.SOFTMAX, target, net, j), delta[j], 1e-8);
            }
        }
    }

    @Test
    void binaryCrossEntropyWithSigmoidGivesOutMinusTarget() {
        double[] net = {-2.0, 0.3, 4.0};
        double[] target = {0.0, 1.0, 0.25};
        double[] out = Activation.SIGMOID.apply(net);
        double[] delta = Loss.BINARY_CROSS_ENTROPY.outputDelta(target, net, Activation.SIGMOID);
        for (int j = 0; j < net.length; j++) {
            assertEquals(out[j] - target[j], delta[j], 0.0);
            assertEquals(numericalDelta(Loss.BINARY_CROSS_ENTROPY, Activation.SIGMOID, target, net, j), delta[j], 1e-8);
        }
    }

    /** Squared error through a softmax has no cancellation: the whole Jacobian carries ∂E/∂out. */
    @Test
    void squaredErrorThroughSoftmaxUsesTheJacobian() {
        double[] net = {0.5, -1.0, 2.0, 0.0};
        double[] target = {0.0, 0.0, 1.0, 0.0};
        double[] delta = Loss.SQUARED_ERROR.outputDelta(target, net, Activation.SOFTMAX);
        for (int j = 0; j < net.length; j++) {
            assertEquals(numericalDelta(Loss.SQUARED_ERROR, Activation.SOFTMAX, target, net, j), delta[j], 1e-9);
        }
    }

    /** Only where neither a cancelling loss nor a softmax is involved is δ the product ∂E/∂out · f′. */
    @Test
    void whereDeltaIsTheProductOfItsFactors() {
        assertTrue(Loss.SQUARED_ERROR.deltaIsChainProduct(Activation.SIGMOID));
        assertTrue(!Loss.SQUARED_ERROR.deltaIsChainProduct(Activation.SOFTMAX));
        assertTrue(!Loss.CROSS_ENTROPY.deltaIsChainProduct(Activation.SOFTMAX));
        assertTrue(!Loss.BINARY_CROSS_ENTROPY.deltaIsChainProduct(Activation.SIGMOID));
        assertRejected("activation must not be null", () -> Loss.SQUARED_ERROR.deltaIsChainProduct(null));
    }

    @Test
    void crossEntropyValues() {
        assertEquals(-Math.log(0.7), Loss.CROSS_ENTROPY.error(new double[] {0, 1, 0}, new double[] {0.2, 0.7, 0.1}),
                1e-16);
        assertEquals(0.0, Loss.CROSS_ENTROPY.error(0.0, 0.0), "a target of 0 contributes nothing, even at out = 0");
        assertEquals(0.0, Loss.CROSS_ENTROPY.derivative(0.0, 0.0));
        assertEquals(-Math.log(0.9), Loss.BINARY_CROSS_ENTROPY.error(0.0, 0.1), 1e-16);
        assertEquals(-Math.log(0.9), Loss.BINARY_CROSS_ENTROPY.error(1.0, 0.9), 1e-16);
        assertEquals(0.0, Loss.BINARY_CROSS_ENTROPY.error(1.0, 1.0));
        assertEquals(1 / 0.9, Loss.BINARY_CROSS_ENTROPY.derivative(0.0, 0.1), 1e-15);
        assertEquals("cross-entropy", Loss.CROSS_ENTROPY.toString());
        assertEquals("binary cross-entropy", Loss.BINARY_CROSS_ENTROPY.toString());
        assertEquals("squared error", Loss.SQUARED_ERROR.toString());
    }

    /** Nielsen's single neuron: input 1, target 0; out = σ(w + b) is 0.82 from (0.6, 0.9) and 0.98 from (2, 2). */
    @Test
    void nielsensNeuronLearnsSlowlyUnderQuadraticCostWhenSaturated() {
        Sample sample = new Sample(new double[] {1.0}, new double[] {0.0});
        Network fast = neuron(0.6, 0.9);
        Network saturated = neuron(2.0, 2.0);
        assertEquals(0.82, fast.forward(sample).out(1, 0), 0.005);
        assertEquals(0.98, saturated.forward(sample).out(1, 0), 0.005);
        GradientDescent descent = GradientDescent.withLearningRate(0.15);
        TrainingHistory quadratic = descent.train(saturated.copy(), sample, 50);
        TrainingHistory crossEntropy = descent.train(saturated.withLoss(Loss.BINARY_CROSS_ENTROPY), sample, 50);
        double quadraticOut = quadratic.end().out(1, 0);
        double crossEntropyOut = crossEntropy.end().out(1, 0);
        assertTrue(quadraticOut > 0.95, "quadratic cost barely moves a saturated neuron: " + quadraticOut);
        assertTrue(crossEntropyOut < 0.2, "cross-entropy does not slow down: " + crossEntropyOut);
    }

    private static Network neuron(double weight, double bias) {
        return Network.withInputs(1).layer(1, Activation.SIGMOID).build().set("w1", weight).set("b_o1", bias);
    }

    /** A softmax classifier learns three separable classes in mini-batches. */
    @Test
    void trainsAClassifierInBatches() {
        Random random = new Random(3);
        List<Sample> samples = new ArrayList<>();
        for (int x = 0; x < 60; x++) {
            int label = x % 3;
            double[] target = new double[3];
            target[label] = 1;
            samples.add(new Sample(new double[] {label + 0.3 * random.nextGaussian(), random.nextGaussian()}, target));
        }
        Network network = Network.withInputs(2).layer(6, Activation.TANH).layer(3, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY).randomized(1);
        GradientDescent descent = GradientDescent.withLearningRate(0.5).withBatching(Batching.miniBatches(10))
                .evaluatingOn(samples);
        TrainingHistory history = descent.train(network, samples, 40);
        assertTrue(history.error(40) < 0.5 * history.error(1), history.error(1) + " → " + history.error(40));
        assertTrue(history.evaluation(40).accuracy() > 0.9, "accuracy " + history.evaluation(40).accuracy());
    }

    /** A layer wide enough for the threads to share its neurons still gets the softmax of its whole rows. */
    @Test
    void softmaxOfALayerSharedBetweenThreads() {
        int inputs = 30_000;
        Network network = Network.withInputs(inputs).layer(10, Activation.SOFTMAX).loss(Loss.CROSS_ENTROPY)
                .randomized(5);
        double[] input = new double[inputs];
        Random random = new Random(9);
        for (int k = 0; k < inputs; k++) {
            input[k] = random.nextGaussian();
        }
        double[] target = new double[10];
        target[3] = 1;
        ForwardPass forward = network.forward(new Sample(input, target));
        double[] net = new double[10];
        for (int j = 0; j < 10; j++) {
            net[j] = forward.net(1, j);
        }
        double[] expected = Activation.SOFTMAX.apply(net);
        for (int j = 0; j < 10; j++) {
            assertEquals(expected[j], forward.out(1, j), 0.0);
        }
        assertEquals(-Math.log(expected[3]), forward.totalError(), 1e-15);
    }

    @Test
    void refusals() {
        assertRejected("layer 1's activation must act on each neuron alone (softmax is allowed only in the output "
                        + "layer, layer 2), but was softmax",
                () -> Network.withInputs(2).layer(3, Activation.SOFTMAX).layer(2, Activation.SIGMOID).build());
        assertRejected("layer 1 must hold at least 2 neurons for softmax (over 1 neuron its out is always 1), but held 1",
                () -> Network.withInputs(2).layer(1, Activation.SOFTMAX).build());
        assertRejected("layer 1's activation must be softmax for the cross-entropy loss (its δ = out − target holds "
                        + "only there), but was sigmoid; use Loss.BINARY_CROSS_ENTROPY for sigmoid outputs",
                () -> Network.withInputs(2).layer(2, Activation.SIGMOID).loss(Loss.CROSS_ENTROPY).build());
        Network softmax = Network.withInputs(2).layer(2, Activation.SOFTMAX).build();
        assertRejected("layer 1's activation must be sigmoid for the binary cross-entropy loss (its δ = out − target "
                        + "holds only there), but was softmax; use Loss.CROSS_ENTROPY for a softmax output",
                () -> softmax.withLoss(Loss.BINARY_CROSS_ENTROPY));
        assertRejected("loss must not be null", () -> softmax.withLoss(null));
        assertRejected("activation must not be null", () -> softmax.withOutputActivation(null));
        assertRejected("layer 1's activation must be sigmoid for the binary cross-entropy loss (its δ = out − target "
                        + "holds only there), but was softmax; use Loss.CROSS_ENTROPY for a softmax output",
                () -> Network.withInputs(1).layer(2, Activation.SIGMOID).loss(Loss.BINARY_CROSS_ENTROPY).build()
                        .withOutputActivation(Activation.SOFTMAX));
        assertRejected("layer 1's activation must act on each neuron alone (softmax is allowed only in the output "
                        + "layer, layer 2), but was softmax",
                () -> Network.withInputs(2).layer(3, Activation.TANH).layer(2, Activation.SOFTMAX).build()
                        .withHiddenActivation(Activation.SOFTMAX));

        Network classifier = softmax.withLoss(Loss.CROSS_ENTROPY);
        assertRejected("sample target must add up to 1 for the cross-entropy loss (a probability for each class, "
                + "e.g. one-hot), but added up to 2.0", () -> classifier.forward(new Sample(new double[2], new double[] {1, 1})));
        assertRejected("sample target[1] must lie in [0, 1] for the cross-entropy loss, but was -0.5",
                () -> classifier.forward(new Sample(new double[2], new double[] {0.5, -0.5})));
        assertRejected("samples[1] target must add up to 1 for the cross-entropy loss (a probability for each class, "
                        + "e.g. one-hot), but added up to 0.0",
                () -> classifier.evaluate(List.of(new Sample(new double[2], new double[] {0, 1}),
                        new Sample(new double[2], new double[] {0, 0}))));
        Network neuron = neuron(0.6, 0.9).withLoss(Loss.BINARY_CROSS_ENTROPY);
        assertRejected("sample target[0] must lie in [0, 1] for the binary cross-entropy loss, but was 2.0",
                () -> neuron.forward(new Sample(new double[] {1}, new double[] {2})));

        UnsupportedOperationException scalar = assertThrows(UnsupportedOperationException.class,
                () -> Activation.SOFTMAX.apply(1.0));
        assertEquals("softmax is a function of a whole layer, out_j = e^net_j / Σₖ e^net_k, and has no value for one "
                + "net input alone: use apply(double[] net)", scalar.getMessage());
        assertRejected("net must not be null", () -> Activation.SOFTMAX.apply(null));
        assertRejected("net must hold at least 1 value, but was empty", () -> Activation.TANH.apply(new double[0]));
        assertRejected("net[1] must be a finite number, but was NaN", () -> Activation.SOFTMAX.apply(new double[] {0, Double.NaN}));
        assertRejected("net[0] must be a finite number, but was Infinity",
                () -> Activation.SOFTMAX.apply(new double[] {Double.POSITIVE_INFINITY, 0}));

        assertRejected("target must hold 2 values (one per output neuron), but held 3",
                () -> Loss.CROSS_ENTROPY.outputDelta(new double[] {1, 0, 0}, new double[] {0, 0}, Activation.SOFTMAX));
        assertRejected("activation must not be null",
                () -> Loss.CROSS_ENTROPY.outputDelta(new double[] {1, 0}, new double[] {0, 0}, null));
        assertRejected("activation must be softmax for the cross-entropy loss (its δ = out − target holds only there), "
                        + "but was tanh; use Loss.BINARY_CROSS_ENTROPY for sigmoid outputs",
                () -> Loss.CROSS_ENTROPY.outputDelta(new double[] {1, 0}, new double[] {0, 0}, Activation.TANH));
        assertRejected("target[0] must be a finite number, but was NaN",
                () -> Loss.SQUARED_ERROR.error(new double[] {Double.NaN}, new double[] {0}));
        assertRejected("out must not be null", () -> Loss.SQUARED_ERROR.error(new double[] {1}, null));
        assertRejected("target must hold at least 1 value, but was empty",
                () -> Loss.SQUARED_ERROR.error(new double[0], new double[0]));
    }
}
