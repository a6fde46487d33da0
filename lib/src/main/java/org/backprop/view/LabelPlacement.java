package org.backprop.view;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a diagram's labels go so that each stays readable: a label sits on its own line, at the
 * spot nearest a preferred fraction of the line's length where its box keeps a few pixels from
 * every other label, from every box of the drawing and {@link #CROSSING_GAP} pixels from every
 * point where two lines cross (a label on a crossing hides which line goes where). A strict
 * placement also keeps the box {@link #GAP} pixels clear of every other line, counting a line's
 * half width (a label's box is opaque, so a line under it would seem to end there); a lenient one
 * only prefers such a spot.
 */
final class LabelPlacement {

    /** The free space kept around a label's box, in pixels. */
    static final double GAP = 4;
    /** The free space kept between a label's box and a point where two lines cross, in pixels. */
    static final double CROSSING_GAP = 10;
    /** The fractions of a line's length a label may sit at: away from the arrow's head and tail. */
    private static final double FIRST = 0.12;
    private static final double LAST = 0.9;
    private static final double STEP = 0.01;
    /** The cost of covering another line: more than moving along the whole line. */
    private static final double COVERING = 10;

    private final double width;
    private final double height;
    private final List<Segment> lines = new ArrayList<>();
    /** Half the width of each line drawn, in the order of {@link #lines}. */
    private final List<Double> halfWidths = new ArrayList<>();
    private final List<Box> taken = new ArrayList<>();
    private List<double[]> crossings;

    /** A placement inside a drawing of {@code width} × {@code height} pixels. */
    LabelPlacement(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** A straight line from (x1, y1) to (x2, y2). */
    record Segment(double x1, double y1, double x2, double y2) {

        /** The point at fraction t of the way from the start to the end. */
        double[] at(double t) {
            return new double[] {x1 + (x2 - x1) * t, y1 + (y2 - y1) * t};
        }

        /**
         * Where this line and {@code other} cross strictly between their ends, or null (lines
         * that only meet at an end, as two arrows into one neuron do, do not cross).
         */
        double[] crossing(Segment other) {
            double dx = x2 - x1;
            double dy = y2 - y1;
            double ex = other.x2 - other.x1;
            double ey = other.y2 - other.y1;
            double denominator = dx * ey - dy * ex;
            if (Math.abs(denominator) < 1e-9) {
                return null;
            }
            double t = ((other.x1 - x1) * ey - (other.y1 - y1) * ex) / denominator;
            double u = ((other.x1 - x1) * dy - (other.y1 - y1) * dx) / denominator;
            double inside = 1e-6;
            return t > inside && t < 1 - inside && u > inside && u < 1 - inside ? at(t) : null;
        }
    }

    /** An axis-parallel box: its left and top edges, width and height. */
    record Box(double x, double y, double w, double h) {

        /** The box of {@code w} × {@code h} centred on (cx, cy). */
        static Box centred(double cx, double cy, double w, double h) {
            return new Box(cx - w / 2, cy - h / 2, w, h);
        }

        /** Whether the two boxes come closer than {@code gap} pixels. */
        boolean near(Box other, double gap) {
            return x < other.x + other.w + gap && other.x < x + w + gap
                    && y < other.y + other.h + gap && other.y < y + h + gap;
        }

        /** Whether (px, py) lies inside this box grown by {@code gap} on every side. */
        boolean holds(double px, double py, double gap) {
            return px > x - gap && px < x + w + gap && py > y - gap && py < y + h + gap;
        }

        /** Whether the line passes through this box (Liang–Barsky clipping). */
        boolean covers(Segment line) {
            double[] p = {-(line.x2 - line.x1), line.x2 - line.x1, -(line.y2 - line.y1), line.y2 - line.y1};
            double[] q = {line.x1 - x, x + w - line.x1, line.y1 - y, y + h - line.y1};
            double enter = 0;
            double leave = 1;
            for (int i = 0; i < 4; i++) {
                if (p[i] == 0) {
                    if (q[i] < 0) {
                        return false;
                    }
                } else if (p[i] < 0) {
                    enter = Math.max(enter, q[i] / p[i]);
                } else {
                    leave = Math.min(leave, q[i] / p[i]);
                }
            }
            return enter < leave;
        }
    }

    /**
     * A line of the drawing, {@code width} pixels wide (with any band drawn under it): labels stay
     * off its crossings with other lines and, when strict, off the line itself.
     */
    void line(Segment line, double width) {
        lines.add(line);
        halfWidths.add(width / 2);
        crossings = null;
    }

    /** A box of the drawing (a neuron, a bias): labels keep {@link #GAP} pixels from it. */
    void obstacle(Box box) {
        taken.add(box);
    }

    /**
     * The box of a {@code w} × {@code h} label centred on {@code on}, nearest the fraction
     * {@code preferred} of its length, clear of every box and crossing so far and, if {@code strict},
     * {@link #GAP} pixels clear of every other line; null when no spot on the line is clear.
     * A lenient placement takes a spot that covers fewer other lines over one nearer
     * {@code preferred}. The box is then taken.
     */
    Box place(Segment on, double w, double h, double preferred, boolean strict) {
        Box best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (double t = FIRST; t <= LAST + 1e-9; t += STEP) {
            double[] centre = on.at(t);
            Box box = Box.centred(centre[0], centre[1], w, h);
            if (!clear(box)) {
                continue;
            }
            int covered = covered(box, on);
            if (strict && covered > 0) {
                continue;
            }
            double cost = Math.abs(t - preferred) + COVERING * covered;
            if (cost < bestCost) {
                best = box;
                bestCost = cost;
            }
        }
        if (best != null) {
            taken.add(best);
        }
        return best;
    }

    /** How many lines other than {@code own} pass within {@link #GAP} pixels of the box's edge. */
    private int covered(Box box, Segment own) {
        int covered = 0;
        for (int i = 0; i < lines.size(); i++) {
            double reach = GAP + halfWidths.get(i);
            Box grown = new Box(box.x - reach, box.y - reach, box.w + 2 * reach, box.h + 2 * reach);
            if (!lines.get(i).equals(own) && grown.covers(lines.get(i))) {
                covered++;
            }
        }
        return covered;
    }

    private boolean clear(Box box) {
        if (box.x < GAP || box.y < GAP || box.x + box.w > width - GAP || box.y + box.h > height - GAP) {
            return false;
        }
        for (Box other : taken) {
            if (box.near(other, GAP)) {
                return false;
            }
        }
        for (double[] crossing : crossings()) {
            if (box.holds(crossing[0], crossing[1], CROSSING_GAP)) {
                return false;
            }
        }
        return true;
    }

    private List<double[]> crossings() {
        if (crossings == null) {
            crossings = new ArrayList<>();
            for (int a = 0; a < lines.size(); a++) {
                for (int b = a + 1; b < lines.size(); b++) {
                    double[] crossing = lines.get(a).crossing(lines.get(b));
                    if (crossing != null) {
                        crossings.add(crossing);
                    }
                }
            }
        }
        return crossings;
    }

    /**
     * The width of {@code text} in pixels at {@code size} pixels per em, from DejaVu Sans's
     * advance widths (the font the diagrams ask for first), rounded up by character class.
     */
    static double textWidth(String text, double size) {
        double ems = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            ems += switch (c) {
                case '.', ',', ' ', 'i', 'l', 'j', '(', ')', '/', 'f', 't', '′', ':' -> 0.40;
                case 'w', 'm', '=', '+', '−', '×', 'W', 'M', '→', '∝', '≈' -> 0.84;
                default -> Character.isUpperCase(c) ? 0.72 : 0.64;
            };
        }
        return ems * size;
    }
}
