package org.backprop.view;

import java.awt.Color;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart over the steps 0, 1, 2, … of something (epochs, iterations, steps back in time)
 * in the course's style: round ticks on the x axis, colour-blind-safe colours, the legend beside
 * the plot, and on a log y axis ticks labelled 10⁻⁴, 10⁰, 10⁴. XChart's own log axis labels ticks
 * only as 1E-4, so a log chart draws log₁₀ y on a linear axis whose labels read as the powers of
 * ten they stand for. The text form lists each line's first and last value.
 */
final class Lines {

    /** Okabe &amp; Ito's colour-blind-safe palette, without its yellow, which is faint on white. */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)};
    /** XChart's own least distance between ticks, in pixels. */
    private static final int DEFAULT_TICK_SPACING = 74;
    /** The fewest decades an axis must span to be labelled at whole powers of ten only. */
    private static final double MIN_DECADES = 3;
    /** About the height of the plot area of a chart of the course's size, in pixels. */
    private static final double PLOT_HEIGHT = 300;
    private static final String[] SUPERSCRIPTS = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};

    private final XYChart chart;
    private final StringBuilder text;
    private final boolean logarithmic;
    private double lowest = Double.POSITIVE_INFINITY;
    private double highest = Double.NEGATIVE_INFINITY;

    Lines(String title, String xTitle, String yTitle, boolean logarithmic) {
        this.logarithmic = logarithmic;
        chart = Charts.chart(title, xTitle, yTitle);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setSeriesColors(PALETTE);
        text = new StringBuilder(title + " (" + xTitle + " → " + yTitle + (logarithmic ? ", log scale)" : ")"));
    }

    /**
     * The points (i, y(i)) for i = 0 … n − 1; on a log axis only those whose y is greater than 0,
     * of which there must be at least one ({@code parameter} names the line in that message).
     */
    void line(String parameter, String name, int n, IntToDoubleFunction y) {
        line(parameter, name, 0, n, y);
    }

    /** The points (i, y(i)) for i = first … first + n − 1 (see {@link #line(String, String, int, IntToDoubleFunction)}). */
    void line(String parameter, String name, int first, int n, IntToDoubleFunction y) {
        double[] xs = new double[n];
        double[] ys = new double[n];
        int kept = 0;
        for (int i = first; i < first + n; i++) {
            double value = y.applyAsDouble(i);
            if (!logarithmic || value > 0) {
                xs[kept] = i;
                ys[kept++] = logarithmic ? Math.log10(value) : value;
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException(parameter + " must have at least 1 value greater than 0 to draw on "
                    + "a log axis, but all " + n + " were 0");
        }
        Charts.line(chart.addSeries(name, Arrays.copyOf(xs, kept), Arrays.copyOf(ys, kept)));
        for (int i = 0; i < kept; i++) {
            lowest = Math.min(lowest, ys[i]);
            highest = Math.max(highest, ys[i]);
        }
        text.append("\n  ").append(name).append(": ").append(kept).append(" points, ")
                .append(Decimals.of(y.applyAsDouble((int) xs[0]))).append(" at ").append((int) xs[0])
                .append(" → ").append(Decimals.of(y.applyAsDouble((int) xs[kept - 1]))).append(" at ")
                .append((int) xs[kept - 1]);
    }

    ChartView view() {
        if (logarithmic) {
            // Over three decades or more, a tick per decade at most, so that every tick is a whole
            // power of ten and there are still three of them; narrower axes keep XChart's ticks.
            double decades = highest - lowest;
            chart.getStyler().setYAxisTickMarkSpacingHint(decades < MIN_DECADES ? DEFAULT_TICK_SPACING
                    : (int) Math.max(DEFAULT_TICK_SPACING, Math.ceil(PLOT_HEIGHT / decades)));
            chart.setCustomYAxisTickLabelsFormatter(Lines::powerOfTen);
        }
        // XChart ticks x values that are all equally spaced (0, 1, 2, …) at every n-th value,
        // 0, 6, 12, …; one unlisted point between two of them lets it choose round steps.
        XYSeries spacer = chart.addSeries(" ", new double[] {0.5}, new double[] {lowest});
        spacer.setShowInLegend(false);
        spacer.setMarker(SeriesMarkers.NONE);
        return ChartView.of(chart, text.toString());
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
