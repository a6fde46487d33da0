package org.backprop.view;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.backprop.nn.TrainingHistory;
import org.backprop.nn.TrainingListener;

/**
 * A chart of a training run that redraws itself in place while the run goes on: after every
 * epoch the mean training error during each epoch and, if the run evaluates its network
 * ({@code descent.evaluatingOn(test)}), the accuracy after each epoch; during an epoch a
 * progress bar below it, redrawn at most every half second. The bar also shows the measured
 * time per epoch, as pixels only: the chart's text, which a saved notebook compares, holds
 * only what every run computes alike.
 * <pre>{@code var live = LiveChart.show("784-30-10, sigmoid");
 * descent.train(network, training, 5, live);}</pre>
 *
 * <p>In IJava the chart is one output, shown once and updated (Jupyter's {@code display_data}
 * and {@code update_display_data}); a saved notebook keeps its last state. Elsewhere nothing is
 * drawn and the chart's text is printed once, when the last epoch ends.
 */
public final class LiveChart implements TrainingListener {

    /** The least time between two redraws during an epoch, in nanoseconds. */
    static final long REDRAW_EVERY = 500_000_000L;
    private static final int CHART_WIDTH = 720;
    private static final int CHART_HEIGHT = 400;
    private static final int STRIP = 30;

    private final String title;
    private final Screen screen;
    private final LongSupplier clock;
    private final PrintStream out;
    private final String id;
    private final List<Double> secondsPerEpoch = new ArrayList<>();
    private BufferedImage chart;
    private String text;
    private View view;
    private long lastDrawn;
    private long epochStarted = -1;

    LiveChart(String title, Screen screen, LongSupplier clock, PrintStream out) {
        this.title = title;
        this.screen = screen;
        this.clock = clock;
        this.out = out;
        this.chart = blank();
        this.text = title + ": waiting for the first epoch";
        this.view = picture(0, "training starts");
        this.lastDrawn = clock.getAsLong();
        this.id = screen == null ? null : screen.show(view);
    }

    /** Shows an empty chart titled {@code title}, to be handed to {@code descent.train(…, live)}. */
    public static LiveChart show(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title must be a non-blank text, but was "
                    + (title == null ? "null" : "'" + title + "'"));
        }
        return new LiveChart(title, Screen.current(), System::nanoTime, System.out);
    }

    /** Redraws the progress bar, if half a second has passed since the last redraw. */
    @Override
    public void batchDone(int epoch, int epochs, int batch, int batches) {
        long now = clock.getAsLong();
        if (epochStarted < 0) {
            epochStarted = now;
        }
        if (screen == null || now - lastDrawn < REDRAW_EVERY) {
            return;
        }
        lastDrawn = now;
        view = picture((double) batch / batches, String.format(Locale.ROOT, "epoch %d of %d: batch %,d of %,d%s",
                epoch, epochs, batch, batches, timing()));
        screen.update(id, view);
    }

    /** Redraws the chart with the epochs so far; after the last one, prints the chart's text outside IJava. */
    @Override
    public void epochDone(TrainingHistory soFar, int epochs) {
        long now = clock.getAsLong();
        secondsPerEpoch.add((now - epochStarted) / 1e9);
        epochStarted = now;
        int k = soFar.iterations();
        Lines lines = new Lines(title, "epoch", "error, accuracy", false);
        lines.line("soFar", "training error", soFar.firstIteration(), k, soFar::error);
        if (!soFar.evaluations().isEmpty()) {
            lines.line("soFar", "accuracy (evaluated)", 0, k + 1, e -> soFar.evaluation(e).accuracy());
        }
        ChartView drawn = lines.view();
        chart = drawn.toImage();
        text = drawn.toText() + "\n  epoch " + k + " of " + epochs;
        view = picture((double) k / epochs, k == epochs ? String.format(Locale.ROOT, "%d epochs%s", k, timing())
                : String.format(Locale.ROOT, "epoch %d of %d done%s", k, epochs, timing()));
        lastDrawn = now;
        if (screen != null) {
            screen.update(id, view);
        } else if (k == epochs) {
            out.println(text);
        }
    }

    /** The chart as it is now: the picture a saved notebook keeps once the run has ended. */
    public View view() {
        return view;
    }

    /** The measured seconds of each epoch so far (from one epoch's end to the next one's, evaluation included). */
    public double[] secondsPerEpoch() {
        return secondsPerEpoch.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public String toString() {
        return text;
    }

    private String timing() {
        if (secondsPerEpoch.isEmpty()) {
            return "";
        }
        double mean = secondsPerEpoch.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return String.format(Locale.ROOT, " · %.1f s per epoch (measured here)", mean);
    }

    /** The chart with a progress bar below it, {@code done} of it filled, and a caption. */
    private View picture(double done, String caption) {
        BufferedImage image = new BufferedImage(CHART_WIDTH, CHART_HEIGHT + STRIP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Drawing.canvas(image);
        g.drawImage(chart, 0, 0, null);
        int barWidth = 200;
        int y = CHART_HEIGHT + 8;
        g.setColor(new Color(0xDDDDDD));
        g.fillRect(16, y, barWidth, 12);
        g.setColor(Drawing.BLUE);
        g.fillRect(16, y, (int) Math.round(barWidth * Math.min(1, done)), 12);
        g.setColor(Drawing.INK);
        g.drawRect(16, y, barWidth, 12);
        g.setFont(Drawing.SMALL);
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(caption, 16 + barWidth + 10, y + 6 + metrics.getAscent() / 2 - 1);
        g.dispose();
        return ImageView.of(image, text);
    }

    private static BufferedImage blank() {
        BufferedImage image = new BufferedImage(CHART_WIDTH, CHART_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Drawing.canvas(image);
        g.setFont(Drawing.TEXT);
        g.drawString("the chart appears after the first epoch", 16, CHART_HEIGHT / 2);
        g.dispose();
        return image;
    }
}
