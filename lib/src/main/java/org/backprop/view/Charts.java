package org.backprop.view;

import java.awt.Color;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.backprop.nn.ForwardPass;
import org.backprop.nn.TrainingHistory;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The course's charts, drawn with XChart. */
public final class Charts {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 400;
    private static final int DRAWN_POINTS = 1000;
    private static final int ALL_OF_THE_FIRST = 100;

    private Charts() {
    }

    /** E_total after each iteration of one run, on a log axis. */
    public static ChartView error(TrainingHistory history) {
        View.require("history", history);
        Map<String, TrainingHistory> runs = new LinkedHashMap<>();
        runs.put("E_total", history);
        return errors(runs);
    }

    /**
     * E_total after each iteration of several runs, one line per run named by its key, on a log
     * axis (a linear one if some error is exactly 0, which a log axis cannot show). A run of more
     * than 1,000 iterations is drawn through its first 100 iterations, every k-th after them and
     * its last, which keeps the image small and its axis ticks round; {@code run.errors()} has
     * every value.
     */
    public static ChartView errors(Map<String, TrainingHistory> runs) {
        View.require("runs", runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must hold at least 1 training history, but was empty");
        }
        boolean positive = runs.values().stream()
                .allMatch(run -> Arrays.stream(run.errors()).allMatch(e -> e > 0));
        XYChart chart = chart("Error per iteration", "iteration", "E_total");
        chart.getStyler().setYAxisLogarithmic(positive);
        chart.getStyler().setLegendVisible(runs.size() > 1);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        runs.forEach((name, run) -> {
            int[] drawn = drawnIterations(run.iterations());
            double[] iterations = new double[drawn.length];
            double[] errors = new double[drawn.length];
            for (int i = 0; i < drawn.length; i++) {
                iterations[i] = drawn[i];
                errors[i] = run.error(drawn[i]);
            }
            line(chart.addSeries(name, iterations, errors));
        });
        return ChartView.of(chart);
    }

    /** Every weight after each kept iteration of a run (iteration 0 is the start). */
    public static ChartView weights(TrainingHistory history) {
        View.require("history", history);
        List<TrainingHistory.Iteration> kept = history.snapshots();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("history must keep snapshots to chart weights: expected at "
                    + "least 1 kept iteration, but the run kept 0 (train with snapshots > 0)");
        }
        XYChart chart = chart("Weights per iteration", "iteration", "weight");
        double[] iterations = new double[kept.size() + 1];
        Arrays.setAll(iterations, k -> k);
        for (String weight : history.start().names().weightNames()) {
            double[] values = new double[iterations.length];
            values[0] = history.start().get(weight);
            for (int k = 1; k < values.length; k++) {
                ForwardPass after = kept.get(k - 1).after();
                values[k] = after.get(weight);
            }
            line(chart.addSeries(weight, iterations, values));
        }
        return ChartView.of(chart);
    }

    /** 0 … n, or for long runs 0 … 100, then every k-th iteration and the last. */
    private static int[] drawnIterations(int n) {
        if (n <= DRAWN_POINTS) {
            return IntStream.rangeClosed(0, n).toArray();
        }
        int every = (n + DRAWN_POINTS - 1) / DRAWN_POINTS;
        return IntStream.rangeClosed(0, n)
                .filter(k -> k <= ALL_OF_THE_FIRST || k % every == 0 || k == n)
                .toArray();
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("#");
        return chart;
    }

    private static void line(XYSeries series) {
        series.setMarker(SeriesMarkers.NONE);
    }
}
