package org.backprop.view;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small images side by side, each with a caption below it: greyscale pictures (Fashion-MNIST
 * samples), or signed values such as a hidden unit's incoming weights, drawn on a diverging
 * colour map with one scale for all of them. Rows of {@code columns} cells fill the notebook's
 * width (720 pixels); each image is magnified by the largest whole factor (at most 4) that fits
 * its cell, and a caption wraps at spaces to the cell's width.
 */
public final class Images {

    /** The most images one grid shows. */
    static final int MAX_IMAGES = 1_000;
    private static final int MARGIN = 4;
    private static final int MAX_ZOOM = 4;
    private static final int BAR_HEIGHT = 12;

    private Images() {
    }

    /**
     * Greyscale images: {@code pixels.get(i)} holds image i row by row, {@code width × height}
     * values from 0 (black) to 1 (white); {@code captions.get(i)} is written below it.
     */
    public static ImageView grid(List<double[]> pixels, int width, int height, List<String> captions,
                                 int columns) {
        Layout layout = Layout.of(pixels, width, height, captions, columns, "pixels");
        for (int i = 0; i < pixels.size(); i++) {
            double[] image = pixels.get(i);
            for (int p = 0; p < image.length; p++) {
                if (!(image[p] >= 0 && image[p] <= 1)) {
                    throw new IllegalArgumentException("pixels[" + i + "][" + p + "] must be between 0 (black) and 1 "
                            + "(white), but was " + image[p]);
                }
            }
        }
        BufferedImage picture = layout.draw(pixels, Drawing::grey, 0);
        return ImageView.of(picture, layout.describe(pixels.size() + " images of " + width + " × " + height
                + " pixels (0 black … 1 white)"));
    }

    /**
     * Signed values drawn as images, such as the incoming weights of hidden units (one image per
     * unit, one pixel per input): blue below 0, white at 0, vermillion above, on one scale
     * ±max |value| shared by all images so that their colours compare. A colour bar below
     * shows the scale.
     */
    public static ImageView weights(List<double[]> values, int width, int height, List<String> captions,
                                    int columns) {
        Layout layout = Layout.of(values, width, height, captions, columns, "values");
        double largest = 0;
        for (int i = 0; i < values.size(); i++) {
            double[] image = values.get(i);
            for (int p = 0; p < image.length; p++) {
                if (!Double.isFinite(image[p])) {
                    throw new IllegalArgumentException("values[" + i + "][" + p + "] must be a finite number, "
                            + "but was " + image[p]);
                }
                largest = Math.max(largest, Math.abs(image[p]));
            }
        }
        double scale = largest > 0 ? largest : 1;
        BufferedImage picture = layout.draw(values,
                v -> Drawing.ColourMap.DIVERGING.at(0.5 + v / (2 * scale)), 3 * BAR_HEIGHT + 2 * MARGIN);
        Graphics2D g = Drawing.canvasOver(picture);
        int barWidth = Math.min(picture.getWidth() / 2, 360);
        int x = (picture.getWidth() - barWidth) / 2;
        int y = picture.getHeight() - 3 * BAR_HEIGHT - MARGIN;
        Drawing.horizontalColourBar(g, Drawing.ColourMap.DIVERGING, -scale, scale, x, y, barWidth, BAR_HEIGHT);
        g.dispose();
        return ImageView.of(picture, layout.describe(values.size() + " images of " + width + " × " + height
                + " values, blue < 0 < vermillion, one scale ±" + Decimals.of(scale)));
    }

