package org.backprop.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.Bias;
import org.backprop.nn.ForwardPass;
import org.backprop.nn.Layer;
import org.backprop.nn.Names;
import org.backprop.nn.Network;

/**
 * The network drawn as SVG with the worked example's labels: neurons i1, h1, o1, …, every
 * connection labelled with its weight's name and value (w5 = 0.4), coloured by the neuron it
 * feeds, so w6 (h2 → o1) cannot be mistaken for w7 (h1 → o2). Labels are opaque and sit on their own
 * line, clear of each other, of the points where lines cross and, wherever the layout allows, of
 * every other line. A bias shared by a layer (Mazur's b1, b2) is
 * one quantity, drawn once, as Mazur draws it: a node in the layer before, with a dashed arrow into
 * each neuron it feeds; a bias per neuron hangs under its neuron. Optionally each neuron shows its
 * net and out; the backward pass adds each neuron's δ = ∂E/∂net, each weight's ∂E/∂w (the line's
 * width grows with |∂E/∂w|) and E_total. Computed values print with 9 decimals each (0.751365070),
 * given ones (inputs, weights, biases) as given; and {@link #paths} highlights how one neuron's output
 * reaches E_total. Plain text lists the same connections and values.
 */
public class NetworkDiagram extends View {

    private static final int LAYER_GAP = 330;
    /** The scales of both gaps tried in turn until every label finds a clear spot. */
    private static final double[] SPREADS = {1, 1.2, 1.45, 1.75, 2.1};
    private static final int ERROR_GAP = 250;
    private static final int NEURON_GAP = 180;
    private static final int NODE_WIDTH = 130;
    private static final int ERROR_WIDTH = 110;
    private static final int MARGIN = 30;
    private static final int BIAS_DROP = 34;
    /**
     * How far left of its layer a shared bias sits per neuron above the lowest, so that its arrows
     * meet the weights' lines near their ends, past their labels, and pass clear of the lower neurons.
     */
    private static final int SHARED_BIAS_LEFT = 40;
    private static final int LINE = 15;
    private static final int NOTE_LINE = 17;
    private static final double LABEL_AT = 0.66;
    private static final double THINNEST = 1.2;
    private static final double WIDEST = 8;
    /** Okabe &amp; Ito's colours (as in every picture of the course), one per neuron of a layer. */
    private static final String[] COLOURS = hex(Drawing.CLASSES);
    /**
     * Okabe &amp; Ito's bluish green, under the highlighted paths: it stands out from white and from
     * the blue and vermillion lines drawn on it.
     */
    private static final String HIGHLIGHT = "#009E73";
    /** How much wider than its line the band under a highlighted path is, in pixels. */
    private static final double BAND = 8;
    private static final String GREY = "#555555";
    /** One colour per neuron of a layer, so the widest layer drawn has as many neurons as colours. */
    private static final int MAX_NEURONS = COLOURS.length;
    private static final int MAX_PATHS = 16;

    NetworkDiagram(String svg, String text) {
        super("image/svg+xml", svg, text);
    }

    /** The network with its current weights and biases. */
    public static NetworkDiagram of(Network network) {
        require("network", network);
        Layer[] layers = new Layer[network.depth()];
        for (int l = 1; l <= layers.length; l++) {
            layers[l - 1] = network.layer(l);
        }
        return draw(new Content(network.names(), layers, null, null, null));
    }

    /** The network as the forward pass saw it, with net and out in each neuron. */
    public static NetworkDiagram of(ForwardPass pass) {
        require("pass", pass);
        return draw(new Content(pass.names(), layers(pass), pass, null, null));
    }

    /**
     * The network as the backward pass saw it: net, out and δ = ∂E/∂net in each neuron, ∂E/∂w on
     * every weight, drawn 1.2 px wide plus 6.8 px × |∂E/∂w| / max |∂E/∂w| (BP4: ∂E/∂wˡⱼₖ = δˡⱼ · outˡ⁻¹ₖ), and
     * ∂E/∂out on the arrow from each output to E_total.
     */
    public static NetworkDiagram of(BackwardPass backward) {
        require("backward", backward);
        ForwardPass pass = backward.forward();
        return draw(new Content(pass.names(), layers(pass), pass, backward, null));
    }

