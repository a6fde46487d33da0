package org.backprop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.backprop.nn.NumericalGradient;
import org.backprop.rnn.BackwardThroughTime;
import org.backprop.rnn.CharacterEncoding;
import org.backprop.rnn.ElmanGradient;
import org.backprop.rnn.ElmanNetwork;
import org.backprop.rnn.ForwardThroughTime;
import org.backprop.rnn.Parameter;
import org.backprop.rnn.Sequence;
import org.backprop.rnn.SequenceTraining;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The recurrent views render: well-formed SVG, tables and charts with their text forms. */
class RecurrentViewsTest {

    private static final CharacterEncoding HELO = CharacterEncoding.ofText("hello");
    private static final Sequence HELLO = HELO.nextCharacter("hello");
    private static final ElmanNetwork NETWORK = ElmanNetwork.initialized(4, 3, 4, 1);

    @Test
    void unrolledDiagramIsWellFormedAndShowsEveryStep() throws Exception {
        ForwardThroughTime pass = NETWORK.forward(HELLO);
        UnrolledDiagram diagram = UnrolledDiagram.of(pass);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document svg = factory.newDocumentBuilder().parse(new InputSource(new StringReader(diagram.toSvg())));
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        String all = svg.getDocumentElement().getTextContent();
        for (String label : new String[] {"h_0", "h_4", "y_1", "x_1 = 'h'", "x_4 = 'l'", "W_hh", "W_xh", "W_hy"}) {
            assertTrue(all.contains(label), label);
        }
        // h_0, and x_t, h_t, y_t at each of the 4 steps; the arrows: 3 per step.
        assertEquals(1 + 3 * 4 + 1, svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").getLength(),
                "boxes and the background");
        assertEquals(3 * 4, svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line").getLength());
        String text = diagram.toText();
        assertTrue(text.startsWith("Elman network 4-3-4"), text);
        assertTrue(text.contains("t = 1: x_1 = 'h', h_1 = ["), text);
        assertTrue(text.contains("E_4 = " + Decimals.of(pass.error(4))), text);
        assertEquals("image/svg+xml", diagram.toMimeBundle().keySet().iterator().next());
    }

    @Test
    void unrolledDiagramRefusesLongSequences() {
        ForwardThroughTime pass = NETWORK.forward(HELO.nextCharacter("hellohello"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> UnrolledDiagram.of(pass));
        assertEquals("pass must be at most 5 steps long to draw, but was 9 (draw the forward pass of a shorter "
                + "sequence: sequence.first(5))", refused.getMessage());
        assertEquals("pass must not be null",
                assertThrows(IllegalArgumentException.class, () -> UnrolledDiagram.of(null)).getMessage());
    }

    @Test
    void contributionTableHasOneColumnPerStepAndTheSum() {
        BackwardThroughTime backward = NETWORK.forward(HELLO).backward();
        ElmanGradient numerical = ElmanGradient.numerical(NETWORK, HELLO, NumericalGradient.central(1e-5));
        TableView table = RecurrentTables.contributions(backward, Parameter.W_hh, numerical);
        assertEquals(9, table.table().rowCount());
        assertEquals(java.util.List.of("entry", "t = 1", "t = 2", "t = 3", "t = 4", "Σ_t = ∂E/∂W_hh", "numerical",
                "relative error"), table.table().columnNames());
        assertEquals(backward.gradient().get(Parameter.W_hh, 2, 1),
                table.table().doubleColumn("Σ_t = ∂E/∂W_hh").get(7));
        assertEquals(0.0, table.table().doubleColumn("t = 1").sum());
        assertTrue(table.toText().contains("W_hh[2][1]"));
        assertTrue(table.toHtml().startsWith("<table>"));
        assertEquals(3, RecurrentTables.contributions(backward, Parameter.b_h).table().rowCount());
    }

    @Test
    void gradientCheckAndNormTables() {
        BackwardThroughTime backward = NETWORK.forward(HELLO).backward();
        ElmanGradient numerical = ElmanGradient.numerical(NETWORK, HELLO, NumericalGradient.central(1e-5));
        TableView check = RecurrentTables.gradientCheck(backward.gradient(), numerical);
        assertEquals(5, check.table().rowCount());
        assertTrue(check.table().doubleColumn("largest relative error").max() < 1e-6);
        Map<String, BackwardThroughTime> passes = new LinkedHashMap<>();
        passes.put("full", backward);
        passes.put("k = 2", NETWORK.forward(HELLO).backward(2));
        TableView norms = RecurrentTables.hiddenGradientNorms(passes);
        assertEquals(backward.hiddenGradientNorm(3), norms.table().doubleColumn("full").get(2));
        assertEquals(4, norms.table().rowCount());
        passes.put("short", NETWORK.forward(HELLO.first(2)).backward());
        assertEquals("backwards must all be over 4 steps (the first one's), but 'short' was over 2",
                assertThrows(IllegalArgumentException.class, () -> RecurrentTables.hiddenGradientNorms(passes))
                        .getMessage());
        assertEquals("backwards must hold at least 1 backward pass, but was empty", assertThrows(
                IllegalArgumentException.class, () -> RecurrentTables.hiddenGradientNorms(Map.of())).getMessage());
    }

    @Test
    void chartsListTheirLinesInText() {
        Map<String, BackwardThroughTime> flows = new LinkedHashMap<>();
        flows.put("small", NETWORK.scaled(Parameter.W_hh, 0.5).forward(HELLO).backwardFromLastStep());
        ChartView flow = RecurrentCharts.gradientFlow(flows);
        BackwardThroughTime small = flows.get("small");
        assertEquals("How far back the error reaches (steps back, s = T − t → ‖∂E/∂h_t‖, log scale)\n  small: 4 points, "
                + Decimals.of(small.hiddenGradientNorm(4)) + " at 0 → " + Decimals.of(small.hiddenGradientNorm(1))
                + " at 3", flow.toText());
        Map<String, SequenceTraining.Run> runs = Map.of("η = 0.1",
                SequenceTraining.withLearningRate(0.1).train(NETWORK, HELLO, 5));
        ChartView errors = RecurrentCharts.errors(runs);
        assertTrue(errors.toText().startsWith("Error per epoch (epoch → E = Σ_t E_t, log scale)\n  η = 0.1: 6 points"));
        assertEquals(720, errors.toImage().getWidth());

        String label = " must name each line with a non-blank label (the legend shows it), but held the label ''";
        assertEquals("backwards" + label, assertThrows(IllegalArgumentException.class,
                () -> RecurrentCharts.gradientFlow(Map.of("", flows.get("small")))).getMessage());
        assertEquals("runs" + label, assertThrows(IllegalArgumentException.class,
                () -> RecurrentCharts.errors(Map.of("", runs.get("η = 0.1")))).getMessage());
    }
}
