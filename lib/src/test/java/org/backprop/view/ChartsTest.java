package org.backprop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.backprop.data.WorkedExample;
import org.backprop.nn.Activation;
import org.backprop.nn.Bias;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Network;
import org.backprop.nn.Sample;
import org.backprop.nn.TrainingDivergedException;
import org.backprop.nn.TrainingHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.knowm.xchart.XYSeries;

/** Error charts: a PNG on a log axis, drawn through at most about 1,000 points. */
class ChartsTest {

    private static TrainingHistory mazur(int iterations, int snapshots) {
        WorkedExample mazur = WorkedExample.mazur();
        return mazur.descent().train(mazur.network(), mazur.sample(), iterations, snapshots);
    }

    /** The names of the lines a chart's legend lists. */
    static List<String> legend(ChartView chart) {
        return chart.chart().getSeriesMap().values().stream().filter(XYSeries::isShowInLegend)
                .map(XYSeries::getName).toList();
    }

    @Test
    void errorChartIsAPngOnALinearAxisWhenTheErrorsSpanLessThanTwoDecades() throws Exception {
        ChartView chart = Charts.error(mazur(3, 0));

        byte[] png = Base64.getDecoder().decode(chart.toMimeBundle().get("image/png"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(720, image.getWidth());
        assertEquals(400, image.getHeight());
        assertEquals(List.of("image/png", "text/plain"), List.copyOf(chart.toMimeBundle().keySet()));
        assertEquals("""
                Error per iteration (iteration → E_total)
                  E_total: 4 points, 0.298371109 at 0 → 0.275943289 at 3""", chart.toText());
    }

    @Test
    void longRunIsDrawnThroughFewerPointsFromFirstToLast() {
        TrainingHistory history = mazur(10_000, 0);
        ChartView chart = Charts.error(history);
        XYSeries series = chart.chart().getSeriesMap().get("E_total");
        double[] x = series.getXData();
        double[] y = Arrays.stream(series.getYData()).map(log -> Math.pow(10, log)).toArray();
        assertTrue(chart.toText().startsWith("Error per iteration (iteration → E_total, log scale)"));
        assertEquals("E_total", String.join(",", legend(chart)));
        assertEquals(Math.log10(history.error(0)), series.getYData()[0], "a log axis holds log₁₀ E");

        assertEquals(101 + 990, x.length, "iterations 0 … 100, then every 10th up to 10,000");
        assertEquals(0, x[0]);
        assertEquals(history.error(0), y[0], 1e-15);
        assertEquals(10_000, x[x.length - 1]);
        assertEquals(history.error(10_000), y[y.length - 1], 1e-15);
        assertEquals(history.error(5_000), y[101 + 490 - 1], 1e-15, "iteration 5,000 is drawn with its own error");
    }

    @Test
    void severalRunsGiveOneSeriesEachWithALegend() {
        WorkedExample frozen = WorkedExample.mazur();
        WorkedExample learning = WorkedExample.mazur();
        Map<String, TrainingHistory> runs = new LinkedHashMap<>();
        runs.put("biases frozen", frozen.descent().train(frozen.network(), frozen.sample(), 100));
        runs.put("biases learn", learning.descent().updatingBiases().train(learning.network(), learning.sample(), 100));

        ChartView chart = Charts.errors(runs);

        assertEquals(List.of("biases frozen", "biases learn"), legend(chart));
        assertTrue(chart.chart().getStyler().isLegendVisible());
        assertFalse(Charts.error(runs.get("biases frozen")).chart().getStyler().isLegendVisible());
        assertTrue(chart.toText().contains("\n  biases learn: 101 points, 0.298371109 at 0 → "), chart.toText());
    }

    @Test
    void anErrorOfExactlyZeroGetsALinearAxis() {
        // out = w·1 with target 1 and η = 1: one step takes w from 0 to 1 and E to exactly 0.
        Network line = Network.withInputs(1).layer(1, Activation.IDENTITY, Bias.NONE).build();
        TrainingHistory history = GradientDescent.withLearningRate(1)
                .train(line, new Sample(new double[] {1}, new double[] {1}), 2);
        assertEquals(0.0, history.error(1));

        ChartView chart = Charts.error(history);

        assertEquals("""
                Error per iteration (iteration → E_total)
                  E_total: 3 points, 0.5 at 0 → 0 at 2""", chart.toText());
    }

    @Test
    void weightChartHasOneSeriesPerWeight() {
        XYSeries w5 = Charts.weights(mazur(3, 3)).chart().getSeriesMap().get("w5");

        assertEquals(List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"), legend(Charts.weights(mazur(3, 3))));
        assertEquals(List.of(0.4, 0.35891648, 0.317353862, 0.275360214),
                Arrays.stream(w5.getYData()).map(v -> Math.round(v * 1e9) / 1e9).boxed().toList());
    }

    @Test
    void aLineThatAnotherRunsOnTopOfIsDrawnWider() {
        ChartView chart = Charts.activations(Activation.SIGMOID, Activation.RELU, Activation.LEAKY_RELU);
        Map<String, XYSeries> series = chart.chart().getSeriesMap();
        assertEquals(2f, series.get("sigmoid").getLineWidth());
        assertEquals(5f, series.get("ReLU").getLineWidth(), "leaky ReLU runs on top of ReLU for net > 0");
        assertEquals(2f, series.get("leaky ReLU").getLineWidth());
        assertEquals(-5.0, chart.chart().getStyler().getXAxisMin(), "ticks −5 … 5, 0 among them");
        assertEquals(5.0, chart.chart().getStyler().getXAxisMax());
    }

    @Test
    void aDivergingRunLeavesTheChartAtItsTopAndTheTextSaysWhere() {
        Network line = Network.withInputs(1).layer(1, Activation.IDENTITY, Bias.NONE).build();
        Sample sample = new Sample(new double[] {1}, new double[] {1});
        Map<String, TrainingHistory> runs = new LinkedHashMap<>();
        runs.put("η = 0.5", GradientDescent.withLearningRate(0.5).train(line, sample, 5));
        runs.put("η = 1000", assertThrows(TrainingDivergedException.class, () -> GradientDescent
                .withLearningRate(1000).train(line, sample, 500)).history().orElseThrow());
        ChartView chart = Charts.errors(runs);
        assertEquals(Math.log10(5), chart.chart().getStyler().getYAxisMax(), 1e-12, "the axis ends at 5, ten times 0.5");
        assertTrue(chart.toText().lines().anyMatch(text -> text.startsWith("  η = 1000: ")
                && text.endsWith(" (above the chart from 1 on)")), chart.toText());
    }

    @Test
    void anErrorCurveOnALinearAxisHoweverManyDecades() {
        TrainingHistory history = mazur(10_000, 0);
        ChartView chart = Charts.errorOnLinearAxis(history);
        assertEquals(history.error(0), chart.chart().getSeriesMap().get("E_total").getYData()[0]);
        assertEquals("Error per iteration (iteration → E_total)", chart.toText().lines().findFirst().orElseThrow());
        assertEquals("history must not be null",
                assertThrows(IllegalArgumentException.class, () -> Charts.errorOnLinearAxis(null)).getMessage());
    }

    @Test
    void badInput() {
        assertEquals("history must keep snapshots to chart weights: expected at least 1 kept iteration, "
                        + "but the run kept 0 (train with snapshots > 0)",
                assertThrows(IllegalArgumentException.class, () -> Charts.weights(mazur(3, 0))).getMessage());
        assertEquals("runs must hold at least 1 training history, but was empty",
                assertThrows(IllegalArgumentException.class, () -> Charts.errors(Map.of())).getMessage());
        assertEquals("history must not be null",
                assertThrows(IllegalArgumentException.class, () -> Charts.error(null)).getMessage());
    }

    private static String refusal(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    /** Labels and lines are checked here, before XChart sees them, with the parameter named. */
    @Test
    void linesNeedNonBlankLabelsAndValues() {
        Map<String, TrainingHistory> unnamed = new LinkedHashMap<>();
        unnamed.put(null, mazur(3, 3));
        Map<String, TrainingHistory> empty = Map.of("", mazur(3, 3));
        Map<String, TrainingHistory> blank = Map.of(" ", mazur(3, 3));
        Map<String, TrainingHistory> missing = new LinkedHashMap<>();
        missing.put("Mazur", null);
        String label = "runs must name each line with a non-blank label (the legend shows it), but held the label ";
        for (Map<String, TrainingHistory> runs : List.of(unnamed, empty, blank, missing)) {
            String expected = runs == unnamed ? label + "null" : runs == missing ? "runs['Mazur'] must not be null"
                    : label + "'" + runs.keySet().iterator().next() + "'";
            assertEquals(expected, refusal(() -> Charts.errors(runs)));
            assertEquals(expected, refusal(() -> Charts.traced(runs, "w5")));
        }
        assertEquals("runs must not be null", refusal(() -> Charts.errors(null)));
        assertEquals("runs must not be null", refusal(() -> Charts.traced(null, "w5")));

        double[] x = {1, 10};
        assertEquals("lines must name each line with a non-blank label (the legend shows it), but held the label ''",
                refusal(() -> Charts.logLog("t", "x", "y", x, Map.of("", new double[] {1, 2}))));
        Map<String, double[]> noLine = new LinkedHashMap<>();
        noLine.put("a", null);
        assertEquals("lines['a'] must not be null", refusal(() -> Charts.logLog("t", "x", "y", x, noLine)));
    }

    @Test
    void eachActivationOnce() {
        String expected = "activations[2] repeats activations[0] (sigmoid): expected each activation once, as each "
                + "gets its own line";
        Activation[] repeated = {Activation.SIGMOID, Activation.TANH, Activation.SIGMOID};
        assertEquals(expected, refusal(() -> Charts.activations(repeated)));
        assertEquals(expected, refusal(() -> Charts.derivatives(repeated)));
        assertEquals("activations[1] must not be null",
                refusal(() -> Charts.activations(Activation.RELU, null)));
        assertEquals("activations must hold at least 1 activation, but was empty", refusal(Charts::activations));
    }

    /** A forward value from iteration 0, a derivative from the step each iteration took. */
    @Test
    void tracedQuantitiesFollowTheSnapshots() {
        TrainingHistory run = mazur(5, 5);
        Map<String, TrainingHistory> runs = Map.of("Mazur", run);
        XYSeries out = Charts.traced(runs, "out_o1").chart().getSeriesMap().get("Mazur");
        assertEquals(6, out.getXData().length);
        assertEquals(run.snapshot(1).before().get("out_o1"), out.getYData()[0]);
        assertEquals(run.snapshot(5).after().get("out_o1"), out.getYData()[5]);
        XYSeries gradient = Charts.traced(runs, "dE/dw5").chart().getSeriesMap().get("Mazur");
        assertEquals(5, gradient.getXData().length);
        assertEquals(run.snapshot(1).gradients().get("dE/dw5"), gradient.getYData()[0]);

        assertEquals("runs['Mazur'] must be a run on 1 sample that keeps each of its iterations (train(network, "
                + "sample, n, n)), but was on 1 samples and kept 2 of 5 iterations", assertThrows(
                IllegalArgumentException.class, () -> Charts.traced(Map.of("Mazur", mazur(5, 2)), "out_o1"))
                .getMessage());
        assertEquals("runs must hold at least 1 run, but was empty",
                assertThrows(IllegalArgumentException.class, () -> Charts.traced(Map.of(), "w5")).getMessage());
        assertEquals("name must not be null",
                assertThrows(IllegalArgumentException.class, () -> Charts.traced(runs, null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Charts.traced(runs, "w99"));
    }
}
