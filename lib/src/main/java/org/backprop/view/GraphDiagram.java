package org.backprop.view;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backprop.graph.Gradients;
import org.backprop.graph.Graph;
import org.backprop.graph.Node;

/**
 * A computational graph drawn as SVG in the style of CS231n's circuit diagrams, left to right:
 * each gate a box showing its operation (+, ×, σ, …) with its name above it, each wire ending in
 * a horizontal stretch that carries the value flowing forward <em>above</em> it and, once
 * differentiated, the gradient flowing back along it <em>below</em> it, in vermillion. The
 * output's value and ∂f/∂f = 1 sit on a short wire leaving it to the right.
 *
 * <p>Leaves and constants are not boxes but the labels where their wires start: an input that
 * feeds several gates (a shared bias) appears once per gate, each wire with its own share of the
 * gradient; a line under the drawing adds the shares up. Gates stand in columns, each as far
 * right as its uses allow, and are ordered within a column to keep wires short and straight.
 * Plain text lists every node with its formula, value and gradient.
 */
public class GraphDiagram extends View {

    /** A drawing is read, not searched: beyond this, {@link GraphTables#nodes} lists the nodes. */
    static final int MAX_GATES = 120;

    private static final String VALUE_COLOUR = "#222222";
    /** Okabe and Ito's vermillion, which no common colour-vision deficiency confuses with black. */
    private static final String GRADIENT_COLOUR = "#D55E00";
    private static final String WIRE_COLOUR = "#8a8a8a";
    private static final int FONT = 12;
    private static final double CHARACTER = 0.62 * FONT;
    private static final int LANE_GAP = 36;
    private static final int MIN_LANE = 48;
    private static final int SLOPE = 30;
    private static final int NODE_GAP = 26;
    private static final int MARGIN = 16;
    private static final int TOP = 44;
    private static final int FOOTER_LINE = 18;
    private static final int LAYOUT_ROUNDS = 12;
    private static final String VALUES = "value above each wire (forward)";

    GraphDiagram(String svg, String text) {
        super("image/svg+xml", svg, text);
    }

    /** The graph of {@code output} with the value on every wire. */
    public static GraphDiagram of(Node output) {
        require("output", output);
        return draw(output.graph(), null);
    }

    /** The graph differentiated in reverse mode: every wire's value above it, its gradient below. */
    public static GraphDiagram of(Gradients gradients) {
        require("gradients", gradients);
        if (!gradients.isReverseMode()) {
            throw new IllegalArgumentException("gradients must come from reverse mode (node.backward()), which "
                    + "sends a gradient along every wire, but came from " + gradients.mode());
        }
        return draw(gradients.graph(), gradients);
    }

    /** The SVG document. */
    public String toSvg() {
        return rendering();
    }

    private static GraphDiagram draw(Graph graph, Gradients gradients) {
        Layout layout = new Layout(graph);
        String svg = new Drawing(graph, gradients, layout).toString();
        String text = text(graph, gradients);
        return View.IN_KERNEL ? Renderables.graphDiagram(svg, text) : new GraphDiagram(svg, text);
    }

