package org.backprop.view;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.backprop.data.DataSet;
import org.backprop.nn.Activation;
import org.backprop.nn.Layer;
import org.backprop.nn.Network;
import org.backprop.nn.Sample;

/**
 * What a network of two inputs computes over the plane, drawn as a {@link Heatmap} with the data
 * on top: its probability of class 1 (the decision boundary is where it crosses ½), or the output
 * of one hidden neuron. All are drawn over the same square around the data, so that pictures of
 * one data set line up; {@link #grid} puts several side by side.
 */
public final class Plane {

    /** Cells along each side of the square. */
    private static final int RESOLUTION = 80;
    /** The square reaches this fraction of the data's extent beyond it on each side. */
    private static final double MARGIN = 0.1;
    /** Pixels between the pictures of a grid. */
    private static final int GAP = 8;

    private Plane() {
    }

    /** The samples as points on the plane, coloured and shaped by class, on a white ground (no colour bar). */
    public static Heatmap points(List<? extends Sample> data) {
        double[] square = square(data);
        double[][] blank = new double[RESOLUTION][RESOLUTION];
        return Heatmap.ofPlane(blank, square[0], square[1], square[0], square[1]).withRange(-1, 1)
                .withPoints(data).withTitles(name(data), "x", "y");
    }

    /**
     * The network's probability of class 1 at every point of the plane, from 0 (blue) to 1
     * (vermillion), and the samples on top: a single sigmoid output's out, or a softmax pair's
     * second out. Where the colour turns white, at ½, is the decision boundary.
     */
    public static Heatmap boundary(Network network, List<? extends Sample> data) {
        return boundary(network, data, "P(class 1)");
    }

    /** {@link #boundary(Network, List)} under another title. */
    static Heatmap boundary(Network network, List<? extends Sample> data, String title) {
        View.require("network", network);
        int outputs = network.size(network.depth());
        Activation last = network.layer(network.depth()).activation();
        if (network.size(0) != 2 || !(outputs == 1 || outputs == 2 && last == Activation.SOFTMAX)) {
            throw new IllegalArgumentException("network must have 2 inputs and 1 output (class 1's probability) or "
                    + "2 softmax outputs, but was " + network);
        }
        double[] square = square(data);
        double[][] out = network.outputs(centres(square));
        return drawn(out, square, o -> o[outputs - 1]).withRange(0, 1).withPoints(data)
                .withTitles(title, "x", "y");
    }

    /**
     * Hidden neuron {@code j} (0-based) of the first layer over the plane: out = f(w·(x, y) + b),
     * on the range of its activation (or of its values, for the unbounded ones), with the samples
     * on top. Its own boundary is the straight line w·(x, y) + b = 0.
     */
    public static Heatmap hiddenNeuron(Network network, List<? extends Sample> data, int j) {
        View.require("network", network);
        if (network.size(0) != 2 || network.depth() < 2) {
            throw new IllegalArgumentException("network must have 2 inputs and a hidden layer, but was " + network);
        }
        Layer layer = network.layer(1);
        if (j < 0 || j >= layer.size()) {
            throw new IllegalArgumentException("j must be between 0 and " + (layer.size() - 1)
                    + " (a neuron of the first hidden layer), but was " + j);
        }
        double[] square = square(data);
        Activation f = layer.activation();
        Heatmap map = drawn(centres(square), square,
                p -> f.apply(layer.weight(j, 0) * p[0] + layer.weight(j, 1) * p[1] + layer.biasOf(j)));
        if (f == Activation.SIGMOID) {
            map = map.withRange(0, 1);
        } else if (f == Activation.TANH) {
            map = map.withRange(-1, 1);
        }
        return map.withPoints(data).withTitles(network.names().neuron(1, j) + ": out = " + f + "(net)", "x", "y");
    }

