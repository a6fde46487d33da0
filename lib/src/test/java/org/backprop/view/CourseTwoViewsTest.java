package org.backprop.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.data.DataSet;
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

/** The views of course part 2: gradient norms, activation functions, log-log lines, data sets. */
class CourseTwoViewsTest {

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void gradientNormsHaveALinePerLayerOnALogAxis() {
        Network deep = Network.withInputs(2).layer(4, Activation.SIGMOID).layer(4, Activation.SIGMOID)
                .layer(1, Activation.SIGMOID).randomized(5);
        TrainingHistory history = GradientDescent.withLearningRate(1).train(deep, DataSet.xor(), 30);
        ChartView chart = Charts.gradientNorms(history);
        Map<String, XYSeries> series = chart.chart().getSeriesMap();
        assertEquals(List.of("layer 1", "layer 2", "layer 3"), ChartsTest.legend(chart));
        assertEquals(30, series.get("layer 1").getXData().length);
        assertEquals(1.0, series.get("layer 1").getXData()[0]);
        assertEquals(Math.log10(history.gradientNorm(30, 3)), series.get("layer 3").getYData()[29]);
        assertTrue(chart.toText().startsWith("Gradient norm per layer (epoch → ‖∂E/∂W‖, log scale)"));
    }

    @Test
    void gradientNormsNeedARunWithAnIteration() {
        Network.Builder linear = Network.withInputs(2).layer(2, Activation.IDENTITY, Bias.NONE)
                .layer(1, Activation.IDENTITY, Bias.NONE);
        Sample sample = new Sample(new double[] {2, 3}, new double[] {1});
        TrainingHistory divergedAtOnce = assertThrows(TrainingDivergedException.class,
                () -> GradientDescent.withLearningRate(1e200).train(linear.randomized(1), sample, 5)).history().orElseThrow();
        assertEquals(0, divergedAtOnce.iterations());
        assertRejected("history must hold at least 1 iteration to chart gradient norms, but held 0 "
                + "(it diverged at its first iteration)", () -> Charts.gradientNorms(divergedAtOnce));
        assertRejected("history must not be null", () -> Charts.gradientNorms(null));
        assertRejected("layer must be between 1 and 2, but was 3",
                () -> GradientDescent.withLearningRate(0.01).train(linear.randomized(1), sample, 2).gradientNorms(3));
    }

    @Test
    void errorsOfDataSetRunsArePerEpoch() {
        Network network = Network.withInputs(2).layer(2, Activation.SIGMOID).layer(1, Activation.SIGMOID).randomized(5);
        TrainingHistory history = GradientDescent.withLearningRate(1).train(network.copy(), DataSet.xor(), 3);
        assertEquals("Error per epoch (epoch → mean E_total during each epoch)",
                Charts.error(history).toText().lines().findFirst().orElseThrow());
        assertEquals(3, Charts.error(history).chart().getSeriesMap().get("E_total").getXData().length);
        TrainingHistory evaluated = GradientDescent.withLearningRate(1).evaluatingOn(DataSet.xor())
                .train(network.copy(), DataSet.xor(), 3);
        ChartView after = Charts.error(evaluated);
        assertEquals("Error per epoch (epoch → mean E_total)", after.toText().lines().findFirst().orElseThrow());
        assertArrayEquals(new double[] {0, 1, 2, 3}, after.chart().getSeriesMap().get("E_total").getXData());
    }

    @Test
    void activationsAndTheirDerivativesFromMinusFiveToFive() {
        ChartView functions = Charts.activations(Activation.SIGMOID, Activation.TANH);
        XYSeries sigmoid = functions.chart().getSeriesMap().get("sigmoid");
        assertEquals(201, sigmoid.getXData().length);
        assertEquals(-5.0, sigmoid.getXData()[0]);
        assertEquals(0.5, sigmoid.getYData()[100]);
        assertEquals(1 / (1 + Math.exp(-5)), sigmoid.getYData()[200], 1e-15);
        XYSeries slope = Charts.derivatives(Activation.SIGMOID).chart().getSeriesMap().get("sigmoid");
        assertEquals(0.25, slope.getYData()[100], 1e-15, "the sigmoid is steepest at 0, with slope ¼");
        assertEquals("Their derivatives (net → ∂out/∂net = f′(net))", Charts.derivatives(Activation.RELU).toText().lines().findFirst().orElseThrow());
        assertRejected("activations must hold at least 1 activation, but was empty", Charts::activations);
        assertRejected("activations[1] must not be null", () -> Charts.derivatives(Activation.RELU, null));
    }