    /**
     * The backward diagram with every path from the output of hidden neuron {@code neuron} to
     * E_total highlighted, and each path's product of chain-rule factors listed under it: for h1
     * of the 2-2-2 network, w5 · δ_o1 through o1 and w7 · δ_o2 through o2. A path through more
     * layers multiplies, at each neuron m it passes, the weight into m and f′(net_m), and ends on
     * an output's δ. The paths' products add up to ∂E/∂out of the neuron (BP2 unrolled):
     *
     * <pre>
     *   ∂E/∂out_n = Σ over paths n → m₁ → … → o of  w(m₁←n) · f′(net_m₁) · w(m₂←m₁) · … · δ_o
     * </pre>
     *
     * @param neuron a hidden neuron's name, as the diagram labels it (h1, or h2_1 with two hidden layers)
     */
    public static NetworkDiagram paths(BackwardPass backward, String neuron) {
        require("backward", backward);
        require("neuron", neuron);
        ForwardPass pass = backward.forward();
        Names names = pass.names();
        Names.Neuron from;
        try {
            from = names.neuron(neuron);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("neuron must name a hidden neuron of the network, but was '" + neuron
                    + "' (" + unknown.getMessage() + ")");
        }
        if (from.layer() == 0 || from.layer() == pass.depth()) {
            throw new IllegalArgumentException("neuron must name a hidden neuron (its output reaches E_total "
                    + "through the layers after it), but '" + neuron + "' is " + (from.layer() == 0 ? "an input"
                    : "an output, whose ∂E/∂out takes no path through other neurons"));
        }
        long count = 1;
        for (int l = from.layer() + 1; l <= pass.depth(); l++) {
            count *= pass.layer(l).size();
        }
        if (count > MAX_PATHS) {
            throw new IllegalArgumentException("a diagram lists at most " + MAX_PATHS + " paths, but " + neuron
                    + " reaches E_total along " + count + " (highlight a neuron nearer the outputs)");
        }
        return draw(new Content(names, layers(pass), pass, backward, from));
    }

    /** The SVG document. */
    public String toSvg() {
        return rendering();
    }

    private static Layer[] layers(ForwardPass pass) {
        Layer[] layers = new Layer[pass.depth()];
        for (int l = 1; l <= layers.length; l++) {
            layers[l - 1] = pass.layer(l);
        }
        return layers;
    }

    private static String[] hex(java.awt.Color[] colours) {
        String[] hex = new String[colours.length];
        for (int i = 0; i < colours.length; i++) {
            hex[i] = String.format(Locale.ROOT, "#%06X", colours[i].getRGB() & 0xFFFFFF);
        }
        return hex;
    }

    /** What a diagram shows: the layers, and optionally the passes and the neuron whose paths stand out. */
    private record Content(Names names, Layer[] layers, ForwardPass pass, BackwardPass backward,
                           Names.Neuron highlighted) {

        int size(int l) {
            return l == 0 ? layers[0].inputs() : layers[l - 1].size();
        }

        int depth() {
            return layers.length;
        }

        /** Whether weight Wˡⱼₖ lies on a path from the highlighted neuron to E_total. */
        boolean onPath(int l, int k) {
            return highlighted != null && (l > highlighted.layer() + 1 || l == highlighted.layer() + 1
                    && k == highlighted.index());
        }
    }

    private static NetworkDiagram draw(Content content) {
        int tallest = 0;
        for (int l = 0; l <= content.depth(); l++) {
            int size = content.size(l);
            if (size > MAX_NEURONS) {
                throw new IllegalArgumentException("a diagram draws at most " + MAX_NEURONS
                        + " neurons per layer (one colour each), but layer " + l + " has " + size);
            }
            tallest = Math.max(tallest, size);
        }
        // First every label clear of every other line, spreading the layout if need be; then, for
        // networks too dense for that, labels that may cover another line but never a crossing.
        for (boolean strict : new boolean[] {true, false}) {
            for (double spread : SPREADS) {
                String svg = new Sketch(content, tallest, spread, strict).svg();
                if (svg != null) {
                    String text = text(content);
                    return View.IN_KERNEL ? Renderables.diagram(svg, text) : new NetworkDiagram(svg, text);
                }
            }
        }
        throw new IllegalArgumentException("a diagram cannot label all weights of the " + shape(content)
                + " network apart from each other and from the crossings of its lines, even with its layers and "
                + "neurons " + SPREADS[SPREADS.length - 1] + " times as far apart: draw fewer neurons per layer");
    }

