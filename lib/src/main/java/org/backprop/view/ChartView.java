package org.backprop.view;

import java.awt.image.BufferedImage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * An XChart chart: a PNG image in IJava, a one-line summary per series elsewhere.
 * {@link #chart()} gives the chart itself, to restyle or save.
 */
public class ChartView extends View {

    private final XYChart chart;

    ChartView(XYChart chart, String text) {
        super("image/png", () -> ImageView.png(BitmapEncoder.getBufferedImage(chart)), text);
        this.chart = chart;
    }

    /**
     * Shows any XChart XY chart; its text lists every line the legend names with its first and
     * last point.
     */
    public static ChartView of(XYChart chart) {
        require("chart", chart);
        String title = chart.getTitle() + " (" + chart.getXAxisTitle() + " → " + chart.getYAxisTitle()
                + (chart.getStyler().isYAxisLogarithmic() ? ", log scale" : "") + ")";
        return of(chart, title + lines(chart, true));
    }

    static ChartView of(XYChart chart, String text) {
        return IN_KERNEL ? Renderables.chart(chart, text) : new ChartView(chart, text);
    }

    /**
     * The same chart whose text names every line and its number of points but not its values:
     * for measured data such as timings, which differ from run to run, so that what a notebook
     * prints and stores stays the same.
     */
    public ChartView withoutValues() {
        // The first line says what is drawn and on which scale, which only the chart's maker knows.
        return of(chart, toText().lines().findFirst().orElseThrow() + lines(chart, false));
    }

    /**
     * The chart behind this view. XChart charts are mutable, and a view shows its chart as it was
     * when the view was first shown: make a new view after changing it.
     */
    public XYChart chart() {
        return chart;
    }

    /** The chart drawn as an image, {@code chart.getWidth()} × {@code chart.getHeight()} pixels. */
    public BufferedImage toImage() {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** A line per series the legend names: its number of points and, with values, its first and last. */
    private static String lines(XYChart chart, boolean values) {
        StringBuilder text = new StringBuilder();
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (!series.isShowInLegend()) {
                continue;
            }
            double[] x = series.getXData();
            double[] y = series.getYData();
            text.append("\n  ").append(series.getName()).append(": ").append(x.length).append(" points");
            if (values && x.length > 0) {
                text.append(", ").append(Decimals.of(y[0])).append(" at ").append(Decimals.of(x[0]))
                        .append(" → ").append(Decimals.of(y[y.length - 1])).append(" at ")
                        .append(Decimals.of(x[x.length - 1]));
            }
        }
        return text.toString();
    }
}