    @Test
    void logLogLinesNeedPositiveValues() {
        Map<String, double[]> lines = new LinkedHashMap<>();
        lines.put("error", new double[] {1e-3, 1e-7, 1e-5});
        ChartView chart = Charts.logLog("Error by step", "h", "error", new double[] {1e-2, 1e-5, 1e-8}, lines);
        assertArrayEquals(new double[] {-2, -5, -8}, chart.chart().getSeriesMap().get("error").getXData(), 1e-12,
                "both axes hold log₁₀ of the values");
        assertEquals("""
                Error by step (h → error, log scale)
                  error: 3 points, 0.001 at 0.01 → 1e-05 at 1e-08""", chart.toText());
        lines.put("bad", new double[] {1, 0, 1});
        assertRejected("lines['bad'][1] must be a finite number greater than 0 (the axes are logarithmic), but was 0.0",
                () -> Charts.logLog("t", "x", "y", new double[] {1, 2, 3}, lines));
        assertRejected("lines['error'] must hold 2 values (one per x), but held 3",
                () -> Charts.logLog("t", "x", "y", new double[] {1, 2}, Map.of("error", new double[] {1, 2, 3})));
        assertRejected("x[0] must be a finite number greater than 0 (the axes are logarithmic), but was -1.0",
                () -> Charts.logLog("t", "x", "y", new double[] {-1}, Map.of("e", new double[] {1})));
        assertRejected("lines must hold at least 1 line, but was empty",
                () -> Charts.logLog("t", "x", "y", new double[] {1}, Map.of()));
        assertRejected("title must not be null", () -> Charts.logLog(null, "x", "y", new double[] {1}, Map.of()));
    }

    @Test
    void manyDecadesKeepUprightLabelsAtRoundStepsAndMeasuredChartsPrintNoValues() {
        double[] steps = {1e-1, 1e-5, 1e-9, 1e-13};
        ChartView wide = Charts.logLog("Error by step", "h", "error", steps, Map.of("error", new double[] {1, 2, 3, 4}));
        assertEquals(0, wide.chart().getStyler().getXAxisLabelRotation());
        assertEquals(-13.0, wide.chart().getStyler().getXAxisMin(), "the axis spans the data, 10⁻¹³ … 10⁻¹");
        assertEquals(-1.0, wide.chart().getStyler().getXAxisMax());

        ChartView measured = wide.withoutValues();
        assertEquals("""
                Error by step (h → error, log scale)
                  error: 4 points""", measured.toText());
        assertEquals(wide.toMimeBundle().get("image/png"), measured.toMimeBundle().get("image/png"));
        assertEquals(wide.chart(), measured.chart());
    }

    @Test
    void samplesTableListsInputsAndTargets() {
        TableView table = Tables.samples(DataSet.xor());
        assertEquals("XOR: 4 samples", table.table().name());
        assertEquals(List.of("sample", "i1", "i2", "target_o1"), table.table().columnNames());
        assertEquals(List.of("2", "1", "0", "1"), TextTable.row(table, "2"));
        assertFalse(table.toHtml().isEmpty());
        assertRejected("data must not be null", () -> Tables.samples(null));
    }

    @Test
    void runsOnDataSetsAreComparedByOneKindOfError() {
        Network network = Network.withInputs(2).layer(2, Activation.SIGMOID).layer(1, Activation.SIGMOID).randomized(5);
        GradientDescent descent = GradientDescent.withLearningRate(1);
        Map<String, TrainingHistory> runs = new LinkedHashMap<>();
        runs.put("during", descent.train(network.copy(), DataSet.xor(), 4));
        TableView during = Tables.runs(runs);
        assertTrue(during.toText().strip().startsWith("Runs compared (E: mean E_total during each epoch)"));
        assertEquals(runs.get("during").error(1), during.table().doubleColumn("E at start").get(0));
        assertTrue(during.table().intColumn("lowest at").get(0) >= 1, "the first error is epoch 1's");
        runs.put("after", descent.evaluatingOn(DataSet.xor()).train(network.copy(), DataSet.xor(), 4));
        String mixed = "runs must measure the same error: expected every run on a data set evaluated after each "
                + "epoch (descent.evaluatingOn(samples)), or none, but 1 of 2 were";
        assertRejected(mixed, () -> Tables.runs(runs));
        assertRejected(mixed, () -> Charts.errors(runs));
        runs.remove("during");
        assertEquals(runs.get("after").evaluation(0).meanError(),
                Tables.runs(runs).table().doubleColumn("E at start").get(0));
        assertRejected("runs must hold at least 1 training history, but was empty", () -> Tables.runs(Map.of()));
        assertRejected("runs must not be null", () -> Tables.runs(null));
    }

    @Test
    void aLargeDataSetIsNotListedSampleBySample() {
        assertRejected("data must hold at most 1000 samples to list them one per row, but circle (1001 points, "
                + "seed 1) holds 1001 (list a few: data.first(10))", () -> Tables.samples(DataSet.circle(1001, 1)));
        assertEquals(11, Tables.samples(DataSet.circle(1001, 1).first(10)).table().rowCount() + 1);
    }
}