    private static String shape(Content content) {
        StringBuilder shape = new StringBuilder().append(content.size(0));
        for (int l = 1; l <= content.depth(); l++) {
            shape.append('-').append(content.size(l));
        }
        return shape.toString();
    }

    private static String weightLabel(Content content, int l, int j, int k) {
        return content.names().weight(l, j, k) + " = " + Decimals.of(content.layers()[l - 1].weight(j, k));
    }

    private static String gradientLabel(Content content, int l, int j, int k) {
        return "∂E/∂" + content.names().weight(l, j, k) + " = " + computed(content.backward().weightGradient(l, j, k));
    }

    private static String biasLabel(Content content, int l, int j) {
        return content.names().bias(l, j) + " = " + Decimals.of(content.layers()[l - 1].biasOf(j));
    }

    private static String biasGradientLabel(Content content, int l, int j) {
        return "∂E/∂" + content.names().bias(l, j) + " = " + computed(content.backward().biasGradient(l, j));
    }

    /**
     * A computed value as the diagram prints it: with all 9 of {@link Decimals}' decimals, so that
     * the numbers in a column of neurons line up (0.751365070, not 0.75136507); tiny and large
     * values as {@link Decimals} prints them (3.51085e-05, 120.034).
     */
    static String computed(double value) {
        String decimals = Decimals.of(value);
        return decimals.contains("e") || decimals.isEmpty() || Math.abs(value) >= 10 ? decimals
                : String.format(Locale.ROOT, "%.9f", value);
    }

    /** The values in neuron j of layer l: out (inputs), net and out, and in a backward pass δ. */
    private static List<String> values(Content content, int l, int j) {
        List<String> values = new ArrayList<>();
        if (content.pass() != null) {
            if (l > 0) {
                values.add("net " + computed(content.pass().net(l, j)));
            }
            double out = content.pass().out(l, j);
            values.add("out " + (l == 0 ? Decimals.of(out) : computed(out)));
            if (content.backward() != null && l > 0) {
                values.add("δ " + computed(content.backward().delta(l, j)));
            }
        }
        return values;
    }

