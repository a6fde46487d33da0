package org.backprop.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.backprop.nn.NumericalGradient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** BPTT against central differences, truncation, clipping, training and the reach of a gradient. */
class BackpropThroughTimeTest {

    private static final CharacterEncoding HELO = CharacterEncoding.ofText("hello");
    private static final Sequence HELLO = HELO.nextCharacter("hello");

    /** A random sequence of random sizes: inputs of any value, one-hot targets. */
    private static Sequence randomSequence(Random random, int length, int inputs, int outputs) {
        double[][] x = new double[length][inputs];
        double[][] target = new double[length][outputs];
        for (int t = 0; t < length; t++) {
            for (int k = 0; k < inputs; k++) {
                x[t][k] = 2 * random.nextDouble() - 1;
            }
            target[t][random.nextInt(outputs)] = 1;
        }
        return Sequence.of(x, target);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyParameterMatchesCentralDifferences(long seed) {
        Random random = new Random(seed);
        int inputs = 1 + random.nextInt(4);
        int hidden = 1 + random.nextInt(5);
        int outputs = 2 + random.nextInt(3);
        Sequence sequence = randomSequence(random, 1 + random.nextInt(7), inputs, outputs);
        ElmanNetwork network = ElmanNetwork.initialized(inputs, hidden, outputs, seed)
                .with(Parameter.b_h, randomColumn(random, hidden)).with(Parameter.b_y, randomColumn(random, outputs));

        ElmanGradient backprop = network.forward(sequence).backward().gradient();
        ElmanGradient numerical = ElmanGradient.numerical(network, sequence, NumericalGradient.central(1e-5));

        for (Parameter p : Parameter.values()) {
            for (int j = 0; j < backprop.rows(p); j++) {
                for (int k = 0; k < backprop.columns(p); k++) {
                    double a = backprop.get(p, j, k);
                    double b = numerical.get(p, j, k);
                    // Relative error 1e-6, or an absolute 1e-10 — the round-off of E/h — for entries near 0.
                    assertTrue(Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b)) + 1e-10,
                            () -> p + " backprop " + a + ", numerical " + b);
                }
            }
        }
    }

    private static double[][] randomColumn(Random random, int rows) {
        double[][] column = new double[rows][1];
        for (double[] row : column) {
            row[0] = random.nextDouble() - 0.5;
        }
        return column;
    }

    @Test
    void helloGradientIsWithinOneMillionthOfTheNumericalOne() {
        ElmanNetwork network = ElmanNetwork.initialized(4, 3, 4, 1);
        ElmanGradient backprop = network.forward(HELLO).backward().gradient();
        ElmanGradient numerical = ElmanGradient.numerical(network, HELLO, NumericalGradient.central(1e-5));
        assertTrue(backprop.maxRelativeError(numerical) < 1e-6, () -> "" + backprop.maxRelativeError(numerical));
    }

    @Test
    void perStepTermsAddUpToTheGradientAndTheFirstRecurrentTermIsZero() {
        BackwardThroughTime backward = ElmanNetwork.initialized(4, 3, 4, 1).forward(HELLO).backward();
        for (Parameter p : Parameter.values()) {
            double[][] sum = new double[backward.gradient().rows(p)][backward.gradient().columns(p)];
            for (int t = 1; t <= HELLO.length(); t++) {
                double[][] term = backward.contribution(t).get(p);
                for (int j = 0; j < sum.length; j++) {
                    for (int k = 0; k < sum[j].length; k++) {
                        sum[j][k] += term[j][k];
                    }
                }
            }
            assertArrayEquals(backward.gradient().get(p), sum, p.toString());
        }
        // h_0 = 0, so step 1 adds nothing to ∂E/∂W_hh = Σ_t δnet_t h_{t−1}ᵀ.
        assertEquals(0, sumOfSquares(backward.contribution(1).get(Parameter.W_hh)));
        assertTrue(sumOfSquares(backward.contribution(2).get(Parameter.W_hh)) > 0);
    }

    private static double sumOfSquares(double[][] matrix) {
        double sum = 0;
        for (double[] row : matrix) {
            for (double value : row) {
                sum += value * value;
            }
        }
        return sum;
    }

    @Test
    void deltasFollowTheRecursion() {
        ForwardThroughTime forward = ElmanNetwork.initialized(4, 3, 4, 2).forward(HELLO);
        BackwardThroughTime backward = forward.backward();
        for (int t = 1; t <= 4; t++) {
            double[] y = forward.y(t);
            double[] target = forward.target(t);
            for (int j = 0; j < 4; j++) {
                assertEquals(y[j] - target[j], backward.deltaY(t)[j], 1e-15);
            }
            double[] h = forward.h(t);
            for (int j = 0; j < 3; j++) {
                assertEquals(backward.deltaH(t)[j] * (1 - h[j] * h[j]), backward.deltaNet(t)[j], 1e-15);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 100})
    void truncationOfAtLeastTheLengthIsFullBptt(int k) {
        ForwardThroughTime forward = ElmanNetwork.initialized(4, 3, 4, 3).forward(HELLO);
        ElmanGradient full = forward.backward().gradient();
        ElmanGradient truncated = forward.backward(k).gradient();
        for (Parameter p : Parameter.values()) {
            assertArrayEquals(full.get(p), truncated.get(p), p.toString());
        }
    }

    @Test
    void truncationCutsTheFlowAtMultiplesOfK() {
        ForwardThroughTime forward = ElmanNetwork.initialized(4, 3, 4, 3).forward(HELLO);
        BackwardThroughTime full = forward.backward();
        BackwardThroughTime cut = forward.backward(2);
        // Steps 3 and 4 form the last piece: the same as in full BPTT.
        assertArrayEquals(full.deltaH(4), cut.deltaH(4));
        assertArrayEquals(full.deltaH(3), cut.deltaH(3));
        // At step 2, δh_2 holds only W_hyᵀ δy_2: what came back from step 3 is cut.
        assertArrayEquals(forward.backward(1).deltaH(2), cut.deltaH(2));
        assertNotEquals(full.deltaH(2)[0], cut.deltaH(2)[0]);
        assertEquals(2, cut.truncation());
        assertEquals(4, forward.backward(9).truncation());
    }

    @Test
    void clippingScalesToTheThresholdAndKeepsTheDirection() {
        ElmanGradient gradient = ElmanNetwork.initialized(4, 3, 4, 1).forward(HELLO).backward().gradient();
        double norm = gradient.norm();
        ElmanGradient clipped = gradient.clipped(norm / 4);
        assertEquals(norm / 4, clipped.norm(), 1e-12 * norm);
        for (Parameter p : Parameter.values()) {
            for (int j = 0; j < gradient.rows(p); j++) {
                for (int k = 0; k < gradient.columns(p); k++) {
                    assertEquals(gradient.get(p, j, k) / 4, clipped.get(p, j, k), 1e-15);
                }
            }
        }
        assertSame(gradient, gradient.clipped(norm));
        assertSame(gradient, gradient.clipped(2 * norm));
    }

    @Test
    void trainingOnHelloReproducesIt() {
        SequenceTraining.Run run = SequenceTraining.withLearningRate(0.1)
                .train(ElmanNetwork.initialized(4, 3, 4, 1), HELLO, 200);
        assertEquals("ello", run.network().forward(HELLO).predictions());
        assertEquals("hello", run.network().generate(HELO, 'h', 4));
        assertTrue(run.error(200) < run.error(0) / 10, run::toString);
        assertEquals("hooo", run.start().forward(HELLO).predictions());
    }

    @Test
    void samplingIsSeeded() {
        ElmanNetwork network = ElmanNetwork.initialized(4, 3, 4, 1);
        assertEquals(network.sample(HELO, 'h', 20, 7), network.sample(HELO, 'h', 20, 7));
        assertEquals(21, network.sample(HELO, 'h', 20, 7).length());
    }

    @Test
    void smallRecurrentWeightsVanishAndLargeOnesExplode() {
        String text = "hello".repeat(10) + "h";
        Sequence sequence = HELO.nextCharacter(text);
        ElmanNetwork network = ElmanNetwork.initialized(4, 32, 4, 1);
        BackwardThroughTime small = network.scaled(Parameter.W_hh, 0.5).forward(sequence).backwardFromLastStep();
        BackwardThroughTime large = network.scaled(Parameter.W_hh, 3).forward(sequence).backwardFromLastStep();
        int last = sequence.length();
        assertTrue(small.hiddenGradientNorm(1) < 1e-15 * small.hiddenGradientNorm(last));
        assertTrue(large.hiddenGradientNorm(1) > 1e4 * large.hiddenGradientNorm(last));
        // From the last step only: no output delta before it.
        assertArrayEquals(new double[4], small.deltaY(last - 1));
    }

    @Test
    void clippingTamesTheExplodingNetwork() {
        String text = "hello".repeat(10) + "h";
        Sequence sequence = HELO.nextCharacter(text);
        ElmanNetwork exploding = ElmanNetwork.initialized(4, 32, 4, 1).scaled(Parameter.W_hh, 3);
        SequenceTraining plain = SequenceTraining.withLearningRate(0.1);
        SequenceTraining.Run unclipped = plain.train(exploding, sequence, 100);
        SequenceTraining.Run clipped = plain.clippedAt(10).train(exploding, sequence, 100);
        assertTrue(unclipped.error(100) > unclipped.error(0));
        assertTrue(clipped.error(100) < 0.01 * clipped.error(0));
        assertEquals(text.substring(1), clipped.network().forward(sequence).predictions());
    }

    @Test
    void networksAreImmutable() {
        ElmanNetwork network = ElmanNetwork.initialized(4, 3, 4, 1);
        double before = network.get(Parameter.W_hh, 0, 0);
        network.with(Parameter.W_hh, 0, 0, 5);
        network.get(Parameter.W_hh)[0][0] = 7;
        SequenceTraining.withLearningRate(0.5).train(network, HELLO, 3);
        assertEquals(before, network.get(Parameter.W_hh, 0, 0));
        assertEquals(5, network.with(Parameter.W_hh, 0, 0, 5).get(Parameter.W_hh, 0, 0));
        assertEquals(2 * before, network.scaled(Parameter.W_hh, 2).get(Parameter.W_hh, 0, 0));
    }

    @Test
    void forwardPassFollowsTheEquations() {
        double[][] wxh = {{0.5}};
        double[][] whh = {{-1.5}};
        double[][] why = {{2}, {-2}};
        ElmanNetwork network = ElmanNetwork.of(wxh, whh, new double[] {0.1}, why, new double[] {0, 0.3});
        Sequence sequence = Sequence.of(new double[][] {{1}, {-1}}, new double[][] {{1, 0}, {0, 1}});
        ForwardThroughTime pass = network.forward(sequence);
        double h1 = Math.tanh(0.5 + 0.1);
        double h2 = Math.tanh(-0.5 - 1.5 * h1 + 0.1);
        assertEquals(h1, pass.h(1)[0], 1e-15);
        assertEquals(h2, pass.h(2)[0], 1e-15);
        assertArrayEquals(new double[] {0}, pass.h(0));
        double p = 1 / (1 + Math.exp(-4 * h2 + 0.3));
        assertEquals(1 - p, pass.y(2)[1], 1e-15);
        assertEquals(-Math.log(1 - p), pass.error(2), 1e-14);
        assertEquals(pass.error(1) + pass.error(2), pass.totalError(), 1e-15);
        assertArrayEquals(new double[] {0.5 + 0.1}, pass.netH(1), 1e-15);
        assertEquals("0 1", pass.predictions());
    }
}
