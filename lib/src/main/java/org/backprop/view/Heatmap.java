package org.backprop.view;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.backprop.nn.Sample;

/**
 * A table of numbers drawn as coloured cells, with a colour bar: a matrix such as a confusion
 * matrix (rows and columns labelled, values optionally written in the cells), or a function
 * f(x, y) over a rectangle of the plane, such as a network's output over its two inputs, with
 * data points on top coloured and shaped by class (Okabe–Ito colours, a shape per class).
 *
 * <p>Immutable: each {@code with…} method returns a changed copy.
 * <pre>{@code Heatmap.ofFunction((x, y) -> net.output(x, y), -1, 1, -1, 1, 60).withRange(0, 1).withPoints(data)}</pre>
 */
public class Heatmap extends ImageView {

    /** The most cells along either side. */
    static final int MAX_CELLS = 1_000;
    private static final int PLANE_SIDE = 440;
    private static final int MAX_MATRIX_HEIGHT = 520;
    private static final int PAD = 10;
    private static final int POINT = 9;

    /** Everything a heatmap draws; the values are never changed after it is made. */
    record Spec(double[][] values, String title, String xTitle, String yTitle, List<String> rowLabels,
                List<String> columnLabels, double[] plane, boolean cellValues, Drawing.ColourMap colours,
                double low, double high, double[] pointsX, double[] pointsY, int[] classes) {

        Spec with(String title, String xTitle, String yTitle) {
            return new Spec(values, title, xTitle, yTitle, rowLabels, columnLabels, plane, cellValues, colours, low,
                    high, pointsX, pointsY, classes);
        }

        Spec labelled(List<String> rows, List<String> columns) {
            return new Spec(values, title, xTitle, yTitle, rows, columns, plane, cellValues, colours, low, high,
                    pointsX, pointsY, classes);
        }

        Spec coloured(boolean values, Drawing.ColourMap map, double from, double to) {
            return new Spec(this.values, title, xTitle, yTitle, rowLabels, columnLabels, plane, values, map, from, to,
                    pointsX, pointsY, classes);
        }

        Spec pointed(double[] x, double[] y, int[] kinds) {
            return new Spec(values, title, xTitle, yTitle, rowLabels, columnLabels, plane, cellValues, colours, low,
                    high, x, y, kinds);
        }

        boolean isPlane() {
            return plane != null;
        }

        /** A plane whose values are all equal: a ground for points, with nothing for a colour bar to explain. */
        boolean isBlank() {
            double[] extremes = Drawing.extremes(values);
            return isPlane() && extremes[0] == extremes[1];
        }
    }

    private final Spec spec;

    Heatmap(Spec spec) {
        super(() -> Painter.draw(spec), describe(spec));
        this.spec = spec;
    }

    private static Heatmap of(Spec spec) {
        return IN_KERNEL ? Renderables.heatmap(spec) : new Heatmap(spec);
    }

    /**
     * A matrix, {@code values[row][column]}, row 0 at the top; rows and columns labelled 0, 1, …
     * until {@link #withLabels}; a sequential colour map (white … dark blue) from the smallest
     * value to the largest until {@link #withRange}.
     */
    public static Heatmap of(double[][] values) {
        double[][] copy = checked(values);
        double[] range = range(copy);
        return of(new Spec(copy, "", "column", "row", numbers(copy.length), numbers(copy[0].length), null, false,
                Drawing.ColourMap.SEQUENTIAL, range[0], range[1], null, null, null));
    }

    /** A matrix of counts, such as a confusion matrix (see {@link #of(double[][])}). */
    public static Heatmap of(int[][] counts) {
        if (counts == null) {
            throw new IllegalArgumentException("counts must not be null");
        }
        double[][] values = new double[counts.length][];
        for (int row = 0; row < counts.length; row++) {
            if (counts[row] == null) {
                throw new IllegalArgumentException("counts[" + row + "] must not be null");
            }
            values[row] = Arrays.stream(counts[row]).asDoubleStream().toArray();
        }
        return of(values);
    }