    /** The plain-text form: the shape, every connection and bias, every neuron's values, the paths. */
    private static String text(Content content) {
        Names names = content.names();
        StringBuilder text = new StringBuilder("Network ").append(shape(content)).append('\n');
        for (int l = 1; l <= content.depth(); l++) {
            Layer layer = content.layers()[l - 1];
            for (int j = 0; j < layer.size(); j++) {
                for (int k = 0; k < layer.inputs(); k++) {
                    text.append("  ").append(names.neuron(l - 1, k)).append(" → ").append(names.neuron(l, j))
                            .append(": ").append(weightLabel(content, l, j, k));
                    if (content.backward() != null) {
                        text.append(", ").append(gradientLabel(content, l, j, k));
                    }
                    text.append('\n');
                }
                if (layer.bias() == Bias.PER_NEURON) {
                    text.append("  bias of ").append(names.neuron(l, j)).append(": ").append(biasLabel(content, l, j))
                            .append(content.backward() == null ? "" : ", " + biasGradientLabel(content, l, j))
                            .append('\n');
                }
            }
            if (layer.bias() == Bias.SHARED) {
                List<String> fed = new ArrayList<>();
                for (int j = 0; j < layer.size(); j++) {
                    fed.add(names.neuron(l, j));
                }
                text.append("  ").append(biasLabel(content, l, 0)).append(" → ").append(String.join(", ", fed))
                        .append(" (one bias shared by layer ").append(l).append(')')
                        .append(content.backward() == null ? "" : ", " + biasGradientLabel(content, l, 0))
                        .append('\n');
            }
        }
        if (content.pass() != null) {
            for (int l = 0; l <= content.depth(); l++) {
                for (int j = 0; j < content.size(l); j++) {
                    text.append("  ").append(names.neuron(l, j)).append(": ")
                            .append(String.join(", ", values(content, l, j))).append('\n');
                }
            }
        }
        if (content.backward() != null) {
            text.append("  E_total = ").append(computed(content.pass().totalError())).append('\n');
            for (String line : notes(content)) {
                text.append("  ").append(line).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    /** The lines under a backward diagram: how to read the widths, and the highlighted paths. */
    private static List<String> notes(Content content) {
        List<String> notes = new ArrayList<>();
        double widest = widestGradient(content);
        String which = "";
        for (int l = 1; l <= content.depth() && which.isEmpty(); l++) {
            for (int j = 0; j < content.size(l) && which.isEmpty(); j++) {
                for (int k = 0; k < content.size(l - 1) && which.isEmpty(); k++) {
                    if (widest > 0 && Math.abs(content.backward().weightGradient(l, j, k)) == widest) {
                        which = content.names().weight(l, j, k);
                    }
                }
            }
        }
        notes.add(widest > 0
                ? String.format(Locale.ROOT, "Line width = %.1f px + %.1f px × |∂E/∂w| / |∂E/∂%s| (%s has the "
                        + "largest, %s); δ = ∂E/∂net.", THINNEST, WIDEST - THINNEST, which, which, computed(widest))
                : "Every ∂E/∂w is 0, so every line is " + THINNEST + " px wide; δ = ∂E/∂net.");
        if (content.highlighted() != null) {
            notes.addAll(pathNotes(content));
        }
        return notes;
    }

    /** max |∂E/∂w| over the weights of the diagram. */
    private static double widestGradient(Content content) {
        double widest = 0;
        for (int l = 1; l <= content.depth(); l++) {
            for (int j = 0; j < content.size(l); j++) {
                for (int k = 0; k < content.size(l - 1); k++) {
                    widest = Math.max(widest, Math.abs(content.backward().weightGradient(l, j, k)));
                }
            }
        }
        return widest;
    }

    /** One line per path from the highlighted neuron to E_total, and their sum. */
    private static List<String> pathNotes(Content content) {
        Names.Neuron from = content.highlighted();
        String name = content.names().neuron(from.layer(), from.index());
        List<String> lines = new ArrayList<>();
        lines.add("Paths from out_" + name + " to E_total (highlighted):");
        List<int[]> paths = new ArrayList<>();
        extend(content, new int[] {from.index()}, paths);
        double sum = 0;
        List<String> terms = new ArrayList<>();
        for (int[] path : paths) {
            List<String> route = new ArrayList<>(List.of(name));
            List<String> symbols = new ArrayList<>();
            List<String> factors = new ArrayList<>();
            double product = 1;
            for (int step = 1; step < path.length; step++) {
                int l = from.layer() + step;
                String neuron = content.names().neuron(l, path[step]);
                route.add(neuron);
                double weight = content.layers()[l - 1].weight(path[step], path[step - 1]);
                double local = l == content.depth() ? content.backward().delta(l, path[step])
                        : content.backward().outDerivative(l, path[step]);
                symbols.add(content.names().weight(l, path[step], path[step - 1]));
                symbols.add(l == content.depth() ? "δ_" + neuron : "f′(net_" + neuron + ")");
                factors.add(signed(Decimals.of(weight)));
                factors.add(signed(computed(local)));
                product *= weight * local;
            }
            route.add("E_total");
            sum += product;
            terms.add(signed(computed(product)));
            lines.add("  " + String.join(" → ", route) + ": " + String.join(" × ", symbols) + " = "
                    + String.join(" × ", factors) + " = " + computed(product));
        }
        lines.add("  sum of the " + paths.size() + " paths: ∂E/∂out_" + name + " = " + String.join(" + ", terms)
                + " = " + computed(sum));
        return lines;
    }

    /** Every path that continues {@code path} (neuron indexes from the highlighted neuron on) to an output. */
    private static void extend(Content content, int[] path, List<int[]> paths) {
        int l = content.highlighted().layer() + path.length;
        if (l > content.depth()) {
            paths.add(path);
            return;
        }
        for (int j = 0; j < content.size(l); j++) {
            int[] longer = java.util.Arrays.copyOf(path, path.length + 1);
            longer[path.length] = j;
            extend(content, longer, paths);
        }
    }

    /** A printed factor as a product shows it: negative ones in parentheses. */
    private static String signed(String value) {
        return value.startsWith("-") ? "(" + value + ")" : value;
    }

    /** One drawing of the content, with the gaps between layers and between neurons scaled by a spread. */
    private static final class Sketch {
        private final Content content;
        private final int tallest;
        private final double gap;
        private final double neuronGap;
        private final int nodeHeight;
        private final boolean backward;
        private final List<String> notes;
        private final int width;
        private final int height;
        private final LabelPlacement placement;
        private final StringBuilder under = new StringBuilder();
        private final StringBuilder edges = new StringBuilder();
        private final StringBuilder nodes = new StringBuilder();
        private final StringBuilder labels = new StringBuilder();
        private final List<Runnable> pendingLabels = new ArrayList<>();
        private final boolean strict;
        private boolean placed = true;

        Sketch(Content content, int tallest, double spread, boolean strict) {
            this.strict = strict;
            this.content = content;
            this.tallest = tallest;
            this.gap = LAYER_GAP * spread;
            this.neuronGap = NEURON_GAP * spread;
            this.backward = content.backward() != null;
            int values = content.pass() == null ? 0 : backward ? 3 : 2;
            this.nodeHeight = values == 0 ? 34 : 30 + LINE * values;
            this.notes = backward ? notes(content) : List.of();
            this.width = (int) Math.ceil(x(content.depth()) + NODE_WIDTH / 2.0 + MARGIN
                    + (backward ? ERROR_GAP + ERROR_WIDTH / 2.0 - NODE_WIDTH / 2.0 : 0));
            this.height = (int) Math.ceil(lowestBiasBottom() + MARGIN + NOTE_LINE * notes.size());
            this.placement = new LabelPlacement(width, height);
        }

        private double x(int l) {
            return MARGIN + NODE_WIDTH / 2.0 + l * gap;
        }

        private double y(int l, int j) {
            return MARGIN + nodeHeight / 2.0 + (tallest - content.size(l)) * neuronGap / 2.0 + j * neuronGap;
        }

        private double nodesBottom() {
            return MARGIN + (tallest - 1) * neuronGap + nodeHeight;
        }

        private int biasLines() {
            return backward ? 2 : 1;
        }

        private double tagHeight() {
            return 8 + LINE * biasLines();
        }

        /** The top of the row of shared biases: below the nodes, and below any tag of a bias per neuron. */
        private double sharedRowTop() {
            boolean anyTag = false;
            for (Layer layer : content.layers()) {
                anyTag |= layer.bias() == Bias.PER_NEURON;
            }
            return nodesBottom() + BIAS_DROP + (anyTag ? tagHeight() + BIAS_DROP / 2.0 : 0);
        }

        private double lowestBiasBottom() {
            double bottom = nodesBottom();
            for (int l = 1; l <= content.depth(); l++) {
                Layer layer = content.layers()[l - 1];
                if (layer.bias() == Bias.PER_NEURON) {
                    double lowest = y(l, layer.size() - 1) + nodeHeight / 2.0;
                    bottom = Math.max(bottom, lowest + BIAS_DROP + tagHeight());
                } else if (layer.bias() == Bias.SHARED) {
                    bottom = Math.max(bottom, sharedRowTop() + tagHeight());
                }
            }
            return bottom;
        }

        /** The SVG, or null when some label found no clear spot at this gap. */
        String svg() {
            drawWeights();
            drawBiases();
            drawNeurons();
            if (backward) {
                drawError();
            }
            pendingLabels.forEach(Runnable::run);
            if (!placed) {
                return null;
            }
            for (int i = 0; i < notes.size(); i++) {
                String note = notes.get(i);
                double indent = note.length() - note.stripLeading().length();
                labels.append(text(MARGIN + 8 * indent, height - MARGIN - NOTE_LINE * (notes.size() - 1 - i) + 4,
                        "start", i == 0 ? GREY : "#111", note.strip(), 12, false, ""));
            }
            return document();
        }

        private void drawWeights() {
            double widest = backward ? widestGradient(content) : 0;
            for (int l = 1; l <= content.depth(); l++) {
                for (int j = 0; j < content.size(l); j++) {
                    for (int k = 0; k < content.size(l - 1); k++) {
                        LabelPlacement.Segment wire = new LabelPlacement.Segment(x(l - 1) + NODE_WIDTH / 2.0,
                                y(l - 1, k), x(l) - NODE_WIDTH / 2.0 - 2, y(l, j));
                        double stroke = !backward ? 1.6 : widest == 0 ? THINNEST
                                : THINNEST + (WIDEST - THINNEST) * Math.abs(content.backward().weightGradient(l, j, k))
                                / widest;
                        boolean faded = content.highlighted() != null && !content.onPath(l, k);
                        wire(wire, COLOURS[j], stroke, false, faded, content.onPath(l, k));
                        List<String> lines = new ArrayList<>(List.of(weightLabel(content, l, j, k)));
                        if (backward) {
                            lines.add(gradientLabel(content, l, j, k));
                        }
                        label(wire, COLOURS[j], lines, faded);
                    }
                }
            }
        }

        private void drawBiases() {
            for (int l = 1; l <= content.depth(); l++) {
                Layer layer = content.layers()[l - 1];
                boolean faded = content.highlighted() != null;
                if (layer.bias() == Bias.PER_NEURON) {
                    for (int j = 0; j < layer.size(); j++) {
                        double top = y(l, j) + nodeHeight / 2.0 + BIAS_DROP;
                        LabelPlacement.Segment arrow = new LabelPlacement.Segment(x(l), top, x(l),
                                y(l, j) + nodeHeight / 2.0 + 2);
                        wire(arrow, COLOURS[j], THINNEST, true, faded, false);
                        tag(x(l), top, COLOURS[j], biasLines(content, l, j), faded);
                    }
                } else if (layer.bias() == Bias.SHARED) {
                    double top = sharedRowTop();
                    double left = x(l) - NODE_WIDTH / 2.0 - SHARED_BIAS_LEFT * Math.max(1, layer.size() - 1);
                    LabelPlacement.Box box = tag(left, top, GREY, biasLines(content, l, 0), faded);
                    for (int j = 0; j < layer.size(); j++) {
                        LabelPlacement.Segment arrow = new LabelPlacement.Segment(left, top,
                                x(l) - NODE_WIDTH / 2.0 - 2, y(l, j) + nodeHeight / 2.0 - 12);
                        wire(arrow, COLOURS[j], THINNEST, true, faded, false);
                    }
                }
            }
        }

        private List<String> biasLines(Content content, int l, int j) {
            List<String> lines = new ArrayList<>(List.of(biasLabel(content, l, j)));
            if (backward) {
                lines.add(biasGradientLabel(content, l, j));
            }
            return lines;
        }

        private void drawNeurons() {
            for (int l = 0; l <= content.depth(); l++) {
                for (int j = 0; j < content.size(l); j++) {
                    boolean chosen = content.highlighted() != null && content.highlighted().layer() == l
                            && content.highlighted().index() == j;
                    node(x(l), y(l, j), NODE_WIDTH, content.names().neuron(l, j), values(content, l, j), chosen);
                }
            }
        }

        /** E_total to the right of the outputs, each output's arrow into it labelled ∂E/∂out. */
        private void drawError() {
            int last = content.depth();
            double ex = x(last) + ERROR_GAP;
            double ey = (y(last, 0) + y(last, content.size(last) - 1)) / 2;
            for (int j = 0; j < content.size(last); j++) {
                LabelPlacement.Segment arrow = new LabelPlacement.Segment(x(last) + NODE_WIDTH / 2.0, y(last, j),
                        ex - ERROR_WIDTH / 2.0 - 2, ey);
                String name = content.names().neuron(last, j);
                wire(arrow, COLOURS[j], THINNEST + 0.4, false, false, content.highlighted() != null);
                label(arrow, COLOURS[j], List.of("∂E/∂out_" + name,
                        "= " + computed(content.backward().outGradient(last, j))), false);
            }
            node(ex, ey, ERROR_WIDTH, "E_total", List.of(computed(content.pass().totalError())), false);
        }

        private void wire(LabelPlacement.Segment line, String colour, double stroke, boolean dashed, boolean faded,
                          boolean highlighted) {
            placement.line(line, highlighted ? stroke + BAND : stroke);
            if (highlighted) {
                under.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                                + "stroke=\"%s\" stroke-width=\"%.1f\" stroke-linecap=\"round\" class=\"path\"/>%n",
                        line.x1(), line.y1(), line.x2(), line.y2(), HIGHLIGHT, stroke + BAND));
            }
            edges.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.2f\"%s%s "
                            + "class=\"wire\" marker-end=\"url(#arrow-%s)\"/>%n",
                    line.x1(), line.y1(), line.x2(), line.y2(), colour, stroke,
                    dashed ? " stroke-dasharray=\"5,4\"" : "", faded ? " opacity=\"0.3\"" : "", colour.substring(1)));
        }

