package org.backprop.view;

import static org.backprop.view.TextTable.row;
import static org.backprop.view.TextTable.rowNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.backprop.data.WorkedExample;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.ForwardPass;
import org.backprop.nn.GradientCheck;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.NumericalGradient;
import org.backprop.nn.TrainingHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The course's tables show Mazur's numbers, one row per neuron, weight or iteration. */
class TablesTest {

    /** Mazur's η = 0.5, biases frozen. */
    private static final GradientDescent DESCENT = WorkedExample.mazur().descent();

    private final WorkedExample mazur = WorkedExample.mazur();
    private final ForwardPass forward = mazur.network().forward(mazur.sample());
    private final BackwardPass backward = mazur.network().backward(forward);

    private TrainingHistory threeIterations(int snapshots) {
        WorkedExample fresh = WorkedExample.mazur();
        return fresh.descent().train(fresh.network(), fresh.sample(), 3, snapshots);
    }

    @Test
    void forwardPassHasOneRowPerNeuron() {
        TableView table = Tables.forwardPass(forward);

        assertEquals(List.of("i1", "i2", "h1", "h2", "o1", "o2"), rowNames(table));
        assertEquals(List.of("neuron", "net", "out", "target", "E"), row(table, "neuron"));
        assertEquals(List.of("i1", "", "0.05", "", ""), row(table, "i1"), "an input has no net, target or error");
        assertEquals(List.of("h1", "0.3775", "0.593269992", "", ""), row(table, "h1"));
        assertEquals(List.of("o1", "1.105905967", "0.75136507", "0.01", "0.274811083"), row(table, "o1"));
        assertEquals(List.of("o2", "1.224921404", "0.772928465", "0.99", "0.023560026"), row(table, "o2"));
        assertEquals("Forward pass: E_total = 0.298371109", table.table().name());
        assertEquals("Forward pass: E_total = 0.298371109", table.toText().lines().findFirst().orElseThrow().strip());
    }

    @Test
    void htmlOfAnyTableWithEscapingAndMissingValues() {
        Table table = Table.create("a < b & c",
                StringColumn.create("name", "<x>", "a&b"),
                DoubleColumn.create("value", 0.74136507, Double.NaN));

        assertEquals("""
                <table>
                <caption>a &lt; b &amp; c</caption>
                <thead><tr><th>name</th><th>value</th></tr></thead>
                <tbody>
                <tr><td>&lt;x&gt;</td><td style="text-align:right">0.74136507</td></tr>
                <tr><td>a&amp;b</td><td style="text-align:right"></td></tr>
                </tbody>
                </table>""", TableView.of(table).toHtml());
        assertEquals(List.of("text/html", "text/plain"), List.copyOf(TableView.of(table).toMimeBundle().keySet()));
    }

    @Test
    void outputLayerDerivativesAndNewWeights() {
        TableView table = Tables.derivatives(backward, 2, DESCENT);

        assertEquals(List.of("w5", "w6", "w7", "w8"), rowNames(table));
        assertEquals(List.of("weight", "connects", "∂E/∂out", "∂out/∂net", "∂net/∂w", "∂E/∂w", "old w",
                "new w = w − η·∂E/∂w"), row(table, "weight"));
        assertEquals(List.of("w5", "h1 → o1", "0.74136507", "0.186815602", "0.593269992", "0.082167041", "0.4",
                "0.35891648"), row(table, "w5"));
        assertEquals(List.of("w7", "h1 → o2", "-0.217071535", "0.175510053", "0.593269992", "-0.02260254", "0.5",
                "0.51130127"), row(table, "w7"));
        assertEquals("0.408666186", row(table, "w6").get(7));
        assertEquals("0.561370121", row(table, "w8").get(7));
        assertEquals("Layer 2: ∂E/∂w = ∂E/∂out × ∂out/∂net × ∂net/∂w, η = 0.5", table.table().name());
    }

    @Test
    void hiddenLayerDerivativesUseTheOriginalOutputWeights() {
        TableView table = Tables.derivatives(backward, 1, DESCENT);

        assertEquals(List.of("w1", "w2", "w3", "w4"), rowNames(table));
        assertEquals(List.of("w1", "i1 → h1", "0.036350306", "0.241300709", "0.05", "0.000438568", "0.15",
                "0.149780716"), row(table, "w1"));
        assertEquals("0.199561432", row(table, "w2").get(7));
    }

