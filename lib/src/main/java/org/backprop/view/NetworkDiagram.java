package org.backprop.view;

import java.util.Locale;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.Bias;
import org.backprop.nn.ForwardPass;
import org.backprop.nn.Layer;
import org.backprop.nn.Names;
import org.backprop.nn.Network;

/**
 * The network drawn as SVG with the worked example's labels: neurons i1, h1, o1, …, every
 * connection labelled with its weight's name and value (w5 = 0.4) near the neuron it feeds,
 * and coloured by that neuron, so w6 (h2 → o1) cannot be mistaken for w7 (h1 → o2). Each bias
 * hangs under its neuron (b1 = 0.35 on both hidden neurons when shared). Optionally each neuron shows its net
 * and out, and each weight its gradient ∂E/∂w. Plain text lists the same connections.
 */
public class NetworkDiagram extends View {

    private static final int LAYER_GAP = 330;
    private static final int NEURON_GAP = 180;
    private static final int NODE_WIDTH = 130;
    private static final int NODE_HEIGHT = 34;
    private static final int NODE_HEIGHT_WITH_VALUES = 66;
    private static final int MARGIN = 30;
    private static final int BIAS_DROP = 36;
    private static final double LABEL_AT = 0.66;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    /** One colour per neuron of a layer, so the widest layer drawn has as many neurons as colours. */
    private static final int MAX_NEURONS = COLOURS.length;

    NetworkDiagram(String svg, String text) {
        super("image/svg+xml", svg, text);
    }

    /** The network with its current weights and biases. */
    public static NetworkDiagram of(Network network) {
        require("network", network);
        return draw(network.names(), layers(network), null, null);
    }

    /** The network as the forward pass saw it, with net and out under each neuron. */
    public static NetworkDiagram of(ForwardPass pass) {
        require("pass", pass);
        return draw(pass.names(), layers(pass), pass, null);
    }

    /** The network as the backward pass saw it, with net and out, and ∂E/∂w on every weight. */
    public static NetworkDiagram of(BackwardPass backward) {
        require("backward", backward);
        ForwardPass pass = backward.forward();
        return draw(pass.names(), layers(pass), pass, backward);
    }

    /** The SVG document. */
    public String toSvg() {
        return rendering();
    }

    private static Layer[] layers(Network network) {
        Layer[] layers = new Layer[network.depth()];
        for (int l = 1; l <= layers.length; l++) {
            layers[l - 1] = network.layer(l);
        }
        return layers;
    }

    private static Layer[] layers(ForwardPass pass) {
        Layer[] layers = new Layer[pass.depth()];
        for (int l = 1; l <= layers.length; l++) {
            layers[l - 1] = pass.layer(l);
        }
        return layers;
    }

    private static int size(Layer[] layers, int l) {
        return l == 0 ? layers[0].inputs() : layers[l - 1].size();
    }

    private static NetworkDiagram draw(Names names, Layer[] layers, ForwardPass pass, BackwardPass backward) {
        int tallest = 0;
        for (int l = 0; l <= layers.length; l++) {
            int size = size(layers, l);
            if (size > MAX_NEURONS) {
                throw new IllegalArgumentException("a diagram draws at most " + MAX_NEURONS
                        + " neurons per layer, but layer " + l + " has " + size);
            }
            tallest = Math.max(tallest, size);
        }
        boolean anyBias = false;
        for (Layer layer : layers) {
            anyBias |= layer.bias() != Bias.NONE;
        }
        int nodeHeight = pass == null ? NODE_HEIGHT : NODE_HEIGHT_WITH_VALUES;
        int width = 2 * MARGIN + LAYER_GAP * layers.length + NODE_WIDTH;
        int height = 2 * MARGIN + NEURON_GAP * (tallest - 1) + NODE_HEIGHT_WITH_VALUES + (anyBias ? BIAS_DROP + 14 : 0);
        Svg svg = new Svg(width, height, nodeHeight);
        StringBuilder text = new StringBuilder(describe(layers)).append('\n');
        for (int l = 1; l <= layers.length; l++) {
            Layer layer = layers[l - 1];
            for (int j = 0; j < layer.size(); j++) {
                String colour = COLOURS[j];
                double[] to = position(layers, l, j, tallest);
                for (int k = 0; k < layer.inputs(); k++) {
                    String weight = names.weight(l, j, k);
                    String label = weight + " = " + Decimals.of(layer.weight(j, k));
                    String gradient = backward == null ? null
                            : "∂E/∂" + weight + " = " + Decimals.of(backward.weightGradient(l, j, k));
                    svg.connection(position(layers, l - 1, k, tallest), to, colour, label, gradient);
                    text.append("  ").append(names.neuron(l - 1, k)).append(" → ").append(names.neuron(l, j))
                            .append(": ").append(label).append(gradient == null ? "" : ", " + gradient).append('\n');
                }
                if (layer.bias() != Bias.NONE) {
                    String label = names.bias(l, j) + " = " + Decimals.of(layer.biasOf(j));
                    svg.bias(to, colour, label);
                    text.append("  bias of ").append(names.neuron(l, j)).append(": ").append(label).append('\n');
                }
            }
        }
        for (int l = 0; l <= layers.length; l++) {
            for (int j = 0; j < size(layers, l); j++) {
                String name = names.neuron(l, j);
                String[] values = {};
                if (pass != null) {
                    values = l == 0 ? new String[] {"out " + Decimals.of(pass.out(0, j))}
                            : new String[] {"net " + Decimals.of(pass.net(l, j)), "out " + Decimals.of(pass.out(l, j))};
                    text.append("  ").append(name).append(": ").append(String.join(", ", values)).append('\n');
                }
                svg.neuron(position(layers, l, j, tallest), name, values);
            }
        }
        String svgText = svg.toString();
        String plain = text.toString().stripTrailing();
        return View.IN_KERNEL ? Renderables.diagram(svgText, plain) : new NetworkDiagram(svgText, plain);
    }

