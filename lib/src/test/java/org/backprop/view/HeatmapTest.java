package org.backprop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.backprop.data.DataSet;
import org.backprop.nn.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Heatmaps of matrices and of functions over the plane, with points: sizes, text and bad input. */
class HeatmapTest {

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void confusionMatrixWritesItsCountsAndLabels() throws Exception {
        int[][] counts = {{8, 2}, {1, 9}};
        Heatmap map = Heatmap.of(counts).withLabels(List.of("cat", "dog"), List.of("cat", "dog"))
                .withCellValues().withTitles("Confusion", "predicted", "true");

        BufferedImage image = ImagesTest.png(map);
        assertEquals(map.width(), image.getWidth());
        assertTrue(image.getWidth() <= 720, "fits the page");
        assertEquals("""
                Confusion (2 rows: true × 2 columns: predicted): values 1 … 9, colours 1 … 9
                  cat: 8 2
                  dog: 1 9""", map.toText());
        assertEquals("Heatmap (1 rows: row × 3 columns: column): values −0.5 … 2, colours −0.5 … 2".replace('−', '-'),
                Heatmap.of(new double[][] {{-0.5, 0, 2}}).toText());
        assertEquals("Heatmap (1 rows: row × 1 columns: column): values 3 … 3, colours 2 … 4",
                Heatmap.of(new double[][] {{3}}).toText(), "one value: a range around it");
    }

    @Test
    void cellsTakeTheirColourFromTheRange() throws Exception {
        BufferedImage image = ImagesTest.png(Heatmap.of(new double[][] {{0, 1}}).withRange(0, 4));
        int y = image.getHeight() / 2;
        int quarter = Drawing.ColourMap.SEQUENTIAL.at(0.25).getRGB();
        long cellWide = java.util.stream.IntStream.range(0, image.getWidth())
                .filter(x -> image.getRGB(x, y) == quarter).count();
        assertTrue(cellWide > 100, "1 on the range 0 … 4 colours a whole cell a quarter along the map: " + cellWide);
    }

    @Test
    void functionOverThePlaneWithPoints() throws Exception {
        DataSet circle = DataSet.circle(20, 7);
        Heatmap map = Heatmap.ofFunction((x, y) -> x * x + y * y, -1, 1, -2, 2, 4).withRange(0, 5)
                .withPoints(circle).withTitles("r²", "x", "y");

        BufferedImage image = ImagesTest.png(map);
        assertEquals(map.height(), image.getHeight());
        long inside = circle.stream().filter(s -> s.target()[0] == 1).count();
        assertEquals("r² (x from -1 to 1, y from -2 to 2, 4 × 4 cells): values 0.3125 … 2.8125, colours 0 … 5\n"
                + "  20 points: class 0 " + (20 - inside) + " class 1 " + inside, map.toText());
        double[][] corners = new double[1][];
        Heatmap.ofFunction((x, y) -> {
            corners[0] = corners[0] == null ? new double[] {x, y} : corners[0];
            return 0;
        }, 0, 4, 0, 2, 2);
        assertEquals(List.of(1.0, 1.5), List.of(corners[0][0], corners[0][1]), "top-left cell's centre first");
        Heatmap classes = Heatmap.ofFunction((x, y) -> x, 0, 1, 0, 1, 2)
                .withPoints(List.of(new Sample(new double[] {0.2, 0.2}, new double[] {0, 0, 1})));
        assertTrue(classes.toText().endsWith("1 points: class 2 1"), classes.toText());
    }

