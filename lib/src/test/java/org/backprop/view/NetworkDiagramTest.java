package org.backprop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.backprop.data.WorkedExample;
import org.backprop.nn.Activation;
import org.backprop.nn.Bias;
import org.backprop.nn.Initialization;
import org.backprop.nn.Network;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The diagram labels every weight of Mazur's network once, coloured by the neuron it feeds. */
class NetworkDiagramTest {

    private final WorkedExample mazur = WorkedExample.mazur();

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<Element> elements(Document svg, String name) {
        NodeList nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<Element> labels(Document svg, String text) {
        return elements(svg, "text").stream().filter(label -> label.getTextContent().equals(text)).toList();
    }

    private static Element label(Document svg, String text) {
        List<Element> found = labels(svg, text);
        assertEquals(1, found.size(), () -> "labels «" + text + "»");
        return found.get(0);
    }

    @Test
    void everyWeightLabelledOnceAndEveryBias() throws Exception {
        Document svg = parse(NetworkDiagram.of(mazur.network()).toSvg());

        assertEquals(6, elements(svg, "rect").stream().filter(box -> box.getAttribute("rx").equals("16")).count(),
                "neuron boxes");
        for (String neuron : List.of("i1", "i2", "h1", "h2", "o1", "o2")) {
            label(svg, neuron);
        }
        for (String weight : List.of("w1 = 0.15", "w2 = 0.2", "w3 = 0.25", "w4 = 0.3",
                "w5 = 0.4", "w6 = 0.45", "w7 = 0.5", "w8 = 0.55")) {
            label(svg, weight);
        }
        label(svg, "b1 = 0.35");
        label(svg, "b2 = 0.6");
    }

    @Test
    void aSharedBiasIsOneBoxWithAnArrowIntoEachNeuronOfItsLayer() throws Exception {
        Document svg = parse(NetworkDiagram.of(mazur.network()).toSvg());

        assertEquals(2, elements(svg, "rect").stream().filter(box -> box.getAttribute("class").equals("bias")).count(),
                "b1 and b2, once each");
        assertEquals(4, elements(svg, "line").stream()
                .filter(line -> line.hasAttribute("stroke-dasharray")).count(), "b1 → h1, h2 and b2 → o1, o2");
    }

    @Test
    void aBiasPerNeuronHangsUnderEachNeuron() throws Exception {
        Network perNeuron = mazur.network().withBias(Bias.PER_NEURON);
        Document svg = parse(NetworkDiagram.of(perNeuron).toSvg());

        for (String bias : List.of("b_h1 = 0.35", "b_h2 = 0.35", "b_o1 = 0.6", "b_o2 = 0.6")) {
            label(svg, bias);
        }
        assertTrue(NetworkDiagram.of(perNeuron).toText().contains("\n  bias of o2: b_o2 = 0.6"));
    }

    @Test
    void weightsFeedingTheSameNeuronShareItsColour() throws Exception {
        Document svg = parse(NetworkDiagram.of(mazur.network()).toSvg());
        String w5 = label(svg, "w5 = 0.4").getAttribute("fill");

        assertEquals(w5, label(svg, "w6 = 0.45").getAttribute("fill"), "w5 and w6 both feed o1");
        assertNotEquals(w5, label(svg, "w7 = 0.5").getAttribute("fill"), "w7 feeds o2");
        assertEquals(label(svg, "w7 = 0.5").getAttribute("fill"), label(svg, "w8 = 0.55").getAttribute("fill"));
    }

    @Test
    void backwardPassAddsValuesAndGradients() throws Exception {
        var forward = mazur.network().forward(mazur.sample());
        Document svg = parse(NetworkDiagram.of(mazur.network().backward(forward)).toSvg());

        label(svg, "∂E/∂w5 = 0.082167041");
        label(svg, "∂E/∂w7 = -0.022602540");
        label(svg, "net 0.377500000");
        label(svg, "out 0.751365070");
        label(svg, "out 0.05");
        label(svg, "δ 0.138498562");
        label(svg, "δ 0.008771355");
        label(svg, "∂E/∂b1 = 0.018725609");
        label(svg, "E_total");
        label(svg, "∂E/∂out_o1");
        label(svg, "= 0.741365070");
    }

    @Test
    void computedValuesKeepNineDecimalsAndTinyOrLargeOnesTheirScale() {
        assertEquals("0.751365070", NetworkDiagram.computed(0.75136507));
        assertEquals("-0.022602540", NetworkDiagram.computed(-0.02260254));
        assertEquals("0.000000000", NetworkDiagram.computed(0));
        assertEquals("3.51085e-05", NetworkDiagram.computed(3.51085e-5));
        assertEquals("120.034", NetworkDiagram.computed(120.034409277));
        assertEquals("", NetworkDiagram.computed(Double.NaN));
    }

    @Test
    void aWireIsAsWideAsItsGradientIsLarge() throws Exception {
        var backward = mazur.network().backward(mazur.network().forward(mazur.sample()));
        Document svg = parse(NetworkDiagram.of(backward).toSvg());
        List<Element> wires = elements(svg, "line").stream()
                .filter(line -> line.getAttribute("class").equals("wire") && !line.hasAttribute("stroke-dasharray"))
                .toList();
        double w6 = backward.get("dE/dw6");

        assertEquals(10, wires.size(), "8 weights and the arrows from o1 and o2 into E_total");
        assertEquals(8.0, Double.parseDouble(wires.get(5).getAttribute("stroke-width")), 1e-9, "w6, the largest");
        assertEquals(1.2 + 6.8 * Math.abs(backward.get("dE/dw7")) / w6,
                Double.parseDouble(wires.get(6).getAttribute("stroke-width")), 0.005, "w7");
        assertTrue(NetworkDiagram.of(backward).toText().endsWith("\n  Line width = 1.2 px + 6.8 px × |∂E/∂w| / "
                + "|∂E/∂w6| (w6 has the largest, 0.082667628); δ = ∂E/∂net."));
    }

    @Test
    void thePathsFromOutH1ToTheErrorAddUpToItsGradient() throws Exception {
        var backward = mazur.network().backward(mazur.network().forward(mazur.sample()));
        NetworkDiagram paths = NetworkDiagram.paths(backward, "h1");
        String text = paths.toText();

        assertTrue(text.contains("\n  Paths from out_h1 to E_total (highlighted):\n"
                + "    h1 → o1 → E_total: w5 × δ_o1 = 0.4 × 0.138498562 = 0.055399425\n"
                + "    h1 → o2 → E_total: w7 × δ_o2 = 0.5 × (-0.038098237) = -0.019049118\n"
                + "    sum of the 2 paths: ∂E/∂out_h1 = 0.055399425 + (-0.019049118) = 0.036350306"), text);
        assertEquals("0.036350306", Decimals.of(backward.get("dE/dout_h1")));
        Document svg = parse(paths.toSvg());
        assertEquals(4, elements(svg, "line").stream().filter(line -> line.getAttribute("class").equals("path"))
                .count(), "w5, w7 and the arrows from o1 and o2 into E_total");
    }

    @Test
    void pathsThroughTwoHiddenLayersMultiplyEachNeuronsSlope() {
        Network deep = Network.withInputs(2).layer(3, Activation.SIGMOID).layer(2, Activation.TANH)
                .layer(2, Activation.SIGMOID).build().initialized(Initialization.xavier(), 7);
        var backward = deep.backward(deep.forward(mazur.sample()));
        String text = NetworkDiagram.paths(backward, "h1_2").toText();

        assertTrue(text.contains("    h1_2 → h2_1 → o1 → E_total: w8 × f′(net_h2_1) × w13 × δ_o1 = "), text);
        String sum = text.substring(text.indexOf("sum of the 4 paths: ∂E/∂out_h1_2 = "));
        assertEquals(Decimals.of(backward.get("dE/dout_h1_2")), sum.substring(sum.lastIndexOf("= ") + 2));
    }

    @Test
    void textListsTheConnections() {
        String text = NetworkDiagram.of(mazur.network()).toText();

        assertTrue(text.startsWith("Network 2-2-2\n"), text);
        assertTrue(text.contains("\n  h2 → o1: w6 = 0.45\n"), text);
        assertTrue(text.contains("\n  h1 → o2: w7 = 0.5\n"), text);
        assertTrue(text.contains("\n  b1 = 0.35 → h1, h2 (one bias shared by layer 1)\n"), text);
    }

    @Test
    void mimeBundleIsSvgThenText() {
        NetworkDiagram diagram = NetworkDiagram.of(mazur.network());

        assertEquals(List.of("image/svg+xml", "text/plain"), List.copyOf(diagram.toMimeBundle().keySet()));
    }

    @Test
    void refusesALayerOfMoreNeuronsThanColours() {
        Network wide = Network.withInputs(2).layer(8, Activation.SIGMOID).layer(1, Activation.SIGMOID).build();

        assertEquals("a diagram draws at most 7 neurons per layer (one colour each), but layer 1 has 8",
                assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.of(wide)).getMessage());
    }

