package org.backprop.view;

import java.awt.Color;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.backprop.rnn.BackwardThroughTime;
import org.backprop.rnn.SequenceTraining;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Charts of recurrent networks: how far back a gradient reaches, and training runs. */
public final class RecurrentCharts {

    /** Okabe &amp; Ito's colour-blind-safe palette, without its yellow, which is faint on white. */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)};
    /** XChart's own least distance between ticks, in pixels. */
    private static final int DEFAULT_TICK_SPACING = 74;
    /** The fewest decades an axis must span to be labelled at whole powers of ten only. */
    private static final double MIN_DECADES = 3;
    /** About the height of the plot area of a chart of the course's size, in pixels. */
    private static final double PLOT_HEIGHT = 300;
    private static final String[] SUPERSCRIPTS = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};

    private RecurrentCharts() {
    }

    /**
     * ‖∂E/∂h_t‖ against the number of steps back from the last step, s = T − t, on a log axis:
     * one line per backward pass (usually {@code backwardFromLastStep()}, so that it shows how
     * the last error fades or grows on its way back). A norm of exactly 0 has no place on a log
     * axis, and is left out.
     */
    public static ChartView gradientFlow(Map<String, BackwardThroughTime> backwards) {
        View.require("backwards", backwards);
        if (backwards.isEmpty()) {
            throw new IllegalArgumentException("backwards must hold at least 1 backward pass, but was empty");
        }
        LogChart chart = new LogChart("How far back the error reaches", "steps back, s = T − t", "‖∂E/∂h_t‖");
        backwards.forEach((name, backward) -> {
            View.require("backwards['" + name + "']", backward);
            int steps = backward.forward().length();
            chart.line("backwards['" + name + "']", name, steps, s -> backward.hiddenGradientNorm(steps - s));
        });
        return chart.view();
    }

    /** E = Σ_t E_t after every epoch of several training runs, on a log axis. */
    public static ChartView errors(Map<String, SequenceTraining.Run> runs) {
        View.require("runs", runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must hold at least 1 run, but was empty");
        }
        LogChart chart = new LogChart("Error per epoch", "epoch", "E = Σ_t E_t");
        runs.forEach((name, run) -> {
            View.require("runs['" + name + "']", run);
            chart.line("runs['" + name + "']", name, run.epochs() + 1, run::error);
        });
        return chart.view();
    }

    /**
     * A chart whose y axis is logarithmic with ticks labelled 10⁻⁴, 10⁰, 10⁴: XChart's own log
     * axis labels ticks only as 1E-4, so the lines are drawn as log₁₀ y on a linear axis whose
     * labels read as the powers of ten they stand for. The text form lists the values themselves.
     */
    private static final class LogChart {
        private final XYChart chart;
        private final StringBuilder text;
        private double lowest = Double.POSITIVE_INFINITY;
        private double highest = Double.NEGATIVE_INFINITY;

        LogChart(String title, String xTitle, String yTitle) {
            chart = Charts.chart(title, xTitle, yTitle);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setSeriesColors(PALETTE);
            text = new StringBuilder(title + " (" + xTitle + " → " + yTitle + ", log scale)");
        }

        /** The points (i, y(i)) for i = 0 … n − 1 whose y is greater than 0; at least one. */
        void line(String parameter, String name, int n, IntToDoubleFunction y) {
            double[] xs = new double[n];
            double[] logs = new double[n];
            int kept = 0;
            for (int i = 0; i < n; i++) {
                double value = y.applyAsDouble(i);
                if (value > 0) {
                    xs[kept] = i;
                    logs[kept++] = Math.log10(value);
                }
            }
            if (kept == 0) {
                throw new IllegalArgumentException(parameter + " must have at least 1 value greater than 0 to draw on "
                        + "a log axis, but all " + n + " were 0");
            }
            Charts.line(chart.addSeries(name, Arrays.copyOf(xs, kept), Arrays.copyOf(logs, kept)));
            for (int i = 0; i < kept; i++) {
                lowest = Math.min(lowest, logs[i]);
                highest = Math.max(highest, logs[i]);
            }
            text.append("\n  ").append(name).append(": ").append(kept).append(" points, ")
                    .append(Decimals.of(y.applyAsDouble((int) xs[0]))).append(" at ").append((int) xs[0])
                    .append(" → ").append(Decimals.of(y.applyAsDouble((int) xs[kept - 1]))).append(" at ")
                    .append((int) xs[kept - 1]);
        }

        ChartView view() {
            // Over three decades or more, a tick per decade at most, so that every tick is a whole
            // power of ten and there are still three of them; narrower axes keep XChart's ticks.
            double decades = highest - lowest;
            chart.getStyler().setYAxisTickMarkSpacingHint(decades < MIN_DECADES ? DEFAULT_TICK_SPACING
                    : (int) Math.max(DEFAULT_TICK_SPACING, Math.ceil(PLOT_HEIGHT / decades)));
            chart.setCustomYAxisTickLabelsFormatter(RecurrentCharts::powerOfTen);
            // XChart ticks x values that are all equally spaced (0, 1, 2, …) at every n-th value,
            // 0, 6, 12, …; one unlisted point between two of them lets it choose round steps.
            XYSeries spacer = chart.addSeries(" ", new double[] {0.5}, new double[] {lowest});
            spacer.setShowInLegend(false);
            spacer.setMarker(SeriesMarkers.NONE);
            return ChartView.of(chart, text.toString());
        }
    }

    /**
     * The label of a tick at log₁₀ y = {@code exponent}: 10⁻⁴ at a whole power of ten, else
     * two significant digits times one, 3.2·10⁻⁴ (on axes that span less than a few decades).
     */
    static String powerOfTen(double exponent) {
        if (Math.abs(exponent - Math.rint(exponent)) < 1e-9) {
            return power(Math.round(exponent));
        }
        long whole = (long) Math.floor(exponent);
        return String.format(Locale.ROOT, "%.1f", Math.pow(10, exponent - whole)) + "·" + power(whole);
    }

    private static String power(long exponent) {
        StringBuilder text = new StringBuilder("10");
        if (exponent < 0) {
            text.append('⁻');
        }
        for (char digit : Long.toString(Math.abs(exponent)).toCharArray()) {
            text.append(SUPERSCRIPTS[digit - '0']);
        }
        return text.toString();
    }
}
