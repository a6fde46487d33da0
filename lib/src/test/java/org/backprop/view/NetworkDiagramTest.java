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
        assertEquals(2, labels(svg, "b1 = 0.35").size(), "the shared b1 under h1 and h2");
        assertEquals(2, labels(svg, "b2 = 0.6").size(), "the shared b2 under o1 and o2");
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
        label(svg, "∂E/∂w7 = -0.02260254");
        label(svg, "net 0.3775");
        label(svg, "out 0.75136507");
    }

    @Test
    void textListsTheConnections() {
        String text = NetworkDiagram.of(mazur.network()).toText();

        assertTrue(text.startsWith("Network 2-2-2\n"), text);
        assertTrue(text.contains("\n  h2 → o1: w6 = 0.45\n"), text);
        assertTrue(text.contains("\n  h1 → o2: w7 = 0.5\n"), text);
        assertTrue(text.contains("\n  bias of h2: b1 = 0.35\n"), text);
    }

    @Test
    void mimeBundleIsSvgThenText() {
        NetworkDiagram diagram = NetworkDiagram.of(mazur.network());

        assertEquals(List.of("image/svg+xml", "text/plain"), List.copyOf(diagram.toMimeBundle().keySet()));
    }

    @Test
    void refusesALayerOfMoreThanTwelveNeurons() {
        Network wide = Network.withInputs(2).layer(11, Activation.SIGMOID).layer(1, Activation.SIGMOID).build();

        assertEquals("a diagram draws at most 10 neurons per layer, but layer 1 has 11",
                assertThrows(IllegalArgumentException.class, () -> NetworkDiagram.of(wide)).getMessage());
    }
}