    @Test
    void iterationsOneRowPerKeptIteration() {
        TableView table = Tables.iterations(threeIterations(3));

        assertEquals(List.of("0", "1", "2", "3"), rowNames(table));
        assertEquals(List.of("iteration", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "out_o1", "out_o2",
                "E_total"), row(table, "iteration"), "frozen biases are not listed");
        assertEquals(List.of("0", "0.15", "0.2", "0.25", "0.3", "0.4", "0.45", "0.5", "0.55", "0.75136507",
                "0.772928465", "0.298371109"), row(table, "0"));
        assertEquals(List.of("1", "0.149780716", "0.199561432", "0.249751144", "0.299502287", "0.35891648",
                "0.408666186", "0.51130127", "0.561370121", "0.742088111", "0.775284968", "0.291027774"),
                row(table, "1"));
    }

    @Test
    void iterationsListTheBiasesWhenTheyLearn() {
        WorkedExample fresh = WorkedExample.mazur();
        TrainingHistory history = fresh.descent().updatingBiases().train(fresh.network(), fresh.sample(), 1, 1);

        List<String> header = row(Tables.iterations(history), "iteration");
        assertEquals(List.of("w8", "b1", "b2", "out_o1"), header.subList(8, 12));
    }

    @Test
    void errorsAfterChosenIterations() {
        TableView table = Tables.errors(threeIterations(0), 0, 1, 3);

        assertEquals(List.of("0", "1", "3"), rowNames(table));
        assertEquals(List.of("0", "0.298371109"), row(table, "0"));
        assertEquals(List.of("1", "0.291027774"), row(table, "1"));
        assertEquals(List.of("3", "0.275943289"), row(table, "3"));
    }

    /** A step of 10⁻² leaves truncation, not round-off, in every printed digit. */
    @Test
    void gradientCheckOneRowPerWeightAndBias() {
        TableView table = Tables.gradientCheck(
                GradientCheck.of(mazur.network(), mazur.sample(), NumericalGradient.central(1e-2)));

        assertEquals(List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2"), rowNames(table));
        assertEquals(List.of("parameter", "backprop", "numerical", "relative error"), row(table, "parameter"));
        assertEquals(List.of("w5", "0.082167041", "0.082166799", "2.93859e-06"), row(table, "w5"));
        assertEquals("Gradient check: central difference, h = 0.01; largest relative error 1.95551e-05",
                table.table().name());
        assertEquals("Gradient check: forward difference, h = 0.001; largest relative error 0.000404132",
                Tables.gradientCheck(GradientCheck.of(mazur.network(), mazur.sample(), NumericalGradient.forward(1e-3)))
                        .table().name());
    }

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void badInput() {
        assertRejected("layer must be between 1 and 2 (2 is the output layer), but was 3",
                () -> Tables.derivatives(backward, 3, DESCENT));
        assertRejected("layer must be between 1 and 2 (2 is the output layer), but was 0",
                () -> Tables.derivatives(backward, 0, DESCENT));
        assertRejected("descent must not be null", () -> Tables.derivatives(backward, 2, null));
        assertRejected("history must keep snapshots to list iterations: expected at least 1 kept iteration, "
                + "but the run kept 0 (train with snapshots > 0)", () -> Tables.iterations(threeIterations(0)));
        assertRejected("k must be between 0 and 3, but was 4", () -> Tables.errors(threeIterations(0), 0, 4));
        WorkedExample fresh = WorkedExample.mazur();
        TrainingHistory onTwo = fresh.descent().train(fresh.network(), List.of(fresh.sample(), fresh.sample()), 3);
        String onDataSet = " keeps none (only runs on 1 sample do: train(network, sample, n, snapshots)); for this "
                + "run, chart its error per epoch with Charts.error(history), and read the trained weights from the "
                + "network it trained";
        assertRejected("history must keep snapshots to list iterations, but was a run on 2 samples, which"
                + onDataSet, () -> Tables.iterations(onTwo));
        assertRejected("history must keep snapshots to chart weights, but was a run on 2 samples, which"
                + onDataSet, () -> Charts.weights(onTwo));
    }

    @Test
    void nullArguments() {
        assertRejected("pass must not be null", () -> Tables.forwardPass(null));
        assertRejected("backward must not be null", () -> Tables.derivatives(null, 2, DESCENT));
        assertRejected("history must not be null", () -> Tables.iterations(null));
        assertRejected("history must not be null", () -> Tables.errors(null, 0));
        assertRejected("iterations must not be null", () -> Tables.errors(threeIterations(0), (int[]) null));
        assertRejected("table must not be null", () -> TableView.of(null));
        assertRejected("check must not be null", () -> Tables.gradientCheck(null));
    }
}
