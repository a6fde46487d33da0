package org.backprop.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleBinaryOperator;
import javax.imageio.ImageIO;
import org.backprop.data.WorkedExample;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Optimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The contour plot with optimizer paths, and the table of one step per optimizer. */
class OptimizerViewsTest {

    private static final DoubleBinaryOperator VALLEY = (a, b) -> 0.5 * (a * a + 25 * b * b);

    private static ContourPlot valley() {
        return ContourPlot.of("E(a, b) = ½(a² + 25b²)", VALLEY, "a", -5, 5, "b", -2, 2);
    }

    private static double[][] path(Optimizer optimizer, double rate) {
        return GradientDescent.withLearningRate(rate).using(optimizer)
                .path(w -> new double[] {w[0], 25 * w[1]}, new double[] {-4.5, 1.5}, 40);
    }

    @Test
    void levelsAreRoundAndSpacedByFactorsOnASurfaceSpanningDecades() {
        assertArrayEquals(new double[] {0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20},
                ContourPlot.levels(new double[][] {{0.001, 50}}), 1e-15);
        assertArrayEquals(new double[] {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1},
                ContourPlot.levels(new double[][] {{0.0005, 0.11}}), 1e-15);
        assertArrayEquals(new double[] {0.02, 0.04, 0.06, 0.08, 0.1},
                ContourPlot.levels(new double[][] {{0.005, 0.11}}), 1e-15);
        assertArrayEquals(new double[] {0.5, 1, 2, 5, 10, 20}, ContourPlot.levels(new double[][] {{0.2, 30}}));
        assertArrayEquals(new double[] {-4, -3, -2, -1, 0, 1, 2, 3, 4}, ContourPlot.levels(new double[][] {{-5, 5}}), 1e-12);
        assertEquals(List.of(-4.0, -2.0, 0.0, 2.0, 4.0), ContourPlot.ticks(-5, 5));
        assertEquals(List.of(-2.0, -1.0, 0.0, 1.0, 2.0), ContourPlot.ticks(-2, 2));
    }

    @Test
    void theSurfaceIsEvaluatedOncePerPixelHoweverManyPathsAreAdded() {
        AtomicInteger calls = new AtomicInteger();
        ContourPlot plot = ContourPlot.of("counted", (a, b) -> {
            calls.incrementAndGet();
            return VALLEY.applyAsDouble(a, b);
        }, "a", -5, 5, "b", -2, 2);
        int pixels = calls.get();
        plot.withPaths(Map.of("SGD", path(Optimizer.plain(), 0.07))).withPaths(Map.of()).toImage();
        assertEquals(520 * 340, pixels);
        assertEquals(pixels + 2, calls.get(), "the pixels once, and E where the path starts and ends for the text");
    }

