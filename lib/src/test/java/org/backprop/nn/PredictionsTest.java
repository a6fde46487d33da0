package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Picks, confusion counts and the most confident mistakes, against forward passes one sample at a time. */
class PredictionsTest {

    private static final List<Sample> SAMPLES = List.of(
            new Sample(new double[] {1, 0}, new double[] {1, 0, 0}),
            new Sample(new double[] {0, 1}, new double[] {0, 1, 0}),
            new Sample(new double[] {1, 1}, new double[] {0, 0, 1}),
            new Sample(new double[] {0.5, 0}, new double[] {0, 0, 1}),
            new Sample(new double[] {0, 0.2}, new double[] {1, 0, 0}));

    private static Network network() {
        return Network.withInputs(2).layer(3, Activation.SIGMOID).layer(3, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY).randomized(5);
    }

    @Test
    void agreeWithOneForwardPassPerSample() {
        Network network = network();
        Predictions predictions = Predictions.of(network, SAMPLES);
        int[][] confusion = new int[3][3];
        int right = 0;
        for (int x = 0; x < SAMPLES.size(); x++) {
            double[] out = network.forward(SAMPLES.get(x)).outputs();
            int pick = Evaluation.classOf(out);
            assertEquals(pick, predictions.predicted(x));
            assertEquals(Evaluation.classOf(SAMPLES.get(x).target()), predictions.actual(x));
            assertEquals(out[pick], predictions.confidence(x), 1e-15);
            confusion[predictions.actual(x)][pick]++;
            right += pick == predictions.actual(x) ? 1 : 0;
        }
        assertArrayEquals(confusion, predictions.confusion());
        assertEquals(network.evaluate(SAMPLES).accuracy(), predictions.accuracy());
        assertEquals((double) right / SAMPLES.size(), predictions.accuracy());
        assertEquals(3, predictions.classes());
        int[] wrong = predictions.mostConfidentlyWrong(10);
        assertEquals(SAMPLES.size() - right, wrong.length);
        for (int i = 1; i < wrong.length; i++) {
            assertEquals(true, predictions.confidence(wrong[i - 1]) >= predictions.confidence(wrong[i]));
        }
    }

    @Test
    void oneOutputPicksASideOfOneHalf() {
        Network network = Network.withInputs(2).layer(2, Activation.SIGMOID).layer(1, Activation.SIGMOID)
                .randomized(1);
        List<Sample> xor = List.of(new Sample(new double[] {0, 1}, new double[] {1}),
                new Sample(new double[] {1, 1}, new double[] {0}));
        Predictions predictions = Predictions.of(network, xor);
        double out = network.forward(xor.get(0)).outputs()[0];
        assertEquals(out >= 0.5 ? 1 : 0, predictions.predicted(0));
        assertEquals(Math.max(out, 1 - out), predictions.confidence(0), 1e-15);
        assertEquals(2, predictions.confusion().length);
    }

    @Test
    void badArgumentsAreRejected() {
        Predictions predictions = Predictions.of(network(), SAMPLES);
        assertEquals("n must be at least 1, but was 0",
                assertThrows(IllegalArgumentException.class, () -> predictions.mostConfidentlyWrong(0)).getMessage());
        assertEquals("x must be between 0 and 4 (the samples), but was 5",
                assertThrows(IllegalArgumentException.class, () -> predictions.predicted(5)).getMessage());
        assertEquals("network must not be null",
                assertThrows(IllegalArgumentException.class, () -> Predictions.of(null, SAMPLES)).getMessage());
        assertEquals("samples must hold at least 1 sample, but was empty",
                assertThrows(IllegalArgumentException.class, () -> Predictions.of(network(), List.of())).getMessage());
    }
}
