package org.backprop.view;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pictures drawn pixel by pixel share: the page's width, fonts, the colour maps and the
 * colour bar with round ticks.
 */
final class Drawing {

    /** The width of a notebook's output column, in pixels (the charts' width). */
    static final int PAGE_WIDTH = 720;
    static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final Color INK = new Color(0x222222);
    /** Okabe &amp; Ito's blue and vermillion, the ends of the diverging map and the first two classes. */
    static final Color BLUE = new Color(0x0072B2);
    static final Color VERMILLION = new Color(0xD55E00);
    /** Okabe &amp; Ito's colours, without yellow (faint on white), for classes of points. */
    static final Color[] CLASSES = {BLUE, VERMILLION, new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), Color.BLACK};
    private static final Color DARK_BLUE = new Color(0x08306B);
    private static final int BAR_TICKS = 5;

    private Drawing() {
    }

    /** A white canvas with antialiased shapes and text. */
    static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = canvasOver(image);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(INK);
        return g;
    }

    /** Draws over an existing picture, with antialiased shapes and text. */
    static Graphics2D canvasOver(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(INK);
        return g;
    }

    /**
     * A horizontal colour bar at (x, y), {@code width} × {@code height} pixels, for values low
     * (left) to high (right), with round ticks labelled below it.
     */
    static void horizontalColourBar(Graphics2D g, ColourMap map, double low, double high, int x, int y, int width,
                                    int height) {
        for (int column = 0; column < width; column++) {
            g.setColor(map.at((column + 0.5) / width));
            g.fillRect(x + column, y, 1, height);
        }
        g.setColor(INK);
        g.drawRect(x, y, width, height);
        g.setFont(SMALL);
        FontMetrics metrics = g.getFontMetrics();
        for (BigDecimal tick : roundTicks(low, high, BAR_TICKS)) {
            int tx = x + (int) Math.round((tick.doubleValue() - low) / (high - low) * width);
            g.drawLine(tx, y + height, tx, y + height + 3);
            String text = label(tick);
            g.drawString(text, tx - metrics.stringWidth(text) / 2, y + height + 4 + metrics.getAscent());
        }
    }

    /** The grey of a pixel value v, 0 black … 1 white. */
    static Color grey(double v) {
        int level = (int) Math.round(255 * v);
        return new Color(level, level, level);
    }

    /**
     * The colour maps: sequential runs from white (low) to dark blue (high); diverging runs from
     * blue (low) through white (the middle) to vermillion (high), so its two sides stay apart
     * for colour-blind readers.
     */
    enum ColourMap {
        SEQUENTIAL, DIVERGING;

        /** The colour of t = 0 … 1 along the map (outside, the nearer end). */
        Color at(double t) {
            double u = Math.max(0, Math.min(1, t));
            if (this == SEQUENTIAL) {
                return u < 0.5 ? mix(Color.WHITE, BLUE, 2 * u) : mix(BLUE, DARK_BLUE, 2 * u - 1);
            }
            return u < 0.5 ? mix(BLUE, Color.WHITE, 2 * u) : mix(Color.WHITE, VERMILLION, 2 * u - 1);
        }

        private static Color mix(Color from, Color to, double t) {
            return new Color(channel(from.getRed(), to.getRed(), t), channel(from.getGreen(), to.getGreen(), t),
                    channel(from.getBlue(), to.getBlue(), t));
        }

        private static int channel(int from, int to, double t) {
            return (int) Math.round(from + (to - from) * t);
        }
    }

    /** Dark text on light colours, white text on dark ones (relative luminance below 0.4). */
    static Color inkOn(Color background) {
        double luminance = (0.2126 * background.getRed() + 0.7152 * background.getGreen()
                + 0.0722 * background.getBlue()) / 255;
        return luminance < 0.4 ? Color.WHITE : INK;
    }

    /**
     * At least {@code count} round values from low to high, at a step of 1, 2 or 5 times a power
     * of ten: ticks 0, 0.2, 0.4, … for [0, 1].
     */
    static List<BigDecimal> roundTicks(double low, double high, int count) {
        List<BigDecimal> ticks = new ArrayList<>();
        if (!(high > low)) {
            ticks.add(round(low));
            return ticks;
        }
        double rough = (high - low) / (count - 1);
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = rough / power >= 5 ? 5 * power : rough / power >= 2 ? 2 * power : power;
        BigDecimal exactStep = round(step);
        BigDecimal tick = round(Math.ceil(low / step - 1e-9) * step);
        while (tick.doubleValue() <= high + step * 1e-9) {
            ticks.add(tick);
            tick = tick.add(exactStep);
        }
        return ticks;
    }

    /** A tick label: the round value without trailing zeros, with a true minus sign. */
    static String label(BigDecimal tick) {
        String plain = tick.signum() == 0 ? "0" : tick.stripTrailingZeros().toPlainString();
        return plain.replace('-', '−');
    }

    private static BigDecimal round(double value) {
        return new BigDecimal(value).round(new java.math.MathContext(12));
    }

    /**
     * A vertical colour bar at (x, y), {@code height} pixels tall, for values low (bottom) to high
     * (top), with round ticks labelled on its right.
     */
    static void colourBar(Graphics2D g, ColourMap map, double low, double high, int x, int y, int height) {
        int barWidth = 14;
        for (int row = 0; row < height; row++) {
            g.setColor(map.at(1 - (row + 0.5) / height));
            g.fillRect(x, y + row, barWidth, 1);
        }
        g.setColor(INK);
        g.drawRect(x, y, barWidth, height);
        g.setFont(SMALL);
        FontMetrics metrics = g.getFontMetrics();
        for (BigDecimal tick : roundTicks(low, high, BAR_TICKS)) {
            int ty = y + (int) Math.round((1 - (tick.doubleValue() - low) / (high - low)) * height);
            g.drawLine(x + barWidth, ty, x + barWidth + 4, ty);
            g.drawString(label(tick), x + barWidth + 6, ty + metrics.getAscent() / 2 - 1);
        }
    }

    /** The words of {@code text} in lines no wider than {@code width} pixels (a longer word stays whole). */
    static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String longer = line.length() == 0 ? word : line + " " + word;
                if (line.length() > 0 && metrics.stringWidth(longer) > width) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(longer);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The smallest and the largest of the values, {low, high}. */
    static double[] extremes(double[][] values) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double value : row) {
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        return new double[] {low, high};
    }
}
