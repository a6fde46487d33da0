package org.backprop.view;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * An XChart chart: a PNG image in IJava, a one-line summary per series elsewhere.
 * {@link #chart()} gives the chart itself, to restyle or save.
 */
public class ChartView extends View {

    private final XYChart chart;

    ChartView(XYChart chart) {
        super("image/png", Base64.getEncoder().encodeToString(pngBytes(chart)), summary(chart));
        this.chart = chart;
    }

    /** Shows any XChart XY chart. */
    public static ChartView of(XYChart chart) {
        require("chart", chart);
        return IN_KERNEL ? Renderables.chart(chart) : new ChartView(chart);
    }

    /** The chart behind this view (XChart charts are mutable: make a new view after changing it). */
    public XYChart chart() {
        return chart;
    }

    /** The chart drawn as an image, {@code chart.getWidth()} × {@code chart.getHeight()} pixels. */
    public BufferedImage toImage() {
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static byte[] pngBytes(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the chart '" + chart.getTitle() + "' as PNG", e);
        }
    }

    private static String summary(XYChart chart) {
        StringBuilder text = new StringBuilder(chart.getTitle()).append(" (")
                .append(chart.getXAxisTitle()).append(" → ").append(chart.getYAxisTitle())
                .append(chart.getStyler().isYAxisLogarithmic() ? ", log scale" : "").append(')');
        for (XYSeries series : chart.getSeriesMap().values()) {
            double[] x = series.getXData();
            double[] y = series.getYData();
            text.append("\n  ").append(series.getName()).append(": ").append(x.length).append(" points");
            if (x.length > 0) {
                text.append(", ").append(Decimals.of(y[0])).append(" at ").append(Decimals.of(x[0]))
                        .append(" → ").append(Decimals.of(y[y.length - 1])).append(" at ")
                        .append(Decimals.of(x[x.length - 1]));
            }
        }
        return text.toString();
    }
}