    /** 4 significant digits, trailing zeros dropped: -12, 0.7311, 0.0004386, 3.511e-05. */
    static String number(double value) {
        if (value == 0) {
            return "0";
        }
        double size = Math.abs(value);
        if (size < 1e-4 || size >= 1e6) {
            return String.format(Locale.ROOT, "%.3e", value).replaceAll("\\.?0+e", "e");
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static double width(String text, double font) {
        return text.length() * 0.62 * font;
    }

    private static String text(Graph graph, Gradients gradients) {
        String f = graph.label(graph.output());
        StringBuilder text = new StringBuilder(graph.toString());
        text.append(gradients == null ? " (values)" : " (values; gradients ∂" + f + "/∂node from reverse mode)");
        for (Node node : graph.nodes()) {
            String label = graph.label(node);
            text.append("\n  ").append(label);
            if (!node.isInput()) {
                text.append(" = ").append(graph.formula(node)).append(" = ").append(number(node.value()));
            } else if (node.name() != null) {
                text.append(" (").append(node.isLeaf() ? "leaf" : "constant").append(") = ")
                        .append(number(node.value()));
            } else {
                text.append(" (constant)");
            }
            if (gradients != null) {
                text.append(", ∂").append(f).append("/∂").append(label).append(" = ").append(sum(gradients, node));
            }
        }
        return text.toString();
    }

    /** "-4", or "0.3 + 0.1 = 0.4" where contributions from several gates were added. */
    private static String sum(Gradients gradients, Node node) {
        List<Gradients.Contribution> contributions = gradients.contributions(node);
        if (contributions.size() < 2) {
            return number(gradients.of(node));
        }
        List<String> shares = contributions.stream().map(c -> number(c.arriving())).toList();
        return String.join(" + ", shares).replace("+ -", "− ") + " = " + number(gradients.of(node));
    }

    /** Columns and heights of the gates: the output and every gate are boxes; inputs are labels. */
    private static final class Layout {
        final List<Node> gates = new ArrayList<>();
        final Map<Node, Integer> column = new IdentityHashMap<>();
        final Map<Node, Double> y = new IdentityHashMap<>();
        final List<List<Node>> columns = new ArrayList<>();
        final Graph graph;

        Layout(Graph graph) {
            this.graph = graph;
            for (Node node : graph.nodes()) {
                if (!node.isInput() || node == graph.output()) {
                    gates.add(node);
                }
            }
            if (gates.size() > MAX_GATES) {
                throw new IllegalArgumentException("a diagram draws at most " + MAX_GATES + " gates, but the graph of "
                        + graph.label(graph.output()) + " has " + gates.size() + " (list them: GraphTables.nodes)");
            }
            // As early as the inputs allow, then as late as the uses allow, so that wires are short.
            for (Node gate : gates) {
                int c = 1;
                for (Node input : gate.inputs()) {
                    c = Math.max(c, input.isInput() ? 1 : column.get(input) + 1);
                }
                column.put(gate, c);
            }
            for (int k = gates.size() - 2; k >= 0; k--) {
                Node gate = gates.get(k);
                int latest = graph.consumers(gate).stream().mapToInt(consumer -> column.get(consumer) - 1).min()
                        .orElse(column.get(gate));
                column.put(gate, latest);
            }
            int last = column.get(graph.output());
            for (int c = 0; c <= last; c++) {
                columns.add(new ArrayList<>());
            }
            for (Node gate : gates) {
                columns.get(column.get(gate)).add(gate);
            }
            for (List<Node> stack : columns) {
                pack(stack, stack.stream().map(gate -> 0.0).toList());
            }
            for (int round = 0; round < LAYOUT_ROUNDS; round++) {
                for (int c = 2; c <= last; c++) {
                    arrange(columns.get(c), true);
                }
                for (int c = last - 1; c >= 1; c--) {
                    arrange(columns.get(c), false);
                }
            }
            double top = y.entrySet().stream().mapToDouble(e -> e.getValue() - height(e.getKey()) / 2).min()
                    .orElse(0);
            y.replaceAll((gate, centre) -> centre - top + TOP);
        }

        /** Moves each gate of a column towards the gates it is wired to, keeping them apart. */
        private void arrange(List<Node> stack, boolean towardsInputs) {
            List<Double> wanted = new ArrayList<>();
            for (Node gate : stack) {
                double sum = 0;
                int wires = 0;
                if (towardsInputs) {
                    List<Node> inputs = gate.inputs();
                    for (int i = 0; i < inputs.size(); i++) {
                        if (!inputs.get(i).isInput()) {
                            sum += y.get(inputs.get(i)) - portOffset(gate, i);
                            wires++;
                        }
                    }
                } else {
                    for (Node consumer : graph.consumers(gate)) {
                        List<Node> inputs = consumer.inputs();
                        for (int i = 0; i < inputs.size(); i++) {
                            if (inputs.get(i) == gate) {
                                sum += y.get(consumer) + portOffset(consumer, i);
                                wires++;
                            }
                        }
                    }
                }
                wanted.add(wires == 0 ? y.get(gate) : sum / wires);
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < stack.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble(wanted::get));
            List<Node> sorted = order.stream().map(stack::get).toList();
            List<Double> sortedWanted = order.stream().map(wanted::get).toList();
            stack.clear();
            stack.addAll(sorted);
            pack(stack, sortedWanted);
        }

        /**
         * Centres as close as possible (least squares) to the wanted ones, in the stack's order,
         * with neighbours at least their half-heights plus a gap apart: with offsets oᵢ of a tight
         * stack, zᵢ = yᵢ − oᵢ must not decrease — an isotonic regression, solved by pooling
         * adjacent violators.
         */
        private void pack(List<Node> stack, List<Double> wanted) {
            int n = stack.size();
            double[] offset = new double[n];
            for (int i = 1; i < n; i++) {
                offset[i] = offset[i - 1] + (height(stack.get(i - 1)) + height(stack.get(i))) / 2 + NODE_GAP;
            }
            double[] mean = new double[n];
            int[] size = new int[n];
            int blocks = 0;
            for (int i = 0; i < n; i++) {
                mean[blocks] = wanted.get(i) - offset[i];
                size[blocks] = 1;
                blocks++;
                while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) {
                    int merged = size[blocks - 2] + size[blocks - 1];
                    mean[blocks - 2] = (mean[blocks - 2] * size[blocks - 2] + mean[blocks - 1] * size[blocks - 1]) / merged;
                    size[blocks - 2] = merged;
                    blocks--;
                }
            }
            int i = 0;
            for (int b = 0; b < blocks; b++) {
                for (int j = 0; j < size[b]; j++, i++) {
                    y.put(stack.get(i), mean[b] + offset[i]);
                }
            }
        }
    }

    /** A box's height: one lane per input. */
    static double height(Node gate) {
        return Math.max(1, gate.inputs().size()) * LANE_GAP - 8;
    }

    /** Where input i enters a gate, relative to the gate's centre. */
    static double portOffset(Node gate, int i) {
        return (i - (gate.inputs().size() - 1) / 2.0) * LANE_GAP;
    }

    /** The SVG: wires first, then boxes, then labels on top, each label haloed in white. */
    private static final class Drawing {
        private final StringBuilder wires = new StringBuilder();
        private final StringBuilder boxes = new StringBuilder();
        private final StringBuilder labels = new StringBuilder();
        private final Graph graph;
        private final Gradients gradients;
        private final Layout layout;
        private final Map<Node, Double> x = new IdentityHashMap<>();
        private final double width;
        private final double outputEnd;
        private final double height;

        Drawing(Graph graph, Gradients gradients, Layout layout) {
            this.graph = graph;
            this.gradients = gradients;
            this.layout = layout;
            double[] lane = new double[layout.columns.size() + 1];
            double[] inputLabel = new double[layout.columns.size()];
            double[] boxWidth = new double[layout.columns.size()];
            for (Node gate : layout.gates) {
                int c = layout.column.get(gate);
                boxWidth[c] = Math.max(boxWidth[c], boxWidth(gate));
                List<Node> inputs = gate.inputs();
                for (int i = 0; i < inputs.size(); i++) {
                    lane[c] = Math.max(lane[c], laneWidth(inputs.get(i), gate, i));
                    if (inputs.get(i).isInput()) {
                        inputLabel[c] = Math.max(inputLabel[c], width(graph.label(inputs.get(i)), FONT + 1) + 6);
                    }
                }
            }
            Node output = graph.output();
            lane[lane.length - 1] = Math.max(MIN_LANE, Math.max(width(number(output.value()), FONT),
                    gradients == null ? 0 : width(number(1), FONT)) + 10);
            double[] centre = new double[layout.columns.size()];
            for (int c = 1; c < centre.length; c++) {
                double left = c == 1 ? MARGIN + inputLabel[1] : centre[c - 1] + boxWidth[c - 1] / 2
                        + Math.max(SLOPE, inputLabel[c] + 8);
                centre[c] = left + Math.max(lane[c], MIN_LANE) + boxWidth[c] / 2;
            }
            for (Node gate : layout.gates) {
                x.put(gate, centre[layout.column.get(gate)]);
            }
            int last = centre.length - 1;
            this.outputEnd = centre[last] + boxWidth[last] / 2 + lane[lane.length - 1];
            double right = outputEnd + MARGIN;
            double bottom = layout.y.entrySet().stream()
                    .mapToDouble(e -> e.getValue() + height(e.getKey()) / 2).max().orElse(TOP);
            List<String> footer = footer();
            this.height = bottom + 22 + FOOTER_LINE * footer.size() + MARGIN;
            double legend = width(VALUES, FONT) + 24 + (gradients == null ? 0 : width(gradientLegend(), FONT));
            this.width = Math.max(right, Math.max(legend + 2 * MARGIN, footer.stream()
                    .mapToDouble(line -> width(line, FONT)).max().orElse(0) + 2 * MARGIN));
            legend();
            for (Node gate : layout.gates) {
                drawGate(gate);
            }
            drawOutput(output);
            for (int i = 0; i < footer.size(); i++) {
                labels.append(text(MARGIN, bottom + 28 + FOOTER_LINE * i, "start", GRADIENT_COLOUR, footer.get(i),
                        FONT, false));
            }
        }

        private double laneWidth(Node input, Node gate, int i) {
            double value = width(number(input.value()), FONT);
            double gradient = gradients == null ? 0 : width(number(arriving(gate, i)), FONT);
            return Math.max(MIN_LANE, Math.max(value, gradient) + 10);
        }

        private static double boxWidth(Node gate) {
            return Math.max(30, width(symbol(gate), 15) + 14);
        }

        private static String symbol(Node gate) {
            return gate.isInput() ? "" : gate.operation().equals("neg") ? "−x" : gate.operation();
        }

        /** What the gradient sweep handed input i of the gate: the gradient on that wire. */
        private double arriving(Node gate, int i) {
            Node input = gate.inputs().get(i);
            for (Gradients.Contribution c : gradients.contributions(input)) {
                if (c.gate() == gate && c.input() == i) {
                    return c.arriving();
                }
            }
            throw new IllegalStateException("no contribution from " + gate + " to input " + i);
        }

        private void legend() {
            labels.append(text(MARGIN, 18, "start", VALUE_COLOUR, VALUES, FONT, false));
            if (gradients != null) {
                labels.append(text(MARGIN + width(VALUES, FONT) + 24, 18, "start", GRADIENT_COLOUR, gradientLegend(),
                        FONT, false));
            }
        }

        private String gradientLegend() {
            return "gradient ∂" + graph.label(graph.output()) + "/∂· below it (backward)";
        }

        /** One line per node that several wires leave: its gradient is the sum of theirs. */
        private List<String> footer() {
            List<String> lines = new ArrayList<>();
            if (gradients == null) {
                return lines;
            }
            String f = graph.label(graph.output());
            for (Node node : graph.nodes()) {
                if (gradients.contributions(node).size() > 1) {
                    lines.add("∂" + f + "/∂" + graph.label(node) + " = " + sum(gradients, node)
                            + "  (" + gradients.contributions(node).size() + " wires added)");
                }
            }
            return lines;
        }

        private void drawGate(Node gate) {
            double cx = x.get(gate);
            double cy = layout.y.get(gate);
            double w = boxWidth(gate);
            double h = height(gate);
            List<Node> inputs = gate.inputs();
            for (int i = 0; i < inputs.size(); i++) {
                Node input = inputs.get(i);
                double py = cy + portOffset(gate, i);
                double end = cx - w / 2 - 1;
                double start = end - laneWidthOf(gate);
                if (input.isInput()) {
                    wires.append(line(start, py, end, py));
                    boolean constant = !input.isLeaf();
                    labels.append(text(start - 4, py + 4, "end", constant ? "#555555" : VALUE_COLOUR,
                            graph.label(input), FONT + 1, !constant));
                } else {
                    double sx = x.get(input) + boxWidth(input) / 2;
                    double sy = layout.y.get(input);
                    double bend = (start - sx) / 2;
                    wires.append(String.format(Locale.ROOT,
                            "<path d=\"M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f L%.1f,%.1f\" fill=\"none\" "
                                    + "stroke=\"%s\" stroke-width=\"1.4\" marker-end=\"url(#arrow)\"/>%n",
                            sx, sy, sx + bend, sy, start - bend, py, start, py, end, py, WIRE_COLOUR));
                }
                wireLabels((start + end) / 2, py, input.value(), gradients == null ? null : arriving(gate, i));
            }
            boxes.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\" fill=\"#eef3f8\" "
                            + "stroke=\"#33415c\" stroke-width=\"1.4\"/>%n",
                    cx - w / 2, cy - h / 2, w, h, Math.min(w, h) / 2));
            labels.append(text(cx, cy + 5, "middle", "#111111", symbol(gate), 15, false));
            if (gate.name() != null) {
                labels.append(text(cx, cy - h / 2 - 5, "middle", "#111111", gate.name(), FONT, true));
            }
        }