        /** A label on {@code line}, placed once every line and box of the drawing is known. */
        private void label(LabelPlacement.Segment line, String colour, List<String> lines, boolean faded) {
            pendingLabels.add(() -> {
                double w = 8;
                for (int i = 0; i < lines.size(); i++) {
                    w = Math.max(w, LabelPlacement.textWidth(lines.get(i), i == 0 ? 13 : 11) + 8);
                }
                double h = 6 + LINE * lines.size();
                LabelPlacement.Box box = placement.place(line, w, h, LABEL_AT, strict);
                if (box == null) {
                    placed = false;
                    return;
                }
                // Opaque even when faded, so that no line runs through the text.
                labels.append(box(box, "#ffffff", colour, "label", faded ? " stroke-opacity=\"0.45\"" : ""));
                for (int i = 0; i < lines.size(); i++) {
                    labels.append(text(box.x() + box.w() / 2, box.y() + 16 + LINE * i, "middle", colour,
                            lines.get(i), i == 0 ? 13 : 11, false, faded ? " opacity=\"0.45\"" : ""));
                }
            });
        }

        /** A bias's box, centred at x with its top at {@code top}; it is an obstacle for labels. */
        private LabelPlacement.Box tag(double x, double top, String colour, List<String> lines, boolean faded) {
            double w = 0;
            for (String line : lines) {
                w = Math.max(w, LabelPlacement.textWidth(line, 12) + 12);
            }
            LabelPlacement.Box box = new LabelPlacement.Box(x - w / 2, top, w, tagHeight());
            placement.obstacle(box);
            String fade = faded ? " opacity=\"0.45\"" : "";
            nodes.append(box(box, "#fff7e0", colour, "bias", fade));
            for (int i = 0; i < lines.size(); i++) {
                nodes.append(text(x, top + 16 + LINE * i, "middle", colour, lines.get(i), 12, false, fade));
            }
            return box;
        }