    @Test
    void badHeatmapsAreRejected() {
        assertRejected("values must hold at least 1 row, but was null", () -> Heatmap.of((double[][]) null));
        assertRejected("values must hold at least 1 row, but was empty", () -> Heatmap.of(new double[0][]));
        assertRejected("counts must not be null", () -> Heatmap.of((int[][]) null));
        assertRejected("counts[1] must not be null", () -> Heatmap.of(new int[][] {{1}, null}));
        assertRejected("values[1] must hold as many values as values[0] (2, between 1 and 1000), but held 1",
                () -> Heatmap.of(new double[][] {{1, 2}, {3}}));
        assertRejected("values[0] must hold as many values as values[0] (0, between 1 and 1000), but held 0",
                () -> Heatmap.of(new double[][] {{}}));
        assertRejected("values[0] must hold as many values as values[0] (0, between 1 and 1000), but was null",
                () -> Heatmap.of(new double[][] {null}));
        assertRejected("values must hold at most 1000 rows, but held 1001", () -> Heatmap.of(new double[1001][1]));
        assertRejected("values[0][1] must be a finite number, but was NaN",
                () -> Heatmap.of(new double[][] {{1, Double.NaN}}));
        assertRejected("f must not be null", () -> Heatmap.ofFunction(null, 0, 1, 0, 1, 2));
        assertRejected("xMin and xMax must be finite with xMin < xMax, but were 1.0 and 1.0",
                () -> Heatmap.ofFunction((x, y) -> 0, 1, 1, 0, 1, 2));
        assertRejected("yMin and yMax must be finite with yMin < yMax, but were 0.0 and Infinity",
                () -> Heatmap.ofFunction((x, y) -> 0, 0, 1, 0, Double.POSITIVE_INFINITY, 2));
        assertRejected("xMin and xMax must be finite with xMin < xMax, but were NaN and 1.0",
                () -> Heatmap.ofFunction((x, y) -> 0, Double.NaN, 1, 0, 1, 2));
        assertRejected("resolution must be between 2 and 1000 cells per side, but was 1",
                () -> Heatmap.ofFunction((x, y) -> 0, 0, 1, 0, 1, 1));
        assertRejected("resolution must be between 2 and 1000 cells per side, but was 1001",
                () -> Heatmap.ofFunction((x, y) -> 0, 0, 1, 0, 1, 1001));
        assertRejected("f must give finite values, but f(0.25, 0.75) = Infinity",
                () -> Heatmap.ofFunction((x, y) -> 1 / (x - 0.25), 0, 1, 0, 1, 2));

        Heatmap matrix = Heatmap.of(new int[][] {{1, 2}});
        Heatmap plane = Heatmap.ofFunction((x, y) -> x, 0, 1, 0, 1, 2);
        assertRejected("low and high must be finite with low < high, but were 1.0 and 0.0",
                () -> matrix.withRange(1, 0));
        assertRejected("low and high must be finite with low < high, but were -Infinity and 0.0",
                () -> matrix.withRange(Double.NEGATIVE_INFINITY, 0));
        assertRejected("title must not be null (\"\" for none)", () -> matrix.withTitles(null, "x", "y"));
        assertRejected("yTitle must not be null (\"\" for none)", () -> matrix.withTitles("", "x", null));
        assertRejected("rows must hold 1 labels, none null, but held 2",
                () -> matrix.withLabels(List.of("a", "b"), List.of("a", "b")));
        assertRejected("columns must hold 2 labels, none null, but was null", () -> matrix.withLabels(List.of("a"), null));
        assertRejected("columns must hold 2 labels, none null, but held a null",
                () -> matrix.withLabels(List.of("a"), Arrays.asList("a", null)));
        assertRejected("withLabels needs a matrix (Heatmap.of), but this heatmap shows a function over the plane, "
                + "whose axes are numbered", () -> plane.withLabels(List.of("a", "b"), List.of("a", "b")));
        assertRejected("withCellValues needs a matrix (Heatmap.of), but this heatmap shows a function over the plane",
                plane::withCellValues);
        assertRejected("withPoints needs a function over the plane (Heatmap.ofFunction), but this heatmap shows a "
                + "matrix", () -> matrix.withPoints(new double[1], new double[1], new int[1]));
        assertRejected("x, y and classes must not be null, but y was",
                () -> plane.withPoints(new double[1], null, new int[1]));
        assertRejected("x, y and classes must hold the same number of points (at least 1), but held 2, 1 and 2",
                () -> plane.withPoints(new double[2], new double[1], new int[2]));
        assertRejected("x, y and classes must hold the same number of points (at least 1), but held 0, 0 and 0",
                () -> plane.withPoints(new double[0], new double[0], new int[0]));
        assertRejected("point 1 must have finite coordinates, but was (NaN, 0.0)",
                () -> plane.withPoints(new double[] {0, Double.NaN}, new double[2], new int[2]));
        assertRejected("classes[0] must be between 0 and 6, but was 7",
                () -> plane.withPoints(new double[1], new double[1], new int[] {7}));
        assertRejected("classes[0] must be between 0 and 6, but was -1",
                () -> plane.withPoints(new double[1], new double[1], new int[] {-1}));
        assertRejected("samples must hold at least 1 sample, but was empty", () -> plane.withPoints(List.of()));
        assertRejected("samples must hold at least 1 sample, but was null", () -> plane.withPoints(null));
        assertRejected("samples[0] must have 2 inputs (x, y) to be drawn on the plane, but had 3",
                () -> plane.withPoints(List.of(new Sample(new double[3], new double[1]))));
    }

    @Test
    void valuesAreCopied() {
        double[][] values = {{1, 2}};
        Heatmap map = Heatmap.of(values);
        values[0][0] = 100;
        assertTrue(map.toText().contains("values 1 … 2"), map.toText());
    }
}