    private static String describe(Layer[] layers) {
        StringBuilder shape = new StringBuilder("Network ").append(layers[0].inputs());
        for (Layer layer : layers) {
            shape.append('-').append(layer.size());
        }
        return shape.toString();
    }

    /** The centre of neuron j of layer l; layers are centred vertically on the tallest. */
    private static double[] position(Layer[] layers, int l, int j, int tallest) {
        double top = MARGIN + NODE_HEIGHT_WITH_VALUES / 2.0 + (tallest - size(layers, l)) * NEURON_GAP / 2.0;
        return new double[] {MARGIN + NODE_WIDTH / 2.0 + l * LAYER_GAP, top + j * NEURON_GAP};
    }

    /** A minimal SVG writer: boxes for neurons, arrows for connections, haloed labels on top. */
    private static final class Svg {
        private final StringBuilder edges = new StringBuilder();
        private final StringBuilder nodes = new StringBuilder();
        private final StringBuilder labels = new StringBuilder();
        private final int width;
        private final int height;
        private final int nodeHeight;

        Svg(int width, int height, int nodeHeight) {
            this.width = width;
            this.height = height;
            this.nodeHeight = nodeHeight;
        }

        /**
         * An arrow from the right side of one node to the left side of another, labelled on the
         * line past the middle, where lines that cross have parted again.
         */
        void connection(double[] from, double[] to, String colour, String label, String gradient) {
            double x1 = from[0] + NODE_WIDTH / 2.0;
            double x2 = to[0] - NODE_WIDTH / 2.0 - 2;
            edges.append(line(x1, from[1], x2, to[1], colour, false));
            double x = x1 + (x2 - x1) * LABEL_AT;
            double y = from[1] + (to[1] - from[1]) * LABEL_AT;
            labels.append(text(x, y - 3, colour, label, 13, false));
            if (gradient != null) {
                labels.append(text(x, y + 12, colour, gradient, 11, false));
            }
        }

        /** A bias tag under a neuron, its dashed arrow pointing up into the neuron. */
        void bias(double[] neuron, String colour, String label) {
            double bottom = neuron[1] + NODE_HEIGHT_WITH_VALUES / 2.0;
            edges.append(line(neuron[0], bottom + BIAS_DROP - 14, neuron[0], neuron[1] + nodeHeight / 2.0 + 2, colour, true));
            double boxWidth = 8 * label.length();
            nodes.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"24\" rx=\"4\" fill=\"#fff7e0\" stroke=\"%s\"/>%n",
                    neuron[0] - boxWidth / 2, bottom + BIAS_DROP - 14, boxWidth, colour));
            nodes.append(text(neuron[0], bottom + BIAS_DROP + 3, colour, label, 12, false));
        }

        private static String line(double x1, double y1, double x2, double y2, String colour, boolean dashed) {
            return String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.6\"%s "
                            + "marker-end=\"url(#arrow-%s)\"/>%n",
                    x1, y1, x2, y2, colour, dashed ? " stroke-dasharray=\"4,3\"" : "", colour.substring(1));
        }

        void neuron(double[] at, String name, String[] values) {
            nodes.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" rx=\"16\" fill=\"#f4f4f4\" "
                            + "stroke=\"#333\" stroke-width=\"1.5\"/>%n",
                    at[0] - NODE_WIDTH / 2.0, at[1] - nodeHeight / 2.0, NODE_WIDTH, nodeHeight));
            double top = at[1] - nodeHeight / 2.0;
            nodes.append(text(at[0], top + 22, "#111", name, 16, true));
            for (int i = 0; i < values.length; i++) {
                nodes.append(text(at[0], top + 40 + 15 * i, "#333", values[i], 11, false));
            }
        }

        private static String text(double x, double y, String colour, String text, int size, boolean bold) {
            return String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"%d\"%s fill=\"%s\" "
                            + "stroke=\"white\" stroke-width=\"4\" paint-order=\"stroke\">%s</text>%n",
                    x, y, size, bold ? " font-weight=\"bold\"" : "", colour, TableView.escape(text));
        }

        @Override
        public String toString() {
            StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                            + "font-family=\"DejaVu Sans, Arial, sans-serif\">%n<defs>%n", width, height, width, height));
            for (String colour : COLOURS) {
                svg.append(String.format(Locale.ROOT,
                        "<marker id=\"arrow-%s\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                                + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker>%n",
                        colour.substring(1), colour));
            }
            svg.append("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
            return svg.append(edges).append(nodes).append(labels).append("</svg>").toString();
        }
    }
}