        private double laneWidthOf(Node gate) {
            int c = layout.column.get(gate);
            double lane = MIN_LANE;
            for (Node other : layout.columns.get(c)) {
                for (int i = 0; i < other.inputs().size(); i++) {
                    lane = Math.max(lane, laneWidth(other.inputs().get(i), other, i));
                }
            }
            return lane;
        }

        private void drawOutput(Node output) {
            double start = x.get(output) + boxWidth(output) / 2;
            double y = layout.y.get(output);
            double end = outputEnd;
            wires.append(line(start, y, end, y));
            wireLabels((start + end) / 2, y, output.value(), gradients == null ? null : gradients.of(output));
            if (output.isInput()) {
                labels.append(text(x.get(output), y + 5, "middle", "#111111", graph.label(output), FONT, true));
            }
        }

        private void wireLabels(double x, double y, double value, Double gradient) {
            labels.append(text(x, y - 6, "middle", VALUE_COLOUR, number(value), FONT, false));
            if (gradient != null) {
                labels.append(text(x, y + 15, "middle", GRADIENT_COLOUR, number(gradient), FONT, false));
            }
        }

        private static String line(double x1, double y1, double x2, double y2) {
            return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"1.4\" marker-end=\"url(#arrow)\"/>%n", x1, y1, x2, y2, WIRE_COLOUR);
        }

        private static String text(double x, double y, String anchor, String colour, String text, int size,
                                   boolean bold) {
            return String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\"%s fill=\"%s\" "
                            + "stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">%s</text>%n",
                    x, y, anchor, size, bold ? " font-weight=\"bold\"" : "", colour, TableView.escape(text));
        }

        @Override
        public String toString() {
            int w = (int) Math.ceil(width);
            int h = (int) Math.ceil(height);
            return String.format(Locale.ROOT,
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                            + "font-family=\"DejaVu Sans, Arial, sans-serif\">%n<defs><marker id=\"arrow\" "
                            + "viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" "
                            + "orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker></defs>%n"
                            + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                    w, h, w, h, WIRE_COLOUR) + wires + boxes + labels + "</svg>";
        }
    }
}