        private void node(double cx, double cy, double w, String name, List<String> values, boolean chosen) {
            LabelPlacement.Box box = LabelPlacement.Box.centred(cx, cy, w, nodeHeight);
            placement.obstacle(box);
            nodes.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"16\" fill=\"%s\" stroke=\"#333\" "
                            + "stroke-width=\"%s\" class=\"neuron\"/>%n",
                    box.x(), box.y(), box.w(), box.h(), chosen ? "#d9f2ea" : "#f4f4f4", chosen ? "3" : "1.5"));
            nodes.append(text(cx, box.y() + 22, "middle", "#111", name, 16, true, ""));
            for (int i = 0; i < values.size(); i++) {
                nodes.append(text(cx, box.y() + 40 + LINE * i, "middle", "#333", values.get(i), 11, false, ""));
            }
        }

        /** A rounded box. */
        private static String box(LabelPlacement.Box box, String fill, String stroke, String kind, String extra) {
            return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\" "
                            + "fill=\"%s\" stroke=\"%s\" stroke-width=\"0.8\" class=\"%s\"%s/>%n",
                    box.x(), box.y(), box.w(), box.h(), fill, stroke, kind, extra);
        }

        private static String text(double x, double y, String anchor, String colour, String text, int size,
                                   boolean bold, String extra) {
            return String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\"%s fill=\"%s\"%s>%s</text>%n",
                    x, y, anchor, size, bold ? " font-weight=\"bold\"" : "", colour, extra, TableView.escape(text));
        }

        private String document() {
            StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                            + "font-family=\"DejaVu Sans, Arial, sans-serif\">%n<defs>%n", width, height, width, height));
            List<String> colours = new ArrayList<>(List.of(COLOURS));
            colours.add(GREY);
            for (String colour : colours) {
                svg.append(String.format(Locale.ROOT,
                        "<marker id=\"arrow-%s\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" "
                                + "markerWidth=\"11\" markerHeight=\"11\" orient=\"auto\">"
                                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker>%n",
                        colour.substring(1), colour));
            }
            svg.append("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
            return svg.append(under).append(edges).append(nodes).append(labels).append("</svg>").toString();
        }
    }
}
