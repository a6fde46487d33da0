package org.backprop.view;

import java.util.Locale;
import org.backprop.rnn.CharacterEncoding;
import org.backprop.rnn.ForwardThroughTime;
import org.backprop.rnn.Sequence;

/**
 * An Elman network unrolled over a short sequence, drawn as SVG: one column per time step, x_t at
 * the bottom, h_t in the middle, y_t on top, with the values of h_t and y_t in their boxes and the
 * error E_t above each y_t. The arrows carry the same three weight matrices at every step: W_xh
 * (x_t → h_t), W_hh (h_{t−1} → h_t), W_hy (h_t → y_t). For a text sequence the boxes name the
 * characters, and the target's probability in y_t is bold. Plain text lists the same values.
 */
public class UnrolledDiagram extends View {

    /** Wider sequences would not fit a notebook column. */
    static final int MAX_STEPS = 5;
    /** Taller hidden layers would not fit a box. */
    static final int MAX_VALUES = 8;
    private static final int COLUMN = 200;
    private static final int BOX_WIDTH = 130;
    private static final int LINE = 16;
    private static final int TITLE = 24;
    private static final int MARGIN = 20;
    private static final int GAP = 64;
    private static final String INPUT = "#0072B2";
    private static final String RECURRENT = "#D55E00";
    private static final String OUTPUT = "#009E73";

    UnrolledDiagram(String svg, String text) {
        super("image/svg+xml", svg, text);
    }

    /** The forward pass unrolled, one column per step (at most 5 steps, at most 8 hidden neurons). */
    public static UnrolledDiagram of(ForwardThroughTime pass) {
        require("pass", pass);
        int steps = pass.length();
        int hidden = pass.network().hidden();
        int outputs = pass.network().outputs();
        if (steps > MAX_STEPS) {
            throw new IllegalArgumentException("pass must be at most " + MAX_STEPS + " steps long to draw, but was "
                    + steps + " (draw the forward pass of a shorter sequence: sequence.first(" + MAX_STEPS + "))");
        }
        if (hidden > MAX_VALUES || outputs > MAX_VALUES || pass.network().inputs() > MAX_VALUES) {
            throw new IllegalArgumentException("pass must be of a network with at most " + MAX_VALUES
                    + " inputs, hidden neurons and outputs to draw, but was of " + pass.network());
        }
        Sequence sequence = pass.sequence();
        CharacterEncoding encoding = sequence.encoding().orElse(null);
        int yHeight = TITLE + LINE * outputs + 8;
        int hHeight = TITLE + LINE * hidden + 8;
        int xHeight = TITLE + LINE + 8;
        double yTop = MARGIN + 2 * LINE + 10;
        double hTop = yTop + yHeight + GAP;
        double xTop = hTop + hHeight + GAP;
        int width = 2 * MARGIN + COLUMN / 2 + COLUMN * steps;
        int height = (int) xTop + xHeight + MARGIN;
        Svg svg = new Svg(width, height);
        StringBuilder text = new StringBuilder(pass.network() + ", unrolled over " + steps + " steps; E = Σ E_t = "
                + Decimals.of(pass.totalError()));
        svg.caption(MARGIN, MARGIN + 12, "The same W_xh, W_hh, W_hy at every step.  E = Σ_t E_t = "
                + number(pass.totalError()));
        double h0 = MARGIN + COLUMN / 4.0;
        svg.box(h0 - 35, hTop, 70, hHeight, "h_0", vector(pass.h(0), null), -1);
        for (int t = 1; t <= steps; t++) {
            double centre = MARGIN + COLUMN / 2.0 + COLUMN * (t - 0.5);
            double left = centre - BOX_WIDTH / 2.0;
            String input = encoding == null ? "x_" + t : "x_" + t + " = '" + sequence.inputLabel(t) + "'";
            int target = encoding == null ? -1 : encoding.index(sequence.targetLabel(t).charAt(0));
            svg.box(left, xTop, BOX_WIDTH, xHeight, input, new String[] {oneHot(pass.x(t))}, -1);
            svg.box(left, hTop, BOX_WIDTH, hHeight, "h_" + t, vector(pass.h(t), null), -1);
            svg.box(left, yTop, BOX_WIDTH, yHeight, "y_" + t, vector(pass.y(t), encoding), target);
            String errorLabel = "E_" + t + " = " + number(pass.error(t))
                    + (encoding == null ? "" : ", target '" + sequence.targetLabel(t) + "'");
            svg.label(centre, yTop - 8, "#111", errorLabel, 13);
            svg.arrow(centre, xTop, centre, hTop + hHeight, INPUT, "W_xh", 6);
            svg.arrow(centre, hTop, centre, yTop + yHeight, OUTPUT, "W_hy", 6);
            double previousRight = t == 1 ? h0 + 35 : centre - COLUMN + BOX_WIDTH / 2.0;
            double middle = hTop + hHeight / 2.0;
            svg.arrow(previousRight, middle, left, middle, RECURRENT, "W_hh", 0);
            text.append("\n  t = ").append(t).append(": x_").append(t).append(" = ").append(input.contains("'")
                    ? "'" + sequence.inputLabel(t) + "'" : oneHot(pass.x(t)))
                    .append(", h_").append(t).append(" = ").append(list(pass.h(t)))
                    .append(", y_").append(t).append(" = ").append(list(pass.y(t)))
                    .append(", E_").append(t).append(" = ").append(Decimals.of(pass.error(t)));
        }
        String svgText = svg.toString();
        return IN_KERNEL ? Renderables.unrolled(svgText, text.toString()) : new UnrolledDiagram(svgText, text.toString());
    }

