package org.backprop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.backprop.graph.Gradients;
import org.backprop.graph.Node;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** CS231n's circuit drawn and tabled: values above the wires, gradients below, every node listed. */
class GraphViewsTest {

    private final Node x = Node.leaf("x", -2);
    private final Node y = Node.leaf("y", 5);
    private final Node z = Node.leaf("z", -4);
    private final Node f = x.plus(y).named("q").times(z).named("f");
    private final Gradients gradients = f.backward();

    private static List<Element> texts(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<Element> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add((Element) nodes.item(i));
        }
        return texts;
    }

    private static Element only(List<Element> texts, String content, String colour) {
        List<Element> found = texts.stream()
                .filter(t -> t.getTextContent().equals(content) && t.getAttribute("fill").equals(colour)).toList();
        assertEquals(1, found.size(), () -> "labels «" + content + "» in " + colour);
        return found.get(0);
    }

    @Test
    void everyWireCarriesItsValueAboveAndItsGradientBelow() throws Exception {
        List<Element> texts = texts(GraphDiagram.of(gradients).toSvg());
        String value = "#222222";
        String gradient = "#D55E00";

        Element x = only(texts, "-2", value);
        Element dx = texts.stream().filter(t -> t.getTextContent().equals("-4") && t.getAttribute("fill")
                .equals(gradient)).findFirst().orElseThrow();
        assertEquals(x.getAttribute("x"), dx.getAttribute("x"), "on the same wire");
        assertTrue(Double.parseDouble(x.getAttribute("y")) < Double.parseDouble(dx.getAttribute("y")), "above it");
        only(texts, "-12", value);
        only(texts, "3", gradient);
        only(texts, "1", gradient);
        only(texts, "×", "#111111");
        only(texts, "+", "#111111");
        for (String name : List.of("x", "y", "z", "q", "f")) {
            assertEquals(1, texts.stream().filter(t -> t.getTextContent().equals(name)).count(), name);
        }
    }

    @Test
    void valuesOnlyBeforeDifferentiating() throws Exception {
        List<Element> texts = texts(GraphDiagram.of(f).toSvg());
        assertTrue(texts.stream().noneMatch(t -> t.getAttribute("fill").equals("#D55E00")));
        only(texts, "-12", "#222222");
    }

    @Test
    void sharedInputsAreAddedUpUnderTheDrawing() throws Exception {
        Node b = Node.leaf("b", 0.5);
        Node g = Node.sum(x.times(b), y.times(b)).named("g");
        String svg = GraphDiagram.of(g.backward()).toSvg();

        only(texts(svg), "∂g/∂b = 5 − 2 = 3  (2 wires added)", "#D55E00");
        assertEquals("Graph of g: 6 nodes, 3 leaves (values; gradients ∂g/∂node from reverse mode)\n"
                + "  x (leaf) = -2, ∂g/∂x = 0.5\n"
                + "  b (leaf) = 0.5, ∂g/∂b = 5 − 2 = 3\n"
                + "  #3 = x × b = -1, ∂g/∂#3 = 1\n"
                + "  y (leaf) = 5, ∂g/∂y = 0.5\n"
                + "  #5 = y × b = 2.5, ∂g/∂#5 = 1\n"
                + "  g = #3 + #5 = 1.5, ∂g/∂g = 1", GraphDiagram.of(g.backward()).toText());
    }

    @Test
    void numbersKeepFourSignificantDigits() {
        assertEquals("-12", GraphDiagram.number(-12));
        assertEquals("0.7311", GraphDiagram.number(0.7310585786300049));
        assertEquals("0.0004386", GraphDiagram.number(0.000438568));
        assertEquals("3.511e-05", GraphDiagram.number(3.51085e-5));
        assertEquals("0", GraphDiagram.number(-0.0));
    }

    @Test
    void rendersInTheKernel() {
        GraphDiagram diagram = GraphDiagram.of(gradients);
        assertInstanceOf(DisplayDataRenderable.class, diagram);
        DisplayData data = new Renderer().render(diagram);
        assertEquals(diagram.toSvg(), data.getData(MIMEType.parse("image/svg+xml")));
        assertEquals(diagram.toText(), data.getData(MIMEType.parse("text/plain")));
    }

    @Test
    void forwardModeCannotLabelWires() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphDiagram.of(f.forwardMode()));
        assertEquals("gradients must come from reverse mode (node.backward()), which sends a gradient along every "
                + "wire, but came from forward mode", e.getMessage());
        assertEquals("output must not be null", assertThrows(IllegalArgumentException.class,
                () -> GraphDiagram.of((Node) null)).getMessage());
    }

    @Test
    void tooManyGatesToDraw() {
        Node chain = x;
        for (int k = 0; k < GraphDiagram.MAX_GATES + 1; k++) {
            chain = chain.plus(1);
        }
        Node tooLong = chain;
        assertEquals("a diagram draws at most 120 gates, but the graph of #243 has 121 (list them: "
                + "GraphTables.nodes)", assertThrows(IllegalArgumentException.class,
                () -> GraphDiagram.of(tooLong)).getMessage());
    }

    @Test
    void nodeTableInSweepOrder() {
        TableView table = GraphTables.nodes(gradients);

        assertEquals("Graph of f: 5 nodes, 3 leaves, reverse mode in 1 sweep", table.table().name());
        assertEquals(List.of("x", "y", "q", "z", "f"), table.table().stringColumn("node").asList());
        assertEquals("∂/∂q = -4, ∂/∂z = 3", table.table().stringColumn("local derivatives").get(4));
        assertEquals(List.of(-4.0, -4.0, -4.0, 3.0, 1.0), table.table().doubleColumn("∂f/∂node").asList());
        TableView forward = GraphTables.nodes(f.forwardMode());
        assertTrue(forward.table().doubleColumn("∂f/∂node").isMissing(2), "no gradient of q in forward mode");
        assertEquals(4, GraphTables.nodes(f).table().columnCount() - 1, "no gradient column before differentiating");
    }

    @Test
    void contributionsTable() {
        Node b = Node.leaf("b", 0.5);
        Gradients shared = Node.sum(x.times(b), y.times(b)).named("g").backward();
        TableView table = GraphTables.contributions(shared, "b");

        assertEquals("What b receives: sum 3, held ∂g/∂b = 3", table.table().name());
        assertEquals(List.of(5.0, -2.0), table.table().doubleColumn("handed to b").asList());
        assertEquals("unknown node 'w': expected one of [x, b, y, g]", assertThrows(IllegalArgumentException.class,
                () -> GraphTables.contributions(shared, "w")).getMessage());
    }
}