    /** Where each cell of a grid goes, from the images' size, their number and the columns asked for. */
    private record Layout(int width, int height, int columns, int rows, int cell, int zoom, List<String> captions,
                          List<List<String>> lines, int lineHeight) {

        static Layout of(List<double[]> images, int width, int height, List<String> captions, int columns,
                         String parameter) {
            if (images == null || images.isEmpty()) {
                throw new IllegalArgumentException(parameter + " must hold at least 1 image, but was "
                        + (images == null ? "null" : "empty"));
            }
            if (images.size() > MAX_IMAGES) {
                throw new IllegalArgumentException(parameter + " must hold at most " + count(MAX_IMAGES)
                        + " images, but held " + count(images.size()));
            }
            if (width < 1 || height < 1) {
                throw new IllegalArgumentException("width and height must be at least 1 pixel, but were " + width
                        + " and " + height);
            }
            if (columns < 1 || (long) columns * (width + 2 * MARGIN) > Drawing.PAGE_WIDTH) {
                throw new IllegalArgumentException("columns must be between 1 and " + Drawing.PAGE_WIDTH + " / ("
                        + width + " + " + 2 * MARGIN + ") = " + Drawing.PAGE_WIDTH / (width + 2 * MARGIN)
                        + " (images " + width + " pixels wide in a picture " + Drawing.PAGE_WIDTH
                        + " pixels wide), but was " + columns);
            }
            if (captions == null || captions.size() != images.size()) {
                throw new IllegalArgumentException("captions must hold 1 caption per image (" + images.size()
                        + "), but " + (captions == null ? "was null" : "held " + captions.size()));
            }
            for (int i = 0; i < images.size(); i++) {
                double[] image = images.get(i);
                if (image == null || image.length != width * height) {
                    throw new IllegalArgumentException(parameter + "[" + i + "] must hold width × height = "
                            + width * height + " values, but " + (image == null ? "was null" : "held "
                            + image.length));
                }
                if (captions.get(i) == null) {
                    throw new IllegalArgumentException("captions[" + i + "] must not be null");
                }
            }
            int cell = Drawing.PAGE_WIDTH / columns;
            int zoom = Math.max(1, Math.min(MAX_ZOOM, (cell - 2 * MARGIN) / width));
            Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            FontMetrics metrics = probe.getFontMetrics(Drawing.SMALL);
            List<List<String>> lines = new ArrayList<>();
            for (String caption : captions) {
                lines.add(Drawing.wrap(caption, metrics, cell - 2));
            }
            probe.dispose();
            int rows = (images.size() + columns - 1) / columns;
            return new Layout(width, height, columns, rows, cell, zoom, List.copyOf(captions), lines,
                    metrics.getHeight());
        }

        int captionHeight() {
            return lines.stream().mapToInt(List::size).max().orElse(0) * lineHeight;
        }

        int cellHeight() {
            return height * zoom + MARGIN + captionHeight() + 2 * MARGIN;
        }

        /** Every image, coloured value by value, with its caption; {@code below} pixels left free at the bottom. */
        BufferedImage draw(List<double[]> images, java.util.function.DoubleFunction<Color> colour, int below) {
            BufferedImage picture = new BufferedImage(columns * cell, rows * cellHeight() + below,
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = Drawing.canvas(picture);
            g.setFont(Drawing.SMALL);
            FontMetrics metrics = g.getFontMetrics();
            for (int i = 0; i < images.size(); i++) {
                int left = (i % columns) * cell + (cell - width * zoom) / 2;
                int top = (i / columns) * cellHeight() + MARGIN;
                double[] image = images.get(i);
                for (int p = 0; p < image.length; p++) {
                    g.setColor(colour.apply(image[p]));
                    g.fillRect(left + (p % width) * zoom, top + (p / width) * zoom, zoom, zoom);
                }
                g.setColor(Color.LIGHT_GRAY);
                g.drawRect(left - 1, top - 1, width * zoom + 1, height * zoom + 1);
                g.setColor(Drawing.INK);
                int y = top + height * zoom + MARGIN + metrics.getAscent();
                for (String line : lines.get(i)) {
                    int x = (i % columns) * cell + (cell - metrics.stringWidth(line)) / 2;
                    g.drawString(line, x, y);
                    y += lineHeight;
                }
            }
            g.dispose();
            return picture;
        }

        /** The text form: what the images are, and their captions row by row. */
        String describe(String what) {
            StringBuilder text = new StringBuilder(what).append(", ").append(columns).append(" per row");
            for (int row = 0; row < rows; row++) {
                int from = row * columns;
                int to = Math.min(captions.size(), from + columns);
                text.append("\n  ").append(String.join(" | ", captions.subList(from, to)).replace('\n', ' '));
            }
            return text.toString();
        }
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
