package org.backprop.view;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * A surface E(a, b) of two parameters drawn as filled contours — bands between levels, light
 * where E is high, darker towards the lowest — with a colour bar that labels the levels, and
 * paths drawn on top, one Okabe–Ito colour each, a circle at the start, a dot at every iterate
 * between and a square at the end, the legend below the plot. Levels are 1-2-5 steps, spaced by
 * factors (0.1, 0.2, 0.5, 1, …, at most 12 from the top down, labelled m·10ⁿ: 5·10⁻², 10⁻¹,
 * 2·10⁻¹) when E ≥ 0 spans more than two decades, else evenly. A PNG 720 pixels wide in IJava;
 * the text form names the surface, its levels and where each path starts and ends.
 *
 * <pre>{@code
 * ContourPlot.of("E(a, b) = ½(a² + 25b²)", (a, b) -> 0.5 * (a * a + 25 * b * b), "a", -5, 5, "b", -2, 2)
 *         .withPaths(Map.of("SGD", sgdPath, "momentum", momentumPath))
 * }</pre>
 */
public class ContourPlot extends View {

    private static final int WIDTH = 720;
    private static final int LEFT = 64;
    private static final int TOP = 40;
    private static final int PLOT_WIDTH = 520;
    private static final int PLOT_HEIGHT = 340;
    private static final int BAR_LEFT = LEFT + PLOT_WIDTH + 24;
    private static final int BAR_WIDTH = 18;
    private static final int MAX_LEVELS = 12;
    private static final Color LOW = new Color(0xA8A8A8);
    private static final Color HIGH = new Color(0xF7F7F7);
    private static final Color LINE = new Color(0x808080);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    private final Surface surface;
    private final Map<String, double[][]> paths;

    ContourPlot(String text, Surface surface, Map<String, double[][]> paths) {
        super("image/png", () -> ImageView.png(draw(surface, paths)), text);
        this.surface = surface;
        this.paths = paths;
    }

    /**
     * The surface, its title, its axes and their ranges, its values on the pixel grid and its
     * contour levels, computed once per surface: adding paths redraws the plot without evaluating e
     * again.
     */
    record Surface(String title, DoubleBinaryOperator e, String a, double aFrom, double aTo, String b, double bFrom,
                   double bTo, double[][] grid, double[] levels) {
    }

    /**
     * The surface {@code e}(a, b) over aFrom ≤ a ≤ aTo and bFrom ≤ b ≤ bTo, the axes named
     * {@code a} and {@code b}, without paths.
     */
    public static ContourPlot of(String title, DoubleBinaryOperator e, String a, double aFrom, double aTo,
                                 String b, double bFrom, double bTo) {
        require("title", title);
        require("e", e);
        require("a", a);
        require("b", b);
        range("a", aFrom, aTo);
        range("b", bFrom, bTo);
        double[][] grid = grid(e, aFrom, aTo, bFrom, bTo);
        return make(new Surface(title, e, a, aFrom, aTo, b, bFrom, bTo, grid, levels(grid)), Map.of());
    }

    /**
     * The same surface with these paths drawn on it, in the map's order: each a list of points
     * (a, b), such as {@link org.backprop.nn.GradientDescent#path} returns. Parts outside the
     * ranges are cut off at the frame (the text form says which paths leave it).
     */
    public ContourPlot withPaths(Map<String, double[][]> paths) {
        require("paths", paths);
        if (paths.size() > Lines.PALETTE.length) {
            throw new IllegalArgumentException("paths must hold at most " + Lines.PALETTE.length + " paths (one "
                    + "colour each), but held " + paths.size());
        }
        Map<String, double[][]> copy = new LinkedHashMap<>();
        paths.forEach((label, points) -> {
            if (label == null || points == null) {
                throw new IllegalArgumentException("paths must not hold null labels or paths, but held " + label
                        + " → " + (points == null ? null : points.length + " points"));
            }
            if (points.length == 0) {
                throw new IllegalArgumentException("paths[" + label + "] must hold at least 1 point, but was empty");
            }
            double[][] kept = new double[points.length][];
            for (int k = 0; k < points.length; k++) {
                if (points[k] == null || points[k].length != 2) {
                    throw new IllegalArgumentException("paths[" + label + "][" + k + "] must be a point (a, b) of 2 "
                            + "values, but was " + (points[k] == null ? "null" : points[k].length + " values"));
                }
                if (!Double.isFinite(points[k][0]) || !Double.isFinite(points[k][1])) {
                    throw new IllegalArgumentException("paths[" + label + "][" + k + "] must be finite, but was ("
                            + points[k][0] + ", " + points[k][1] + ")");
                }
                kept[k] = points[k].clone();
            }
            copy.put(label, kept);
        });
        return make(surface, copy);
    }