    @Test
    void badArgumentsAreRefusedByName() {
        var backward = mazur.network().backward(mazur.network().forward(mazur.sample()));

        assertEquals("network must not be null",
                assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.of((Network) null)).getMessage());
        assertEquals("pass must not be null", assertThrows(IllegalArgumentException.class,
                () -> NetworkDiagram.of((org.backprop.nn.ForwardPass) null)).getMessage());
        assertEquals("backward must not be null", assertThrows(IllegalArgumentException.class,
                () -> NetworkDiagram.of((org.backprop.nn.BackwardPass) null)).getMessage());
        assertEquals("backward must not be null",
                assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.paths(null, "h1")).getMessage());
        assertEquals("neuron must not be null",
                assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.paths(backward, null)).getMessage());
        for (String unknown : List.of("h3", "", "out_h1", "H1", "w5")) {
            assertEquals("neuron must name a hidden neuron of the network, but was '" + unknown + "' (unknown neuron '"
                    + unknown + "': expected one of [i1, i2, h1, h2, o1, o2])",
                    assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.paths(backward, unknown))
                            .getMessage());
        }
        assertEquals("neuron must name a hidden neuron (its output reaches E_total through the layers after it), "
                + "but 'i1' is an input",
                assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.paths(backward, "i1")).getMessage());
        assertEquals("neuron must name a hidden neuron (its output reaches E_total through the layers after it), "
                + "but 'o2' is an output, whose ∂E/∂out takes no path through other neurons",
                assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.paths(backward, "o2")).getMessage());
    }

    @Test
    void refusesToListMorePathsThanFitUnderTheDiagram() {
        Network deep = Network.withInputs(2).layer(2, Activation.SIGMOID).layer(3, Activation.SIGMOID)
                .layer(3, Activation.SIGMOID).layer(2, Activation.SIGMOID).build();
        var backward = deep.backward(deep.forward(mazur.sample()));

        assertEquals("a diagram lists at most 16 paths, but h1_1 reaches E_total along 18 (highlight a neuron "
                        + "nearer the outputs)",
                assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.paths(backward, "h1_1")).getMessage());
        assertTrue(NetworkDiagram.paths(backward, "h2_1").toText().contains("sum of the 6 paths"));
    }

    @Test
    void refusesANetworkTooDenseToLabel() {
        Network dense = Network.withInputs(7).layer(7, Activation.SIGMOID).layer(7, Activation.SIGMOID).build()
                .initialized(Initialization.xavier(), 3);
        var backward = dense.backward(dense.forward(org.backprop.nn.Sample.of(inputs(7), new double[7])));

        assertEquals("a diagram cannot label all weights of the 7-7-7 network apart from each other and from the "
                        + "crossings of its lines, even with its layers and neurons 2.1 times as far apart: draw fewer neurons "
                        + "per layer",
                assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.of(backward)).getMessage());
    }

    /** The worked example, 2-3-2 (w5 is then a hidden weight), 3-2-2 (05's bias as a weight) and wider ones. */
    private List<NetworkDiagram> diagramsOfEveryShape() {
        List<NetworkDiagram> diagrams = new ArrayList<>();
        List<Network> networks = List.of(mazur.network(), mazur.network().withBias(Bias.PER_NEURON),
                Network.withInputs(2).layer(3, Activation.SIGMOID, Bias.SHARED)
                        .layer(2, Activation.SIGMOID, Bias.SHARED).build().initialized(Initialization.xavier(), 1),
                Network.withInputs(3).layer(2, Activation.SIGMOID, Bias.NONE)
                        .layer(2, Activation.SIGMOID, Bias.PER_NEURON).build().initialized(Initialization.xavier(), 2),
                Network.withInputs(4).layer(5, Activation.SIGMOID, Bias.PER_NEURON)
                        .layer(3, Activation.SIGMOID, Bias.SHARED).build().initialized(Initialization.xavier(), 3),
                Network.withInputs(2).layer(3, Activation.SIGMOID).layer(2, Activation.TANH)
                        .layer(2, Activation.SIGMOID).build().initialized(Initialization.xavier(), 4));
        for (Network network : networks) {
            var sample = org.backprop.nn.Sample.of(inputs(network.size(0)), new double[network.size(network.depth())]);
            var pass = network.forward(sample);
            var backward = network.backward(pass);
            diagrams.add(NetworkDiagram.of(network));
            diagrams.add(NetworkDiagram.of(pass));
            diagrams.add(NetworkDiagram.of(backward));
            diagrams.add(NetworkDiagram.paths(backward, network.names().neuron(1, 0)));
        }
        return diagrams;
    }

    /** Inputs 0.05, 0.1, 0.15, …: a sample whose gradients are not all 0. */
    private static double[] inputs(int count) {
        double[] inputs = new double[count];
        for (int k = 0; k < count; k++) {
            inputs[k] = 0.05 * (k + 1);
        }
        return inputs;
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    @Test
    void labelsOfNetworksUpToThreeNeuronsPerLayerAreOpaqueAndClearOfEveryLineButTheirOwn() throws Exception {
        for (NetworkDiagram diagram : diagramsOfEveryShape()) {
            Document svg = parse(diagram.toSvg());
            String shape = diagram.toText().lines().findFirst().orElseThrow();
            if (shape.equals("Network 4-5-3")) {
                continue; // too dense for that at any spread: its labels only keep off crossings and each other
            }
            List<Element> boxes = elements(svg, "rect").stream().filter(box -> box.getAttribute("class")
                    .equals("label")).toList();
            // Wires, dashed bias arrows and the bands under highlighted paths.
            List<Element> lines = elements(svg, "line").stream().filter(line -> List.of("wire", "path")
                    .contains(line.getAttribute("class"))).toList();
            for (Element box : boxes) {
                assertEquals("#ffffff", box.getAttribute("fill"), shape);
                assertTrue(!box.hasAttribute("opacity") && !box.hasAttribute("fill-opacity"), shape + ": opaque");
                double cx = number(box, "x") + number(box, "width") / 2;
                double cy = number(box, "y") + number(box, "height") / 2;
                List<Element> own = lines.stream().filter(line -> distance(line, cx, cy) < 0.2).toList();
                assertTrue(own.stream().anyMatch(line -> line.getAttribute("class").equals("wire")),
                        shape + ": a label is centred on its own line");
                for (Element line : lines) {
                    if (own.contains(line)) {
                        continue;
                    }
                    // The line's half width and the gap of 4 px the placement keeps, less 1 px of rounding.
                    double reach = number(line, "stroke-width") / 2 + 3;
                    double[] grown = {number(box, "x") - reach, number(box, "y") - reach,
                        number(box, "x") + number(box, "width") + reach, number(box, "y") + number(box, "height") + reach};
                    assertTrue(!passesThrough(line, grown), shape + ": the label at " + cx + ", " + cy
                            + " comes within 3 px of the line from " + line.getAttribute("x1") + ", "
                            + line.getAttribute("y1"));
                }
            }
        }
    }

    @Test
    void noLabelTouchesAnotherOrSitsOnACrossingOfTwoLines() throws Exception {
        for (NetworkDiagram diagram : diagramsOfEveryShape()) {
            Document svg = parse(diagram.toSvg());
            String shape = diagram.toText().lines().findFirst().orElseThrow();
            List<double[]> boxes = elements(svg, "rect").stream().filter(box -> box.getAttribute("class")
                    .equals("label")).map(box -> new double[] {number(box, "x"), number(box, "y"),
                    number(box, "x") + number(box, "width"), number(box, "y") + number(box, "height")}).toList();
            List<double[]> lines = elements(svg, "line").stream().filter(line -> line.getAttribute("class")
                    .equals("wire")).map(line -> new double[] {number(line, "x1"), number(line, "y1"),
                    number(line, "x2"), number(line, "y2")}).toList();
            assertTrue(boxes.size() >= 8, shape);
            for (int a = 0; a < boxes.size(); a++) {
                for (int b = a + 1; b < boxes.size(); b++) {
                    double[] p = boxes.get(a);
                    double[] q = boxes.get(b);
                    boolean apart = p[2] + 3 <= q[0] || q[2] + 3 <= p[0] || p[3] + 3 <= q[1] || q[3] + 3 <= p[1];
                    assertTrue(apart, shape + ": labels " + a + " and " + b + " come within 3 px");
                }
            }
            for (int a = 0; a < lines.size(); a++) {
                for (int b = a + 1; b < lines.size(); b++) {
                    double[] crossing = crossing(lines.get(a), lines.get(b));
                    if (crossing == null) {
                        continue;
                    }
                    for (double[] box : boxes) {
                        boolean inside = crossing[0] > box[0] - 9 && crossing[0] < box[2] + 9
                                && crossing[1] > box[1] - 9 && crossing[1] < box[3] + 9;
                        assertTrue(!inside, shape + ": a label sits on the crossing at " + crossing[0] + ", " + crossing[1]);
                    }
                }
            }
        }
    }

    /** The distance from (px, py) to the line's segment. */
    private static double distance(Element line, double px, double py) {
        double x1 = number(line, "x1");
        double y1 = number(line, "y1");
        double dx = number(line, "x2") - x1;
        double dy = number(line, "y2") - y1;
        double t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(x1 + t * dx - px, y1 + t * dy - py);
    }

    /** Whether the line's segment enters the box {left, top, right, bottom}: sampled every 0.25 px. */
    private static boolean passesThrough(Element line, double[] box) {
        double x1 = number(line, "x1");
        double y1 = number(line, "y1");
        double dx = number(line, "x2") - x1;
        double dy = number(line, "y2") - y1;
        int steps = (int) Math.ceil(Math.hypot(dx, dy) * 4);
        for (int i = 0; i <= steps; i++) {
            double x = x1 + dx * i / steps;
            double y = y1 + dy * i / steps;
            if (x > box[0] && x < box[2] && y > box[1] && y < box[3]) {
                return true;
            }
        }
        return false;
    }

    /** Where two lines cross strictly between their ends (the test's own geometry), or null. */
    private static double[] crossing(double[] p, double[] q) {
        double rx = p[2] - p[0];
        double ry = p[3] - p[1];
        double sx = q[2] - q[0];
        double sy = q[3] - q[1];
        double cross = rx * sy - ry * sx;
        if (Math.abs(cross) < 1e-9) {
            return null;
        }
        double t = ((q[0] - p[0]) * sy - (q[1] - p[1]) * sx) / cross;
        double u = ((q[0] - p[0]) * ry - (q[1] - p[1]) * rx) / cross;
        return t > 1e-6 && t < 1 - 1e-6 && u > 1e-6 && u < 1 - 1e-6 ? new double[] {p[0] + t * rx, p[1] + t * ry} : null;
    }
}