    /** Every neuron of the first hidden layer over the plane, side by side (see {@link #hiddenNeuron}). */
    public static ImageView hiddenNeurons(Network network, List<? extends Sample> data, int columns) {
        View.require("network", network);
        // With no hidden layer, neuron 0 is refused by hiddenNeuron's own check.
        int neurons = network.depth() < 2 ? 1 : network.size(1);
        List<ImageView> maps = new ArrayList<>();
        for (int j = 0; j < neurons; j++) {
            maps.add(hiddenNeuron(network, data, j));
        }
        return grid(maps, columns);
    }

    /** Pictures side by side, {@code columns} to a row, in order: small multiples. */
    public static ImageView grid(List<? extends ImageView> pictures, int columns) {
        View.require("pictures", pictures);
        if (pictures.isEmpty()) {
            throw new IllegalArgumentException("pictures must hold at least 1 picture, but was empty");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, but was " + columns);
        }
        List<BufferedImage> images = new ArrayList<>();
        StringBuilder text = new StringBuilder(pictures.size() + " pictures, " + columns + " to a row:");
        for (int i = 0; i < pictures.size(); i++) {
            ImageView picture = View.require("pictures[" + i + "]", pictures.get(i));
            images.add(picture.image());
            text.append("\n  ").append(picture.toText().replace("\n", "\n  "));
        }
        int cellWidth = images.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        int cellHeight = images.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow();
        int used = Math.min(columns, images.size());
        int rows = (images.size() + columns - 1) / columns;
        BufferedImage grid = new BufferedImage(used * cellWidth + (used - 1) * GAP,
                rows * cellHeight + (rows - 1) * GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Drawing.canvas(grid);
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), (i % columns) * (cellWidth + GAP), (i / columns) * (cellHeight + GAP), null);
        }
        g.dispose();
        return ImageView.of(grid, text.toString());
    }

    /** A Heatmap of {@code value(point)} at the centre of every cell of the square. */
    private static Heatmap drawn(double[][] points, double[] square, ToDoubleFunction<double[]> value) {
        double[][] values = new double[RESOLUTION][RESOLUTION];
        for (int row = 0; row < RESOLUTION; row++) {
            for (int column = 0; column < RESOLUTION; column++) {
                values[row][column] = value.applyAsDouble(points[row * RESOLUTION + column]);
            }
        }
        return Heatmap.ofPlane(values, square[0], square[1], square[0], square[1]);
    }

    /** The centres of the square's cells, row by row from the top, as (x, y) pairs. */
    private static double[][] centres(double[] square) {
        double[][] points = new double[RESOLUTION * RESOLUTION][];
        for (int row = 0; row < RESOLUTION; row++) {
            double y = Heatmap.centre(square[1], square[0], row, RESOLUTION);
            for (int column = 0; column < RESOLUTION; column++) {
                points[row * RESOLUTION + column] = new double[] {Heatmap.centre(square[0], square[1], column,
                        RESOLUTION), y};
            }
        }
        return points;
    }

    /**
     * [low, high] for both axes: the data's extent in x and in y together, widened by 10 % on
     * each side and rounded outwards to halves, so that the ticks fall on round numbers.
     */
    private static double[] square(List<? extends Sample> data) {
        View.require("data", data);
        if (data.isEmpty()) {
            throw new IllegalArgumentException("data must hold at least 1 sample, but was empty");
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            Sample sample = View.require("data[" + i + "]", data.get(i));
            if (sample.inputSize() != 2) {
                throw new IllegalArgumentException("data[" + i + "] must have 2 inputs (x, y) to be drawn on the "
                        + "plane, but had " + sample.inputSize());
            }
            for (double coordinate : sample.input()) {
                low = Math.min(low, coordinate);
                high = Math.max(high, coordinate);
            }
        }
        double margin = high > low ? MARGIN * (high - low) : 0.5;
        return new double[] {Math.floor(2 * (low - margin)) / 2, Math.ceil(2 * (high + margin)) / 2};
    }

    private static String name(List<? extends Sample> data) {
        return data instanceof DataSet set ? set.name()
                : String.format(Locale.ROOT, "%d samples", data.size());
    }
}