    /**
     * f(x, y) over the rectangle [xMin, xMax] × [yMin, yMax], evaluated at the centres of
     * {@code resolution} × {@code resolution} cells, y growing upwards; a diverging colour map
     * (blue … white … vermillion) over the values' range until {@link #withRange}.
     */
    public static Heatmap ofFunction(DoubleBinaryOperator f, double xMin, double xMax, double yMin, double yMax,
                                     int resolution) {
        if (f == null) {
            throw new IllegalArgumentException("f must not be null");
        }
        interval("xMin", "xMax", xMin, xMax);
        interval("yMin", "yMax", yMin, yMax);
        if (resolution < 2 || resolution > MAX_CELLS) {
            throw new IllegalArgumentException("resolution must be between 2 and " + MAX_CELLS
                    + " cells per side, but was " + resolution);
        }
        double[][] values = new double[resolution][resolution];
        for (int row = 0; row < resolution; row++) {
            double y = centre(yMax, yMin, row, resolution);
            for (int column = 0; column < resolution; column++) {
                double x = centre(xMin, xMax, column, resolution);
                double value = f.applyAsDouble(x, y);
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("f must give finite values, but f(" + x + ", " + y + ") = "
                            + value);
                }
                values[row][column] = value;
            }
        }
        return ofPlane(values, xMin, xMax, yMin, yMax);
    }

    /**
     * The centre of cell {@code i} of {@code n} from {@code from} towards {@code to}: the x of a
     * column (from xMin), or the y of a row (from yMax, y growing upwards).
     */
    static double centre(double from, double to, int i, int n) {
        return from + (i + 0.5) * (to - from) / n;
    }

    /** Values already computed at the cell centres of the plane (see {@link #centre}), row 0 at the top. */
    static Heatmap ofPlane(double[][] values, double xMin, double xMax, double yMin, double yMax) {
        double[] range = range(values);
        return of(new Spec(values, "", "x", "y", null, null, new double[] {xMin, xMax, yMin, yMax}, false,
                Drawing.ColourMap.DIVERGING, range[0], range[1], null, null, null));
    }

    /** The same with a title above it and the titles of its x (columns) and y (rows) axes. */
    public Heatmap withTitles(String title, String xTitle, String yTitle) {
        return of(spec.with(text("title", title), text("xTitle", xTitle), text("yTitle", yTitle)));
    }

    /** The same with rows and columns labelled (class names, say); only for a matrix. */
    public Heatmap withLabels(List<String> rows, List<String> columns) {
        if (spec.isPlane()) {
            throw new IllegalArgumentException("withLabels needs a matrix (Heatmap.of), but this heatmap shows a "
                    + "function over the plane, whose axes are numbered");
        }
        return of(spec.labelled(labels("rows", rows, spec.values.length),
                labels("columns", columns, spec.values[0].length)));
    }

    /** The same with each cell's value written in it; only for a matrix. */
    public Heatmap withCellValues() {
        if (spec.isPlane()) {
            throw new IllegalArgumentException("withCellValues needs a matrix (Heatmap.of), but this heatmap shows "
                    + "a function over the plane");
        }
        return of(spec.coloured(true, spec.colours, spec.low, spec.high));
    }

    /**
     * The same with the colour bar running from {@code low} to {@code high}: values outside
     * take the colour of the nearer end (the colour bar says where it ends).
     */
    public Heatmap withRange(double low, double high) {
        interval("low", "high", low, high);
        return of(spec.coloured(spec.cellValues, spec.colours, low, high));
    }

    /** The same on the diverging colour map, white at the middle of the range (0 for ±a, 0.5 for 0 … 1). */
    public Heatmap diverging() {
        return of(spec.coloured(spec.cellValues, Drawing.ColourMap.DIVERGING, spec.low, spec.high));
    }

    /**
     * The same with points (x[i], y[i]) drawn on top, coloured and shaped by {@code classes[i]}
     * (0, 1, …, at most 7 classes); only for a function over the plane.
     */
    public Heatmap withPoints(double[] x, double[] y, int[] classes) {
        if (!spec.isPlane()) {
            throw new IllegalArgumentException("withPoints needs a function over the plane (Heatmap.ofFunction), "
                    + "but this heatmap shows a matrix");
        }
        if (x == null || y == null || classes == null) {
            throw new IllegalArgumentException("x, y and classes must not be null, but "
                    + (x == null ? "x" : y == null ? "y" : "classes") + " was");
        }
        if (x.length == 0 || y.length != x.length || classes.length != x.length) {
            throw new IllegalArgumentException("x, y and classes must hold the same number of points (at least 1), "
                    + "but held " + x.length + ", " + y.length + " and " + classes.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("point " + i + " must have finite coordinates, but was (" + x[i]
                        + ", " + y[i] + ")");
            }
            if (classes[i] < 0 || classes[i] >= Drawing.CLASSES.length) {
                throw new IllegalArgumentException("classes[" + i + "] must be between 0 and "
                        + (Drawing.CLASSES.length - 1) + ", but was " + classes[i]);
            }
        }
        return of(spec.pointed(x.clone(), y.clone(), classes.clone()));
    }

    /**
     * The same with samples of two inputs drawn as points (see {@link #withPoints(double[], double[], int[])}):
     * a sample's class is its largest target, or with one target, 1 if it is at least 0.5, else 0.
     */
    public Heatmap withPoints(List<? extends Sample> samples) {
        if (samples == null || samples.isEmpty()) {
            throw new IllegalArgumentException("samples must hold at least 1 sample, but was "
                    + (samples == null ? "null" : "empty"));
        }
        int n = samples.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            Sample sample = samples.get(i);
            if (sample.inputSize() != 2) {
                throw new IllegalArgumentException("samples[" + i + "] must have 2 inputs (x, y) to be drawn on the "
                        + "plane, but had " + sample.inputSize());
            }
            double[] input = sample.input();
            x[i] = input[0];
            y[i] = input[1];
            classes[i] = classOf(sample.target());
        }
        return withPoints(x, y, classes);
    }

    private static int classOf(double[] target) {
        if (target.length == 1) {
            return target[0] >= 0.5 ? 1 : 0;
        }
        int largest = 0;
        for (int j = 1; j < target.length; j++) {
            largest = target[j] > target[largest] ? j : largest;
        }
        return largest;
    }

    private static double[][] checked(double[][] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("values must hold at least 1 row, but was "
                    + (values == null ? "null" : "empty"));
        }
        if (values.length > MAX_CELLS) {
            throw new IllegalArgumentException("values must hold at most " + MAX_CELLS + " rows, but held "
                    + values.length);
        }
        double[][] copy = new double[values.length][];
        for (int row = 0; row < values.length; row++) {
            if (values[row] == null || values[row].length == 0 || values[row].length != values[0].length
                    || values[row].length > MAX_CELLS) {
                throw new IllegalArgumentException("values[" + row + "] must hold as many values as values[0] (" 
                        + (values[0] == null ? 0 : values[0].length) + ", between 1 and " + MAX_CELLS + "), but "
                        + (values[row] == null ? "was null" : "held " + values[row].length));
            }
            for (int column = 0; column < values[row].length; column++) {
                if (!Double.isFinite(values[row][column])) {
                    throw new IllegalArgumentException("values[" + row + "][" + column + "] must be a finite "
                            + "number, but was " + values[row][column]);
                }
            }
            copy[row] = values[row].clone();
        }
        return copy;
    }


    /** The colour bar's range by default: the values', or around the one value they all have. */
    private static double[] range(double[][] values) {
        double[] extremes = Drawing.extremes(values);
        return extremes[1] > extremes[0] ? extremes : new double[] {extremes[0] - 1, extremes[0] + 1};
    }

    private static void interval(String lowName, String highName, double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
            throw new IllegalArgumentException(lowName + " and " + highName + " must be finite with " + lowName
                    + " < " + highName + ", but were " + low + " and " + high);
        }
    }

    private static String text(String parameter, String value) {
        if (value == null) {
            throw new IllegalArgumentException(parameter + " must not be null (\"\" for none)");
        }
        return value;
    }

    private static List<String> labels(String parameter, List<String> labels, int expected) {
        boolean hasNull = labels != null && labels.stream().anyMatch(java.util.Objects::isNull);
        if (labels == null || labels.size() != expected || hasNull) {
            throw new IllegalArgumentException(parameter + " must hold " + expected + " labels, none null, but "
                    + (labels == null ? "was null" : hasNull ? "held a null"
                    : "held " + labels.size()));
        }
        return List.copyOf(labels);
    }

    private static List<String> numbers(int n) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add(Integer.toString(i));
        }
        return labels;
    }

    private static String describe(Spec spec) {
        int rows = spec.values.length;
        int columns = spec.values[0].length;
        double[] extremes = Drawing.extremes(spec.values);
        StringBuilder text = new StringBuilder(spec.title.isEmpty() ? "Heatmap" : spec.title).append(" (");
        if (spec.isPlane()) {
            text.append(spec.xTitle).append(" from ").append(Decimals.of(spec.plane[0])).append(" to ")
                    .append(Decimals.of(spec.plane[1])).append(", ").append(spec.yTitle).append(" from ")
                    .append(Decimals.of(spec.plane[2])).append(" to ").append(Decimals.of(spec.plane[3]))
                    .append(", ").append(rows).append(" × ").append(columns).append(" cells)");
        } else {
            text.append(rows).append(" rows: ").append(spec.yTitle).append(" × ").append(columns)
                    .append(" columns: ").append(spec.xTitle).append(")");
        }
        text.append(": values ").append(Decimals.of(extremes[0])).append(" … ").append(Decimals.of(extremes[1]))
                .append(", colours ").append(Decimals.of(spec.low)).append(" … ").append(Decimals.of(spec.high));
        if (spec.cellValues) {
            for (int row = 0; row < rows; row++) {
                text.append("\n  ").append(spec.rowLabels.get(row)).append(":");
                for (double value : spec.values[row]) {
                    text.append(' ').append(Decimals.of(value));
                }
            }
        }
        if (spec.pointsX != null) {
            int[] perClass = new int[Drawing.CLASSES.length];
            for (int kind : spec.classes) {
                perClass[kind]++;
            }
            text.append("\n  ").append(spec.pointsX.length).append(" points:");
            for (int kind = 0; kind < perClass.length; kind++) {
                if (perClass[kind] > 0) {
                    text.append(" class ").append(kind).append(' ').append(perClass[kind]);
                }
            }
        }
        return text.toString();
    }

    /** Lays out and draws a heatmap. */
    private static final class Painter {

        static BufferedImage draw(Spec spec) {
            int rows = spec.values.length;
            int columns = spec.values[0].length;
            Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            FontMetrics small = probe.getFontMetrics(Drawing.SMALL);
            FontMetrics text = probe.getFontMetrics(Drawing.TEXT);
            probe.dispose();
            List<String> yTicks = spec.isPlane() ? labels(ticks(spec.plane[2], spec.plane[3])) : spec.rowLabels;
            int tickWidth = yTicks.stream().mapToInt(small::stringWidth).max().orElse(0);
            int left = PAD + text.getHeight() + 4 + tickWidth + 6;
            int top = PAD + (spec.title.isEmpty() ? 0 : 24);
            int barSpace = 90;
            int available = Drawing.PAGE_WIDTH - left - barSpace - PAD;
            int plotWidth;
            int plotHeight;
            int bottom;
            boolean slanted = false;
            if (spec.isPlane()) {
                plotWidth = Math.min(available, PLANE_SIDE);
                plotHeight = plotWidth;
                bottom = 6 + small.getHeight() + 4 + text.getHeight() + PAD;
            } else {
                double cell = Math.min((double) available / columns, (double) MAX_MATRIX_HEIGHT / rows);
                plotWidth = (int) Math.round(cell * columns);
                plotHeight = (int) Math.round(cell * rows);
                int widest = spec.columnLabels.stream().mapToInt(small::stringWidth).max().orElse(0);
                slanted = widest > cell - 4;
                int labelHeight = slanted ? (int) Math.ceil(widest * Math.sqrt(0.5)) + small.getAscent()
                        : small.getHeight();
                bottom = 6 + labelHeight + 4 + text.getHeight() + PAD;
            }
            int legend = spec.pointsX == null ? 0 : small.getHeight() + 6;
            int width = Math.min(Drawing.PAGE_WIDTH, left + plotWidth + barSpace + PAD);
            BufferedImage image = new BufferedImage(width, top + plotHeight + bottom + legend,
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = Drawing.canvas(image);
            cells(g, spec, left, top, plotWidth, plotHeight);
            if (spec.pointsX != null) {
                points(g, spec, left, top, plotWidth, plotHeight);
            }
            g.setColor(Drawing.INK);
            g.drawRect(left, top, plotWidth, plotHeight);
            axes(g, spec, left, top, plotWidth, plotHeight, slanted);
            if (!spec.title.isEmpty()) {
                g.setFont(Drawing.TITLE);
                g.drawString(spec.title, left, PAD + g.getFontMetrics().getAscent());
            }
            if (!spec.isBlank()) {
                Drawing.colourBar(g, spec.colours, spec.low, spec.high, left + plotWidth + 16, top, plotHeight);
            }
            if (spec.pointsX != null) {
                legend(g, spec, left, image.getHeight() - PAD - small.getDescent());
            }
            g.dispose();
            return image;
        }

        private static void cells(Graphics2D g, Spec spec, int left, int top, int plotWidth, int plotHeight) {
            int rows = spec.values.length;
            int columns = spec.values[0].length;
            g.setFont(Drawing.SMALL);
            FontMetrics metrics = g.getFontMetrics();
            for (int row = 0; row < rows; row++) {
                int y0 = top + (int) Math.round((double) row * plotHeight / rows);
                int y1 = top + (int) Math.round((double) (row + 1) * plotHeight / rows);
                for (int column = 0; column < columns; column++) {
                    int x0 = left + (int) Math.round((double) column * plotWidth / columns);
                    int x1 = left + (int) Math.round((double) (column + 1) * plotWidth / columns);
                    double value = spec.values[row][column];
                    Color colour = spec.colours.at((value - spec.low) / (spec.high - spec.low));
                    g.setColor(colour);
                    g.fillRect(x0, y0, x1 - x0, y1 - y0);
                    if (spec.cellValues) {
                        String label = Decimals.of(value);
                        g.setColor(Drawing.inkOn(colour));
                        g.drawString(label, (x0 + x1 - metrics.stringWidth(label)) / 2,
                                (y0 + y1 + metrics.getAscent()) / 2 - 1);
                    }
                }
            }
        }

        private static void points(Graphics2D g, Spec spec, int left, int top, int plotWidth, int plotHeight) {
            double[] plane = spec.plane;
            g.setClip(left, top, plotWidth + 1, plotHeight + 1);
            for (int i = 0; i < spec.pointsX.length; i++) {
                double x = left + (spec.pointsX[i] - plane[0]) / (plane[1] - plane[0]) * plotWidth;
                double y = top + (plane[3] - spec.pointsY[i]) / (plane[3] - plane[2]) * plotHeight;
                marker(g, spec.classes[i], x, y);
            }
            g.setClip(null);
        }

        /** Class k's marker centred at (x, y): its colour, its shape, a white rim to stand out on any cell. */
        private static void marker(Graphics2D g, int kind, double x, double y) {
            Shape shape = shape(kind, x, y);
            g.setColor(Drawing.CLASSES[kind]);
            g.fill(shape);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1.2f));
            g.draw(shape);
            g.setStroke(new BasicStroke(1));
        }

        private static Shape shape(int kind, double x, double y) {
            double r = POINT / 2.0;
            switch (kind % 4) {
                case 0:
                    return new Ellipse2D.Double(x - r, y - r, POINT, POINT);
                case 1: {
                    Path2D triangle = new Path2D.Double();
                    triangle.moveTo(x, y - r - 1);
                    triangle.lineTo(x + r + 1, y + r);
                    triangle.lineTo(x - r - 1, y + r);
                    triangle.closePath();
                    return triangle;
                }
                case 2:
                    return new Rectangle2D.Double(x - r + 0.5, y - r + 0.5, POINT - 1, POINT - 1);
                default: {
                    Path2D diamond = new Path2D.Double();
                    diamond.moveTo(x, y - r - 1);
                    diamond.lineTo(x + r + 1, y);
                    diamond.lineTo(x, y + r + 1);
                    diamond.lineTo(x - r - 1, y);
                    diamond.closePath();
                    return diamond;
                }
            }
        }

        private static void legend(Graphics2D g, Spec spec, int left, int baseline) {
            g.setFont(Drawing.SMALL);
            FontMetrics metrics = g.getFontMetrics();
            int x = left;
            for (int kind = 0; kind < Drawing.CLASSES.length; kind++) {
                final int k = kind;
                if (Arrays.stream(spec.classes).noneMatch(c -> c == k)) {
                    continue;
                }
                marker(g, kind, x + POINT / 2.0, baseline - metrics.getAscent() / 2.0 + 1);
                g.setColor(Drawing.INK);
                String label = "class " + kind;
                g.drawString(label, x + POINT + 4, baseline);
                x += POINT + 4 + metrics.stringWidth(label) + 16;
            }
        }

        private static void axes(Graphics2D g, Spec spec, int left, int top, int plotWidth, int plotHeight,
                                 boolean slanted) {
            g.setFont(Drawing.SMALL);
            FontMetrics small = g.getFontMetrics();
            int labelsBottom;
            if (spec.isPlane()) {
                double[] plane = spec.plane;
                for (BigDecimal tick : ticks(plane[0], plane[1])) {
                    int x = left + (int) Math.round((tick.doubleValue() - plane[0]) / (plane[1] - plane[0]) * plotWidth);
                    g.drawLine(x, top + plotHeight, x, top + plotHeight + 4);
                    String label = Drawing.label(tick);
                    g.drawString(label, x - small.stringWidth(label) / 2, top + plotHeight + 6 + small.getAscent());
                }
                for (BigDecimal tick : ticks(plane[2], plane[3])) {
                    int y = top + (int) Math.round((plane[3] - tick.doubleValue()) / (plane[3] - plane[2]) * plotHeight);
                    g.drawLine(left - 4, y, left, y);
                    String label = Drawing.label(tick);
                    g.drawString(label, left - 6 - small.stringWidth(label), y + small.getAscent() / 2 - 1);
                }
                labelsBottom = top + plotHeight + 6 + small.getHeight();
            } else {
                int rows = spec.values.length;
                int columns = spec.values[0].length;
                int widest = 0;
                for (int column = 0; column < columns; column++) {
                    String label = spec.columnLabels.get(column);
                    int x = left + (int) Math.round((column + 0.5) * plotWidth / columns);
                    int y = top + plotHeight + 6;
                    widest = Math.max(widest, small.stringWidth(label));
                    if (slanted) {
                        AffineTransform before = g.getTransform();
                        g.translate(x + small.getAscent() / 2, y);
                        g.rotate(-Math.PI / 4);
                        g.drawString(label, -small.stringWidth(label), small.getAscent());
                        g.setTransform(before);
                    } else {
                        g.drawString(label, x - small.stringWidth(label) / 2, y + small.getAscent());
                    }
                }
                for (int row = 0; row < rows; row++) {
                    String label = spec.rowLabels.get(row);
                    int y = top + (int) Math.round((row + 0.5) * plotHeight / rows);
                    g.drawString(label, left - 6 - small.stringWidth(label), y + small.getAscent() / 2 - 1);
                }
                labelsBottom = top + plotHeight + 6 + (slanted ? (int) Math.ceil(widest * Math.sqrt(0.5))
                        + small.getAscent() : small.getHeight());
            }
            g.setFont(Drawing.TEXT);
            FontMetrics text = g.getFontMetrics();
            g.drawString(spec.xTitle, left + (plotWidth - text.stringWidth(spec.xTitle)) / 2,
                    labelsBottom + 4 + text.getAscent());
            AffineTransform before = g.getTransform();
            g.translate(PAD + text.getAscent(), top + (plotHeight + text.stringWidth(spec.yTitle)) / 2.0);
            g.rotate(-Math.PI / 2);
            g.drawString(spec.yTitle, 0, 0);
            g.setTransform(before);
        }

        private static List<BigDecimal> ticks(double low, double high) {
            return Drawing.roundTicks(low, high, 5);
        }

        private static List<String> labels(List<BigDecimal> ticks) {
            return ticks.stream().map(Drawing::label).toList();
        }
    }
}
