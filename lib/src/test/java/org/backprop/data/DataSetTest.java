package org.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.backprop.nn.Sample;
import org.backprop.nn.SampleRows;
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

    /** Three images of 2 × 2 pixels, labels 2, 0, 1 of the classes a, b, c. */
    private static DataSet images() {
        byte[] pixels = {0, (byte) 255, (byte) 128, 1, 10, 20, 30, 40, (byte) 200, (byte) 201, (byte) 202, (byte) 203};
        return DataSet.images("tiny images", 2, 2, pixels, new byte[] {2, 0, 1}, List.of("a", "b", "c"));
    }

    @Test
    void numbersAreRowsThatATrainingLoopWritesIntoItsBuffers() {
        DataSet xor = DataSet.xor();
        SampleRows rows = xor;
        assertEquals(2, rows.inputSize());
        assertEquals(1, rows.targetSize());
        double[] batch = {-1, -1, -1, -1, -1};
        rows.writeInput(2, batch, 1);
        rows.writeTarget(2, batch, 3);
        assertArrayEquals(new double[] {-1, 1, 0, 1, -1}, batch);
        assertEquals(new Sample(new double[] {1, 0}, new double[] {1}), xor.get(2));
        assertEquals(List.of(), xor.classNames());
    }

    @Test
    void ownSamplesAreCopiedIntoTheDataSet() {
        double[] input = {1, 2};
        DataSet data = DataSet.of("mine", new Sample(input, new double[] {3}));
        input[0] = 99;
        assertArrayEquals(new double[] {1, 2}, data.get(0).input());
        assertEquals(DataSet.of("again", data), data, "a data set's samples make a data set");
    }

    @Test
    void imagesAreBytesScaledTo0To1WithOneHotTargets() {
        DataSet images = images();
        assertEquals(3, images.size());
        assertEquals(4, images.inputSize());
        assertEquals(3, images.targetSize());
        assertArrayEquals(new double[] {0, 1, 128 / 255.0, 1 / 255.0}, images.get(0).input());
        assertArrayEquals(new double[] {0, 0, 1}, images.get(0).target());
        assertArrayEquals(new double[] {1, 0, 0}, images.get(1).target());
        double[] batch = new double[6];
        Arrays.fill(batch, 7);
        images.writeInput(2, batch, 1);
        assertArrayEquals(new double[] {7, 200 / 255.0, 201 / 255.0, 202 / 255.0, 203 / 255.0, 7}, batch);
        images.writeTarget(2, batch, 2);
        assertArrayEquals(new double[] {7, 200 / 255.0, 0, 1, 0, 7}, batch, "every target written, not only the 1");
        assertEquals(List.of("a", "b", "c"), images.classNames());
        assertEquals(List.of(2, 0, 1), List.of(images.label(0), images.label(1), images.label(2)));
        assertEquals("DataSet[tiny images, 3 samples]", images.toString());
    }

    @Test
    void firstAndSubListAreViewsNamedAfterTheWhole() {
        DataSet images = images();
        DataSet first = images.first(2);
        assertEquals("tiny images, first 2", first.name());
        assertEquals(List.of(images.get(0), images.get(1)), first);
        DataSet last = images.subList(1, 3);
        assertEquals("tiny images, samples 1 to 2", last.name());
        assertEquals(List.of(0, 1), List.of(last.label(0), last.label(1)));
        assertEquals(images.get(2), last.get(1));
        double[] batch = new double[4];
        last.writeInput(1, batch, 0);
        assertArrayEquals(images.get(2).input(), batch);
        assertEquals(List.of("a", "b", "c"), last.classNames());

        DataSet middle = last.first(1);
        assertEquals("tiny images, samples 1 to 1", middle.name());
        assertEquals(List.of(images.get(1)), middle);
        assertEquals("tiny images, first 1", images.subList(0, 3).first(1).name());
        assertEquals("tiny images", images.first(3).name(), "all of it is the whole");
        assertEquals("DataSet[XOR, first 3, 3 samples]", DataSet.xor().first(3).toString());
        assertEquals("circle (2000 points, seed 1), samples 1,000 to 1,999", DataSet.circle(2000, 1).subList(1000, 2000).name());
    }

    @Test
    void badIndicesAreRejected() {
        DataSet xor = DataSet.xor();
        for (int x : new int[] {-1, 4, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            String message = "x must be a sample index between 0 and 3, but was " + x;
            assertRejected(message, () -> xor.get(x));
            assertRejected(message, () -> xor.writeInput(x, new double[2], 0));
            assertRejected(message, () -> xor.writeTarget(x, new double[1], 0));
            assertRejected(message.replace("and 3", "and 2"), () -> images().label(x));
        }
        assertRejected("x must be a sample index between 0 and 1, but was 2", () -> images().first(2).get(2));
        assertRejected("x must be a sample index between 0 and 0, but was 1", () -> images().subList(2, 3).label(1));
    }

    @Test
    void badBuffersAreRejected() {
        DataSet images = images();
        assertRejected("into must not be null", () -> images.writeInput(0, null, 0));
        assertRejected("into must not be null", () -> images.writeTarget(0, null, 0));
        assertRejected("into must hold at least 4 values (one sample's inputs), but held 0",
                () -> images.writeInput(0, new double[0], 0));
        assertRejected("into must hold at least 3 values (one sample's targets), but held 2",
                () -> images.writeTarget(0, new double[2], 0));
        for (int offset : new int[] {-1, 3, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertRejected("offset must be between 0 and into.length - 4 = 2, but was " + offset,
                    () -> images.writeInput(0, new double[6], offset));
        }
        assertRejected("offset must be between 0 and into.length - 3 = 0, but was 1",
                () -> images.writeTarget(1, new double[3], 1));
    }

    @Test
    void imagesHaveTheirShapeAndPixelsForPictures() {
        DataSet images = images();
        assertTrue(images.isImages());
        assertEquals(2, images.imageWidth());
        assertEquals(2, images.imageHeight());
        assertArrayEquals(new double[] {0, 1, 128 / 255.0, 1 / 255.0}, images.pixels(0));
        DataSet last = images.subList(1, 3);
        assertArrayEquals(images.pixels(2), last.pixels(1), "a view reads its own samples' pixels");
        assertEquals(2, last.imageWidth());
        double[] copy = images.pixels(1);
        copy[0] = 99;
        assertArrayEquals(new double[] {10 / 255.0, 20 / 255.0, 30 / 255.0, 40 / 255.0}, images.pixels(1),
                "pixels(x) is a new array");
        assertRejected("x must be a sample index between 0 and 2, but was 3", () -> images.pixels(3));
        assertRejected("x must be a sample index between 0 and 1, but was -1", () -> last.pixels(-1));
    }

    @Test
    void numbersHaveNoImageShape() {
        DataSet xor = DataSet.xor();
        assertFalse(xor.isImages());
        assertRejected("imageWidth() needs a data set of images, but XOR holds numbers", xor::imageWidth);
        assertRejected("imageHeight() needs a data set of images, but XOR holds numbers", xor::imageHeight);
        assertRejected("pixels(x) needs a data set of images, but circle (9 points, seed 1), first 2 holds numbers",
                () -> DataSet.circle(9, 1).first(2).pixels(0));
    }

    @Test
    void labelsOnlyForClasses() {
        assertRejected("label(x) needs a data set of classes, but XOR has none (its classNames() are empty)",
                () -> DataSet.xor().label(0));
        assertRejected("label(x) needs a data set of classes, but circle (9 points, seed 1), first 2 has none "
                + "(its classNames() are empty)", () -> DataSet.circle(9, 1).first(2).label(0));
    }

    @Test
    void badRangesAreRejected() {
        DataSet xor = DataSet.xor();
        for (int n : new int[] {0, -1, 5, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertRejected("n must be between 1 and size() = 4, but was " + n, () -> xor.first(n));
        }
        for (int from : new int[] {-1, 4, Integer.MAX_VALUE}) {
            assertRejected("from must be a sample index between 0 and 3, but was " + from, () -> xor.subList(from, 4));
        }
        assertRejected("to must be between from + 1 = 3 and size() = 4, but was 2", () -> xor.subList(2, 2));
        assertRejected("to must be between from + 1 = 3 and size() = 4, but was 1", () -> xor.subList(2, 1));
        assertRejected("to must be between from + 1 = 1 and size() = 4, but was 5", () -> xor.subList(0, 5));
        assertRejected("to must be between from + 1 = 4 and size() = 4, but was " + Integer.MIN_VALUE,
                () -> xor.subList(3, Integer.MIN_VALUE));
        assertRejected("to must be between from + 1 = 2 and size() = 2, but was 3", () -> xor.subList(2, 4).subList(1, 3));
    }

    @Test
    void moreValuesThanAnArrayHoldsAreRejected() {
        Sample one = sample(new double[] {1, 2}, 3);
        List<Sample> huge = new AbstractList<>() {
            @Override
            public Sample get(int index) {
                return one;
            }

            @Override
            public int size() {
                return Integer.MAX_VALUE;
            }
        };
        assertRejected("samples would need 4,294,967,294 input values, but one array holds at most 2,147,483,639",
                () -> DataSet.of("huge", huge));
        assertRejected("n = 2,147,483,647 points would need 4,294,967,294 input values, but one array holds at most "
                + "2,147,483,639", () -> DataSet.circle(Integer.MAX_VALUE, 1));
        assertRejected("samples[0] must not be null", () -> DataSet.of("first gap", Arrays.asList(null, one)));
    }
}