    /** The plot as an image, 720 pixels wide. */
    public BufferedImage toImage() {
        return draw(surface, paths);
    }

    private static ContourPlot make(Surface surface, Map<String, double[][]> paths) {
        String text = text(surface, paths);
        return View.IN_KERNEL ? Renderables.contourPlot(text, surface, paths) : new ContourPlot(text, surface, paths);
    }


    private static void range(String axis, double from, double to) {
        if (!Double.isFinite(from) || !Double.isFinite(to) || from >= to) {
            throw new IllegalArgumentException(axis + "From must be less than " + axis + "To, both finite, but was "
                    + from + " to " + to);
        }
    }

    /** E at the centre of every pixel of the plot area, row 0 at the top (the largest b). */
    private static double[][] grid(DoubleBinaryOperator e, double aFrom, double aTo, double bFrom, double bTo) {
        double[][] grid = new double[PLOT_HEIGHT][PLOT_WIDTH];
        for (int y = 0; y < PLOT_HEIGHT; y++) {
            double b = bTo - (y + 0.5) / PLOT_HEIGHT * (bTo - bFrom);
            for (int x = 0; x < PLOT_WIDTH; x++) {
                double a = aFrom + (x + 0.5) / PLOT_WIDTH * (aTo - aFrom);
                double value = e.applyAsDouble(a, b);
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("e must be finite over the ranges, but e(" + a + ", " + b
                            + ") was " + value);
                }
                grid[y][x] = value;
            }
        }
        return grid;
    }


    /** The contour levels, ascending, strictly between min and max: 1-2-5 steps, by factors or even. */
    static double[] levels(double[][] grid) {
        double[] range = Drawing.extremes(grid);
        double min = range[0];
        double max = range[1];
        List<Double> levels = new ArrayList<>();
        if (byFactors(min, max)) {
            double[] steps = {1, 2, 5};
            for (int power = (int) Math.floor(Math.log10(max)); levels.size() < MAX_LEVELS + 3; power--) {
                for (int s = 2; s >= 0; s--) {
                    double level = steps[s] * Math.pow(10, power);
                    if (level < max && level > min) {
                        levels.add(0, level);
                    }
                }
                if (Math.pow(10, power) <= min) {
                    break;
                }
            }
            // The lowest levels give way: the top ones shape the picture, the bands near the minimum are tiny.
            levels = new ArrayList<>(levels.subList(Math.max(0, levels.size() - MAX_LEVELS), levels.size()));
        } else if (max > min) {
            double step = roundStep((max - min) / 10);
            for (double level = Math.ceil(min / step) * step; level < max; level += step) {
                if (level > min) {
                    levels.add(level);
                }
            }
        }
        return levels.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Whether levels between min and max are spaced by factors: E ≥ 0 spans more than two decades. */
    private static boolean byFactors(double min, double max) {
        return min >= 0 && max > 0 && max / Math.max(min, max * 1e-12) > 100;
    }

    /**
     * A level's label on the colour bar: m·10ⁿ (10ⁿ for m = 1) when the levels are spaced by
     * factors, so that 5·10⁻⁵ and 10⁻⁴ share one format; else the value's decimals.
     */
    static String levelLabel(double level, boolean byFactors) {
        if (!byFactors) {
            return Decimals.of(level);
        }
        long exponent = (long) Math.floor(Math.log10(level) + 1e-9);
        long mantissa = Math.round(level / Math.pow(10, exponent));
        return (mantissa == 1 ? "" : mantissa + "·") + Ticks.powerOfTen(exponent);
    }

    /** The 1-2-5 step at or above {@code raw}. */
    private static double roundStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= raw * (1 - 1e-9)) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static int band(double value, double[] levels) {
        int band = 0;
        while (band < levels.length && value >= levels[band]) {
            band++;
        }
        return band;
    }

    private static Color bandColour(int band, int bands) {
        double t = bands <= 1 ? 0 : band / (double) (bands - 1);
        return new Color(mix(LOW.getRed(), HIGH.getRed(), t), mix(LOW.getGreen(), HIGH.getGreen(), t),
                mix(LOW.getBlue(), HIGH.getBlue(), t));
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }

    private static BufferedImage draw(Surface s, Map<String, double[][]> paths) {
        double[][] grid = s.grid();
        double[] levels = s.levels();
        int legendRows = paths.isEmpty() ? 0 : (paths.size() + 2) / 3 + 1;
        int height = TOP + PLOT_HEIGHT + 56 + 22 * legendRows;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        int bands = levels.length + 1;
        int[][] bandOf = new int[PLOT_HEIGHT][PLOT_WIDTH];
        for (int y = 0; y < PLOT_HEIGHT; y++) {
            for (int x = 0; x < PLOT_WIDTH; x++) {
                bandOf[y][x] = band(grid[y][x], levels);
            }
        }
        for (int y = 0; y < PLOT_HEIGHT; y++) {
            for (int x = 0; x < PLOT_WIDTH; x++) {
                boolean edge = x > 0 && bandOf[y][x - 1] != bandOf[y][x] || y > 0 && bandOf[y - 1][x] != bandOf[y][x];
                image.setRGB(LEFT + x, TOP + y, edge ? LINE.getRGB() : bandColour(bandOf[y][x], bands).getRGB());
            }
        }
        g.setFont(TITLE);
        g.setColor(Color.BLACK);
        g.drawString(s.title(), LEFT, TOP - 14);
        g.setFont(FONT);
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT);
        axes(g, s);
        double[] range = Drawing.extremes(grid);
        colourBar(g, levels, bands, byFactors(range[0], range[1]));
        drawPaths(g, s, paths);
        legend(g, paths, TOP + PLOT_HEIGHT + 56);
        g.dispose();
        return image;
    }

    private static void axes(Graphics2D g, Surface s) {
        FontMetrics metrics = g.getFontMetrics();
        for (double a : ticks(s.aFrom(), s.aTo())) {
            int x = (int) Math.round(LEFT + (a - s.aFrom()) / (s.aTo() - s.aFrom()) * PLOT_WIDTH);
            g.drawLine(x, TOP + PLOT_HEIGHT, x, TOP + PLOT_HEIGHT + 5);
            String label = Decimals.of(a);
            g.drawString(label, x - metrics.stringWidth(label) / 2, TOP + PLOT_HEIGHT + 19);
        }
        for (double b : ticks(s.bFrom(), s.bTo())) {
            int y = (int) Math.round(TOP + (s.bTo() - b) / (s.bTo() - s.bFrom()) * PLOT_HEIGHT);
            g.drawLine(LEFT - 5, y, LEFT, y);
            String label = Decimals.of(b);
            g.drawString(label, LEFT - 8 - metrics.stringWidth(label), y + metrics.getAscent() / 2 - 1);
        }
        g.drawString(s.a(), LEFT + PLOT_WIDTH / 2 - metrics.stringWidth(s.a()) / 2, TOP + PLOT_HEIGHT + 38);
        g.drawString(s.b(), 8, TOP + PLOT_HEIGHT / 2);
    }

    /** Round ticks, 1-2-5 steps, at least 3 and about 6 of them. */
    static List<Double> ticks(double from, double to) {
        double step = roundStep((to - from) / 6);
        List<Double> ticks = new ArrayList<>();
        for (long i = (long) Math.ceil(from / step - 1e-9); i * step <= to + step * 1e-9; i++) {
            ticks.add(Math.abs(i * step) < step * 1e-9 ? 0 : i * step);
        }
        return ticks;
    }

    private static void colourBar(Graphics2D g, double[] levels, int bands, boolean byFactors) {
        FontMetrics metrics = g.getFontMetrics();
        double bandHeight = PLOT_HEIGHT / (double) bands;
        for (int band = 0; band < bands; band++) {
            int top = (int) Math.round(TOP + PLOT_HEIGHT - (band + 1) * bandHeight);
            int bottom = (int) Math.round(TOP + PLOT_HEIGHT - band * bandHeight);
            g.setColor(bandColour(band, bands));
            g.fillRect(BAR_LEFT, top, BAR_WIDTH, bottom - top);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(BAR_LEFT, TOP, BAR_WIDTH, PLOT_HEIGHT);
        for (int k = 0; k < levels.length; k++) {
            int y = (int) Math.round(TOP + PLOT_HEIGHT - (k + 1) * bandHeight);
            g.drawLine(BAR_LEFT, y, BAR_LEFT + BAR_WIDTH + 4, y);
            g.drawString(levelLabel(levels[k], byFactors), BAR_LEFT + BAR_WIDTH + 7, y + metrics.getAscent() / 2 - 1);
        }
    }

    private static void drawPaths(Graphics2D g, Surface s, Map<String, double[][]> paths) {
        g.setClip(LEFT, TOP, PLOT_WIDTH + 1, PLOT_HEIGHT + 1);
        int colour = 0;
        for (double[][] points : paths.values()) {
            Path2D.Double line = new Path2D.Double();
            for (int k = 0; k < points.length; k++) {
                double x = LEFT + (points[k][0] - s.aFrom()) / (s.aTo() - s.aFrom()) * PLOT_WIDTH;
                double y = TOP + (s.bTo() - points[k][1]) / (s.bTo() - s.bFrom()) * PLOT_HEIGHT;
                if (k == 0) {
                    line.moveTo(clamp(x), clamp(y));
                } else {
                    line.lineTo(clamp(x), clamp(y));
                }
            }
            Color c = Lines.PALETTE[colour++];
            g.setStroke(new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(Color.WHITE);
            g.draw(line);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(c);
            g.draw(line);
            for (int k = 1; k < points.length - 1; k++) {
                dot(g, c, x(s, points[k][0]), y(s, points[k][1]));
            }
            double[] first = points[0];
            double[] last = points[points.length - 1];
            marker(g, c, x(s, first[0]), y(s, first[1]), false);
            marker(g, c, x(s, last[0]), y(s, last[1]), true);
        }
        g.setClip(null);
        g.setStroke(new BasicStroke(1f));
    }

    /** Far-off points would overflow Java2D's integer geometry; the clip hides them anyway. */
    private static double clamp(double pixel) {
        return Math.max(-10_000, Math.min(10_000, pixel));
    }

    private static double x(Surface s, double a) {
        return clamp(LEFT + (a - s.aFrom()) / (s.aTo() - s.aFrom()) * PLOT_WIDTH);
    }

    private static double y(Surface s, double b) {
        return clamp(TOP + (s.bTo() - b) / (s.bTo() - s.bFrom()) * PLOT_HEIGHT);
    }

    /** An iterate between the start and the end: a small white-edged dot, so each step shows. */
    private static void dot(Graphics2D g, Color c, double x, double y) {
        double size = 6;
        Ellipse2D.Double disc = new Ellipse2D.Double(x - size / 2, y - size / 2, size, size);
        g.setColor(c);
        g.fill(disc);
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.WHITE);
        g.draw(disc);
    }

    /** A circle (the start) or a square (the end), white-edged. */
    private static void marker(Graphics2D g, Color c, double x, double y, boolean end) {
        int size = 10;
        int left = (int) Math.round(x - size / 2.0);
        int top = (int) Math.round(y - size / 2.0);
        g.setColor(c);
        if (end) {
            g.fillRect(left, top, size, size);
        } else {
            g.fillOval(left, top, size, size);
        }
        g.setStroke(new BasicStroke(1.5f));
        g.setColor(Color.WHITE);
        if (end) {
            g.drawRect(left, top, size, size);
        } else {
            g.drawOval(left, top, size, size);
        }
    }

    private static void legend(Graphics2D g, Map<String, double[][]> paths, int top) {
        if (paths.isEmpty()) {
            return;
        }
        FontMetrics metrics = g.getFontMetrics();
        int column = 0;
        int row = 0;
        int colour = 0;
        for (String label : paths.keySet()) {
            int x = LEFT + column * 210;
            int y = top + row * 22;
            g.setColor(Lines.PALETTE[colour++]);
            g.setStroke(new BasicStroke(3f));
            g.drawLine(x, y - 4, x + 24, y - 4);
            g.setColor(Color.BLACK);
            String shown = label;
            while (metrics.stringWidth(shown) > 175 && shown.length() > 2) {
                shown = shown.substring(0, shown.length() - 2) + "…";
            }
            g.drawString(shown, x + 30, y);
            if (++column == 3) {
                column = 0;
                row++;
            }
        }
        int y = top + (column == 0 ? row : row + 1) * 22;
        g.setStroke(new BasicStroke(1f));
        marker(g, Color.DARK_GRAY, LEFT + 5, y - 4, false);
        g.setColor(Color.BLACK);
        g.drawString("start", LEFT + 16, y);
        marker(g, Color.DARK_GRAY, LEFT + 70, y - 4, true);
        g.setColor(Color.BLACK);
        g.drawString("end", LEFT + 81, y);
    }

    private static String text(Surface s, Map<String, double[][]> paths) {
        double[][] grid = s.grid();
        double[] levels = s.levels();
        double[] range = Drawing.extremes(grid);
        StringBuilder text = new StringBuilder(s.title()).append(" over ").append(s.a()).append(" from ")
                .append(Decimals.of(s.aFrom())).append(" to ").append(Decimals.of(s.aTo())).append(", ")
                .append(s.b()).append(" from ").append(Decimals.of(s.bFrom())).append(" to ")
                .append(Decimals.of(s.bTo())).append(": values ").append(Decimals.of(range[0])).append(" to ")
                .append(Decimals.of(range[1])).append(", ").append(levels.length).append(" contour levels");
        if (levels.length > 0) {
            text.append(" from ").append(Decimals.of(levels[0])).append(" to ")
                    .append(Decimals.of(levels[levels.length - 1]));
        }
        paths.forEach((label, points) -> {
            double[] first = points[0];
            double[] last = points[points.length - 1];
            text.append("\n  ").append(label).append(": ").append(points.length - 1).append(" steps, (")
                    .append(Decimals.of(first[0])).append(", ").append(Decimals.of(first[1])).append(") → (")
                    .append(Decimals.of(last[0])).append(", ").append(Decimals.of(last[1])).append("), E ")
                    .append(Decimals.of(s.e().applyAsDouble(first[0], first[1]))).append(" → ")
                    .append(Decimals.of(s.e().applyAsDouble(last[0], last[1])));
            for (double[] point : points) {
                if (point[0] < s.aFrom() || point[0] > s.aTo() || point[1] < s.bFrom() || point[1] > s.bTo()) {
                    text.append(" (leaves the plotted area)");
                    break;
                }
            }
        });
        return text.toString();
    }
}
