package org.backprop.view;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart in the course's style, the one place that decides how a chart looks: ticks at
 * round 1-2-5 steps chosen by {@link Ticks} (0 among them when an axis crosses it, at least
 * three labels), log axes labelled 10⁻⁴, 10⁰, 10⁴, Okabe–Ito colours, the legend beside the
 * plot, and a line that a later one runs on top of drawn wider, so that neither hides the
 * other. XChart's own log axis labels ticks 1E-4 and its own ticks skip to every n-th value of
 * evenly spaced data (0, 44, 88), so a log axis here holds log₁₀ of the values on a linear axis
 * labelled as the powers of ten they stand for, and the ticks are this class's. The text form
 * lists each line's first and last point.
 */
final class Lines {

    /** Okabe &amp; Ito's colour-blind-safe palette, without its yellow, which is faint on white. */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)};
    /** The palette with the yellow, for an eighth line (the worked example's eight weights). */
    private static final Color[] EIGHT = Arrays.copyOf(PALETTE, PALETTE.length + 1);

    static {
        EIGHT[PALETTE.length] = new Color(0xF0E442);
    }

    /** How much larger than the smallest value the largest must be for a log axis to help: two decades. */
    static final double LOG_RATIO = 100;
    private static final int WIDTH = 720;
    private static final int HEIGHT = 400;
    private static final float LINE_WIDTH = 2f;
    /** How much wider a line is drawn than one that runs on top of it, in pixels. */
    private static final float WIDER = 3f;
    /** Past three lines on top of each other, widths would only blot out the plot: they stop here. */
    private static final float WIDEST = LINE_WIDTH + 2 * WIDER;
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS};
    /** A line runs on top of another where they are closer than this share of the y axis. */
    private static final double CLOSE = 0.005;
    /** … over more than this share of its points. */
    private static final double MOSTLY = 0.25;
    /** The least distance between two y ticks, in pixels. */
    private static final int Y_TICK_SPACING = 40;
    /** Per character of the widest x tick label, and the least room between two x ticks, in pixels. */
    private static final int X_PIXELS_PER_CHARACTER = 9;
    private static final int X_TICK_SPACING = 48;
    /** The most ticks an axis may get, however long it is. */
    private static final int MOST_TICKS = 12;

    private record Line(String name, double[] x, double[] y, double[] raw, double[] rawX) {
    }

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final boolean logarithmicX;
    private final boolean logarithmic;
    private final List<Line> lines = new ArrayList<>();
    private boolean markers;
    /** Whether every x is a whole step (an iteration, an epoch), so that no tick falls between two. */
    private boolean wholeSteps = true;
    private double ceiling = Double.POSITIVE_INFINITY;

    /** A chart whose y axis is logarithmic or not; x is linear. */
    Lines(String title, String xTitle, String yTitle, boolean logarithmic) {
        this(title, xTitle, yTitle, false, logarithmic);
    }

    Lines(String title, String xTitle, String yTitle, boolean logarithmicX, boolean logarithmic) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.logarithmicX = logarithmicX;
        this.logarithmic = logarithmic;
    }

    /** Whether values from smallest to largest call for a log axis: all positive, spanning over two decades. */
    static boolean spansDecades(double smallest, double largest) {
        return smallest > 0 && largest / smallest > LOG_RATIO;
    }

    /** Draws a marker at every point (for measurements at a few chosen x). */
    Lines withMarkers() {
        markers = true;
        return this;
    }

    /**
     * Ends the y axis at {@code top} (in the values' units) if the lines rise above it: for a run
     * that diverges, so that the others keep their room. The text form names the lines that
     * leave the chart.
     */
    Lines ceiling(double top) {
        ceiling = top;
        return this;
    }

    /**
     * The points (i, y(i)) for i = 0 … n − 1 (see {@link #points}).
     */
    void line(String parameter, String name, int n, IntToDoubleFunction y) {
        line(parameter, name, 0, n, y);
    }

    /** The points (i, y(i)) for i = first … first + n − 1 (see {@link #points}). */
    void line(String parameter, String name, int first, int n, IntToDoubleFunction y) {
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = first + i;
            ys[i] = y.applyAsDouble(first + i);
        }
        points(parameter, name, xs, ys);
    }

    /**
     * The points (x[i], y[i]), of which a log axis shows those greater than 0, and every axis
     * those that are finite; at least one must be left ({@code parameter} names the line in that
     * message).
     */
    void points(String parameter, String name, double[] x, double[] y) {
        wholeSteps &= !logarithmicX && Arrays.stream(x).allMatch(value -> value == Math.rint(value));
        double[] keptX = new double[x.length];
        double[] keptY = new double[x.length];
        double[] rawX = new double[x.length];
        double[] rawY = new double[x.length];
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            if (shown(x[i], logarithmicX) && shown(y[i], logarithmic)) {
                rawX[kept] = x[i];
                rawY[kept] = y[i];
                keptX[kept] = logarithmicX ? Math.log10(x[i]) : x[i];
                keptY[kept++] = logarithmic ? Math.log10(y[i]) : y[i];
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException(parameter + " must have at least 1 " + (logarithmic
                    ? "finite value greater than 0 to draw on a log axis" : "finite value to draw")
                    + ", but none of its " + x.length + " was");
        }
        lines.add(new Line(name, Arrays.copyOf(keptX, kept), Arrays.copyOf(keptY, kept),
                Arrays.copyOf(rawY, kept), Arrays.copyOf(rawX, kept)));
    }

    ChartView view() {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendVisible(lines.size() > 1 || !lines.get(0).name().equals(yTitle));
        chart.getStyler().setSeriesColors(EIGHT);
        double top = logarithmic ? Math.log10(ceiling) : ceiling;
        double[] xRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Line line : lines) {
            extend(xRange, line.x());
            extend(yRange, line.y());
        }
        yRange[1] = Math.min(yRange[1], Math.max(top, yRange[0]));
        float[] widths = widths(yRange[1] - yRange[0]);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            XYSeries series = chart.addSeries(line.name(), line.x(), line.y());
            series.setLineWidth(widths[i]);
            series.setMarker(markers ? MARKERS[i % MARKERS.length] : SeriesMarkers.NONE);
        }
        // XChart ticks evenly spaced data (x = 0, 1, 2, …) at every n-th value instead of round
        // steps; one unlisted point off that grid, drawn as nothing, keeps it on round steps.
        XYSeries spacer = chart.addSeries(" ", new double[] {xRange[0] + (xRange[1] - xRange[0]) / Math.PI},
                new double[] {yRange[0] + (yRange[1] - yRange[0]) / Math.E});
        spacer.setShowInLegend(false);
        spacer.setMarker(SeriesMarkers.NONE);
        // The ticks depend on the axes' length in pixels, which XChart knows once it has drawn
        // the chart: lay it out with provisional ticks (drawn on one pixel: the layout is the same,
        // the painting nearly free), measure, then fix the ticks.
        Ticks x = ticks(xRange, logarithmicX, MOST_TICKS);
        Ticks y = ticks(yRange, logarithmic, MOST_TICKS);
        apply(chart, x, y, Double.NaN, Double.NaN);
        Graphics2D layout = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        chart.paint(layout, chart.getWidth(), chart.getHeight());
        layout.dispose();
        double width = Math.abs(chart.getScreenXFromChart(x.high()) - chart.getScreenXFromChart(x.low()));
        double height = Math.abs(chart.getScreenYFromChart(y.high()) - chart.getScreenYFromChart(y.low()));
        x = fitting(xRange, logarithmicX, width, true, wholeSteps ? 1 : 0);
        y = fitting(yRange, logarithmic, height, false, 0);
        apply(chart, x, y, width, height);
        return ChartView.of(chart, text(top));
    }

    /** The finest ticks at least {@code least} apart whose labels fit side by side on an axis {@code pixels} long. */
    private static Ticks fitting(double[] range, boolean logarithmic, double pixels, boolean horizontal,
                                 double least) {
        for (int most = MOST_TICKS; most > Ticks.FEWEST; most--) {
            Ticks ticks = ticks(range, logarithmic, most);
            if (ticks.step() < least) {
                continue;
            }
            int widest = 0;
            for (int i = 0; i < ticks.count(); i++) {
                widest = Math.max(widest, ticks.label(ticks.value(i)).length());
            }
            double needed = horizontal ? Math.max(X_TICK_SPACING, (widest + 2) * X_PIXELS_PER_CHARACTER)
                    : Y_TICK_SPACING;
            if (pixels * ticks.step() / (ticks.high() - ticks.low()) >= needed) {
                return ticks;
            }
        }
        return ticks(range, logarithmic, Ticks.FEWEST);
    }

    private static Ticks ticks(double[] range, boolean logarithmic, int most) {
        return logarithmic ? Ticks.decades(range[0], range[1], most) : Ticks.linear(range[0], range[1], most);
    }

    /**
     * Sets the axes' ranges and, once their lengths in pixels are known, XChart's tick spacing to
     * one step: XChart's own 1-2-5 rule then lands on the same step.
     */
    private static void apply(XYChart chart, Ticks x, Ticks y, double width, double height) {
        chart.getStyler().setXAxisMin(x.low());
        chart.getStyler().setXAxisMax(x.high());
        chart.getStyler().setYAxisMin(y.low());
        chart.getStyler().setYAxisMax(y.high());
        chart.setCustomXAxisTickLabelsFormatter(x::label);
        chart.setCustomYAxisTickLabelsFormatter(y::label);
        if (!Double.isNaN(width)) {
            chart.getStyler().setXAxisTickMarkSpacingHint((int) Math.round(width * x.step() / (x.high() - x.low())));
            chart.getStyler().setYAxisTickMarkSpacingHint((int) Math.round(height * y.step() / (y.high() - y.low())));
        }
    }

    /**
     * The width of each line: a line that a later one runs on top of (within {@link #CLOSE} of
     * the y axis at most of their common x) is drawn wider than that one, so that it shows on
     * both sides of it, up to {@link #WIDEST}; dashes would not help, as XChart starts them afresh
     * at every point.
     */
    private float[] widths(double span) {
        float[] widths = new float[lines.size()];
        for (int i = lines.size() - 1; i >= 0; i--) {
            widths[i] = LINE_WIDTH;
            for (int above = i + 1; above < lines.size(); above++) {
                if (runsOnTop(lines.get(above), lines.get(i), span)) {
                    widths[i] = Math.min(WIDEST, Math.max(widths[i], widths[above] + WIDER));
                }
            }
        }
        return widths;
    }

    private static boolean runsOnTop(Line line, Line under, double span) {
        Map<Double, Double> below = new HashMap<>();
        for (int k = 0; k < under.x().length; k++) {
            below.put(under.x()[k], under.y()[k]);
        }
        int close = 0;
        for (int k = 0; k < line.x().length; k++) {
            Double y = below.get(line.x()[k]);
            if (y != null && Math.abs(y - line.y()[k]) <= CLOSE * span) {
                close++;
            }
        }
        return close > MOSTLY * line.x().length;
    }

    private String text(double top) {
        StringBuilder text = new StringBuilder(title + " (" + xTitle + " → " + yTitle
                + (logarithmic ? ", log scale)" : ")"));
        for (Line line : lines) {
            int last = line.x().length - 1;
            text.append("\n  ").append(line.name()).append(": ").append(line.x().length).append(" points, ")
                    .append(Decimals.of(line.raw()[0])).append(" at ").append(Decimals.of(line.rawX()[0]))
                    .append(" → ").append(Decimals.of(line.raw()[last])).append(" at ")
                    .append(Decimals.of(line.rawX()[last]));
            for (int k = 0; k <= last; k++) {
                if (line.y()[k] > top) {
                    text.append(" (above the chart from ").append(Decimals.of(line.rawX()[k])).append(" on)");
                    break;
                }
            }
        }
        return text.toString();
    }

    private static boolean shown(double value, boolean logarithmic) {
        return Double.isFinite(value) && (!logarithmic || value > 0);
    }

    private static void extend(double[] range, double[] values) {
        for (double value : values) {
            range[0] = Math.min(range[0], value);
            range[1] = Math.max(range[1], value);
        }
    }
}