    @Test
    void aPngWithPathsAndAColourBar() throws Exception {
        Map<String, double[][]> paths = new LinkedHashMap<>();
        paths.put("SGD", path(Optimizer.plain(), 0.07));
        paths.put("momentum", path(Optimizer.momentum(0.9), 0.02));
        paths.put("Adam", path(Optimizer.adam(), 0.3));
        ContourPlot plot = valley().withPaths(paths);
        byte[] png = Base64.getDecoder().decode(plot.toMimeBundle().get("image/png"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(720, image.getWidth());
        assertEquals(image.getHeight(), plot.toImage().getHeight());
        assertTrue(contains(image, Lines.PALETTE[0]) && contains(image, Lines.PALETTE[1])
                && contains(image, Lines.PALETTE[2]), "one colour per path");
        String text = plot.toText();
        assertTrue(text.startsWith("E(a, b) = ½(a² + 25b²) over a from -5 to 5, b from -2 to 2: values "), text);
        assertTrue(text.contains("\n  SGD: 40 steps, (-4.5, 1.5) → ("), text);
        assertTrue(text.contains("E 38.25 → "), text);
    }

    @Test
    void aPathLeavingThePlotIsCutOffAndSaidSo() {
        ContourPlot plot = valley().withPaths(Map.of("too fast", path(Optimizer.plain(), 0.09)));
        assertTrue(plot.toText().endsWith("(leaves the plotted area)"), plot.toText());
    }

    private static boolean contains(BufferedImage image, Color colour) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == colour.getRGB()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void rejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void badContourPlotsAreRefused() {
        rejected("title must not be null", () -> ContourPlot.of(null, VALLEY, "a", 0, 1, "b", 0, 1));
        rejected("e must not be null", () -> ContourPlot.of("E", null, "a", 0, 1, "b", 0, 1));
        rejected("a must not be null", () -> ContourPlot.of("E", VALLEY, null, 0, 1, "b", 0, 1));
        rejected("aFrom must be less than aTo, both finite, but was 1.0 to 1.0",
                () -> ContourPlot.of("E", VALLEY, "a", 1, 1, "b", 0, 1));
        rejected("bFrom must be less than bTo, both finite, but was NaN to 1.0",
                () -> ContourPlot.of("E", VALLEY, "a", 0, 1, "b", Double.NaN, 1));
        rejected("aFrom must be less than aTo, both finite, but was 0.0 to Infinity",
                () -> ContourPlot.of("E", VALLEY, "a", 0, Double.POSITIVE_INFINITY, "b", 0, 1));
        rejected("e must be finite over the ranges, but e(4.807692307692308E-4, 0.9985294117647059) was NaN",
                () -> ContourPlot.of("E", (a, b) -> Double.NaN, "a", 0, 0.5, "b", 0, 1));
        ContourPlot plot = valley();
        rejected("paths must not be null", () -> plot.withPaths(null));
        rejected("paths[p] must hold at least 1 point, but was empty", () -> plot.withPaths(Map.of("p", new double[0][])));
        rejected("paths[p][1] must be a point (a, b) of 2 values, but was 3 values",
                () -> plot.withPaths(Map.of("p", new double[][] {{0, 0}, {1, 2, 3}})));
        rejected("paths[p][0] must be finite, but was (NaN, 0.0)",
                () -> plot.withPaths(Map.of("p", new double[][] {{Double.NaN, 0}})));
        Map<String, double[][]> many = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            many.put("p" + i, new double[][] {{0, 0}});
        }
        rejected("paths must hold at most 7 paths (one colour each), but held 8", () -> plot.withPaths(many));
    }

    @Test
    void oneStepPerOptimizerAsTheDescentComputesIt() {
        WorkedExample mazur = WorkedExample.mazur();
        BackwardPass backward = mazur.network().backward(mazur.network().forward(mazur.sample()));
        Map<String, GradientDescent> descents = new LinkedHashMap<>();
        descents.put("SGD", mazur.descent());
        descents.put("momentum", mazur.descent().using(Optimizer.momentum(0.9)));
        descents.put("Adam", mazur.descent().atLearningRate(0.01).using(Optimizer.adam()));
        TableView table = Tables.optimizerSteps(backward, "w5", descents);
        assertEquals(List.of("optimizer", "η", "old w5", "∂E/∂w5", "state after the step", "new w5"),
                table.table().columnNames());
        assertEquals("none", table.table().stringColumn(4).get(0));
        assertEquals("v = -0.04108352", table.table().stringColumn(4).get(1));
        assertTrue(table.table().stringColumn(4).get(2).startsWith("m = 0.008216704, v = 6.75142e-06"),
                table.table().stringColumn(4).get(2));
        assertEquals(mazur.descent().updated(backward, "w5"), table.table().doubleColumn(5).get(0));
        rejected("descents must hold at least 1 descent, but was empty",
                () -> Tables.optimizerSteps(backward, "w5", Map.of()));
        rejected("parameter must not be null", () -> Tables.optimizerSteps(backward, null, descents));
        rejected("descent must step with plain gradient descent, w⁺ = w − η·∂E/∂w, but used Adam (β₁ = 0.9, "
                + "β₂ = 0.999, ε = 1.0E-8) (Tables.optimizerSteps shows its step)",
                () -> Derivation.update(backward, "w5", descents.get("Adam")));
        assertTrue(Tables.derivatives(backward, 2, descents.get("Adam")).toText().contains("new w (Adam, first step)"));
    }
}
