package org.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.backprop.nn.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DataSetTest {

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    private static Sample sample(double[] input, double... target) {
        return new Sample(input, target);
    }

    @Test
    void xorHasItsFourCases() {
        DataSet xor = DataSet.xor();
        assertEquals("XOR", xor.name());
        assertEquals(4, xor.size());
        assertArrayEquals(new double[] {0, 1}, xor.get(1).input());
        assertArrayEquals(new double[] {1}, xor.get(1).target());
        assertArrayEquals(new double[] {0}, xor.get(3).target());
        assertEquals("DataSet[XOR, 4 samples]", xor.toString());
        assertThrows(UnsupportedOperationException.class, () -> xor.add(xor.get(0)));
    }

    @Test
    void circleIsSeededAndLabelsInsideAsOne() {
        DataSet circle = DataSet.circle(200, 9);
        assertEquals(circle, DataSet.circle(200, 9));
        Random random = new Random(9);
        double x = 2 * random.nextDouble() - 1;
        double y = 2 * random.nextDouble() - 1;
        assertArrayEquals(new double[] {x, y}, circle.get(0).input());
        long inside = 0;
        for (Sample s : circle) {
            double[] p = s.input();
            assertEquals(p[0] * p[0] + p[1] * p[1] < 2 / Math.PI ? 1.0 : 0.0, s.target()[0]);
            inside += (long) s.target()[0];
        }
        assertTrue(inside > 70 && inside < 130, "about half inside: " + inside);
        assertEquals("circle (200 points, seed 9)", circle.name());
    }

    @Test
    void ownSamplesKeepTheirOrder() {
        Sample a = sample(new double[] {1, 2}, 3);
        Sample b = sample(new double[] {4, 5}, 6);
        DataSet data = DataSet.of("mine", List.of(a, b));
        assertEquals(List.of(a, b), data);
        assertEquals(data, DataSet.of("mine", a, b));
    }

    @Test
    void badDataSetsAreRejected() {
        Sample a = sample(new double[] {1, 2}, 3);
        assertRejected("name must be a non-blank text, but was ' '", () -> DataSet.of(" ", a));
        assertRejected("name must be a non-blank text, but was null", () -> DataSet.of(null, a));
        assertRejected("samples must hold at least 1 sample, but was empty", () -> DataSet.of("none"));
        assertRejected("samples must hold at least 1 sample, but was null", () -> DataSet.of("none", (List<Sample>) null));
        assertRejected("samples[1] must not be null", () -> DataSet.of("gap", Arrays.asList(a, null)));
        assertRejected("samples[1] must have 2 inputs and 1 targets like samples[0], but had 3 inputs and 1 targets",
                () -> DataSet.of("ragged", a, sample(new double[] {1, 2, 3}, 4)));
        assertRejected("n must be at least 1, but was 0", () -> DataSet.circle(0, 1));
    }
}