    /** The SVG document. */
    public String toSvg() {
        return rendering();
    }

    /** One line per value: "0.1234", or for a text output "e  0.1234". */
    private static String[] vector(double[] values, CharacterEncoding encoding) {
        String[] lines = new String[values.length];
        for (int j = 0; j < values.length; j++) {
            lines[j] = (encoding == null ? "" : encoding.character(j) + "   ") + number(values[j]);
        }
        return lines;
    }

    private static String oneHot(double[] x) {
        StringBuilder text = new StringBuilder("[");
        for (int k = 0; k < x.length; k++) {
            text.append(k == 0 ? "" : ", ").append(x[k] == Math.rint(x[k]) ? String.valueOf((long) x[k]) : number(x[k]));
        }
        return text.append(']').toString();
    }

    private static String list(double[] values) {
        StringBuilder text = new StringBuilder("[");
        for (int k = 0; k < values.length; k++) {
            text.append(k == 0 ? "" : ", ").append(Decimals.of(values[k]));
        }
        return text.append(']').toString();
    }

    /** Four decimals, enough to follow a value from box to box, with a true minus sign. */
    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value).replace('-', '−');
    }

    /** A minimal SVG writer: boxes, labelled arrows, captions. */
    private static final class Svg {
        private final StringBuilder body = new StringBuilder();
        private final StringBuilder labels = new StringBuilder();
        private final int width;
        private final int height;

        Svg(int width, int height) {
            this.width = width;
            this.height = height;
        }

        void caption(double x, double y, String text) {
            labels.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"14\" fill=\"#111\">%s"
                    + "</text>%n", x, y, TableView.escape(text)));
        }

        /** A box with a bold title and one line per value; line {@code bold} (if ≥ 0) in bold. */
        void box(double x, double y, double w, double h, String title, String[] lines, int bold) {
            body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"10\" "
                    + "fill=\"#f4f4f4\" stroke=\"#333\" stroke-width=\"1.5\"/>%n", x, y, w, h));
            label(x + w / 2, y + 18, "#111", title, 14, true);
            for (int i = 0; i < lines.length; i++) {
                label(x + w / 2, y + TITLE + 12 + LINE * i, "#333", lines[i], 12, i == bold);
            }
        }

        void label(double x, double y, String colour, String text, int size) {
            label(x, y, colour, text, size, false);
        }

        private void label(double x, double y, String colour, String text, int size, boolean bold) {
            labels.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                    + "font-size=\"%d\"%s fill=\"%s\">%s</text>%n", x, y, size, bold ? " font-weight=\"bold\"" : "",
                    colour, TableView.escape(text)));
        }

        /** An arrow from (x1, y1) to (x2, y2) with its weight's name beside its middle. */
        void arrow(double x1, double y1, double x2, double y2, String colour, String name, double offset) {
            body.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"2\" marker-end=\"url(#arrow-%s)\"/>%n", x1, y1, x2, y2, colour,
                    colour.substring(1)));
            boolean vertical = x1 == x2;
            double x = (x1 + x2) / 2 + (vertical ? 30 + offset : 0);
            double y = (y1 + y2) / 2 + (vertical ? 5 : -8);
            labels.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                    + "font-size=\"13\" font-weight=\"bold\" fill=\"%s\" stroke=\"white\" stroke-width=\"4\" "
                    + "paint-order=\"stroke\">%s</text>%n", x, y, colour, name));
        }

        @Override
        public String toString() {
            StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                            + "font-family=\"DejaVu Sans, Arial, sans-serif\">%n<defs>%n", width, height, width, height));
            for (String colour : new String[] {INPUT, RECURRENT, OUTPUT}) {
                svg.append(String.format(Locale.ROOT,
                        "<marker id=\"arrow-%s\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                                + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker>%n",
                        colour.substring(1), colour));
            }
            svg.append("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
            return svg.append(body).append(labels).append("</svg>").toString();
        }
    }
}
