package org.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backprop.nn.Activation;
import org.backprop.nn.Batching;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Network;
import org.backprop.nn.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The playground's data sets: their geometry without noise, their order, their seeds and their refusals. */
class PlaygroundTest {

    private interface Generator {
        DataSet make(int n, double noise, long seed);
    }

    private static final List<Generator> ALL = List.of(Playground::xor, Playground::circle, Playground::moons,
            Playground::spiral);

    @Test
    void classesAlternateAndTheSameSeedGivesTheSamePoints() {
        for (Generator generator : ALL) {
            DataSet data = generator.make(101, 0.1, 7);
            assertEquals(101, data.size());
            assertEquals(2, data.inputSize());
            assertEquals(1, data.targetSize());
            for (int x = 0; x < data.size(); x++) {
                assertEquals(x % 2, data.get(x).target()[0], data.name() + ", sample " + x);
            }
            DataSet again = generator.make(101, 0.1, 7);
            DataSet other = generator.make(101, 0.1, 8);
            for (int x = 0; x < data.size(); x++) {
                assertArrayEquals(data.get(x).input(), again.get(x).input());
            }
            assertNotEquals(data.get(0), other.get(0));
        }
        assertEquals("exclusive or (101 points, noise 0.1, seed 7)", Playground.xor(101, 0.1, 7).name());
    }

    @Test
    void withoutNoiseEachPointLiesWhereItsClassSays() {
        for (Sample s : Playground.xor(200, 0, 1)) {
            double x = s.input()[0], y = s.input()[1];
            assertTrue(Math.abs(x) >= 0.05 && Math.abs(y) >= 0.05 && Math.abs(x) <= 1 && Math.abs(y) <= 1);
            assertEquals(x * y < 0 ? 1.0 : 0.0, s.target()[0]);
        }
        for (Sample s : Playground.circle(200, 0, 1)) {
            double r = Math.hypot(s.input()[0], s.input()[1]);
            assertTrue(s.target()[0] == 1 ? r < 0.5 : r >= 0.7 && r <= 1, "radius " + r);
        }
        for (Sample s : Playground.moons(200, 0, 1)) {
            // Undo the shift and shrink: the upper moon is centred at (0, 0), the lower at (1, 0.5), radius 1.
            double x = s.input()[0] * 1.5 + 0.5, y = s.input()[1] * 1.5 + 0.25;
            double cx = s.target()[0] == 0 ? 0 : 1, cy = s.target()[0] == 0 ? 0 : 0.5;
            assertEquals(1, Math.hypot(x - cx, y - cy), 1e-12);
            assertTrue(s.target()[0] == 0 ? y >= -1e-12 : y <= 0.5 + 1e-12);
        }
        DataSet spiral = Playground.spiral(200, 0, 1);
        for (int x = 0; x < spiral.size(); x++) {
            double r = Math.hypot(spiral.get(x).input()[0], spiral.get(x).input()[1]);
            assertEquals((x / 2) / 100.0, r, 1e-12);
        }
    }

    @Test
    void noiseMovesPointsButNotTheirClasses() {
        DataSet clean = Playground.circle(50, 0, 3);
        DataSet noisy = Playground.circle(50, 0.2, 3);
        for (int x = 0; x < clean.size(); x++) {
            assertEquals(clean.get(x).target()[0], noisy.get(x).target()[0]);
        }
        assertNotEquals(clean.get(0).input()[0], noisy.get(0).input()[0]);
    }

    /** A hidden layer learns the exclusive or; no straight line could. */
    @Test
    void aSmallNetworkLearnsTheExclusiveOr() {
        DataSet xor = Playground.xor(200, 0, 1);
        Network network = Network.withInputs(2).layer(8, Activation.TANH).layer(1, Activation.SIGMOID).randomized(1);
        double accuracy = GradientDescent.withLearningRate(0.5).withBatching(Batching.miniBatches(10))
                .evaluatingOn(xor).train(network, xor, 300).evaluation(300).accuracy();
        assertTrue(accuracy > 0.95, "accuracy " + accuracy);
    }

    @Test
    void refusals() {
        for (Generator generator : ALL) {
            assertRejected("n must be at least 2 (a point of each class), but was 1", () -> generator.make(1, 0, 1));
            assertRejected("n must be at least 2 (a point of each class), but was -5", () -> generator.make(-5, 0, 1));
            assertRejected("noise must be a finite standard deviation ≥ 0, but was -0.1",
                    () -> generator.make(10, -0.1, 1));
            assertRejected("noise must be a finite standard deviation ≥ 0, but was NaN",
                    () -> generator.make(10, Double.NaN, 1));
            assertRejected("noise must be a finite standard deviation ≥ 0, but was Infinity",
                    () -> generator.make(10, Double.POSITIVE_INFINITY, 1));
        }
        assertRejected("n = 2,000,000,000 points would need 4,000,000,000 input values, but one array holds at most "
                + "2,147,483,639", () -> Playground.moons(2_000_000_000, 0, 1));
    }

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
