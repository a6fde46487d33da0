package org.backprop.view;

import java.util.ArrayList;
import java.util.List;
import org.backprop.graph.Gradients;
import org.backprop.graph.Graph;
import org.backprop.graph.Node;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Computational graphs as tables, one row per node or per contribution, in the course's format. */
public final class GraphTables {

    private GraphTables() {
    }

    /**
     * One row per node in topological order — the order of the forward computation; reverse mode
     * sweeps it from the last row up: its step, label, formula, value and local derivatives
     * ∂node/∂input, one per input.
     */
    public static TableView nodes(Node output) {
        View.require("output", output);
        return nodes(output.graph(), null);
    }

    /**
     * The same with the gradient ∂f/∂node of each node: every node in reverse mode, the leaves in
     * forward mode (the other rows are empty).
     */
    public static TableView nodes(Gradients gradients) {
        View.require("gradients", gradients);
        return nodes(gradients.graph(), gradients);
    }

    private static TableView nodes(Graph graph, Gradients gradients) {
        String f = graph.label(graph.output());
        IntColumn step = IntColumn.create("step");
        StringColumn node = StringColumn.create("node");
        StringColumn formula = StringColumn.create("made as");
        DoubleColumn value = DoubleColumn.create("value");
        StringColumn local = StringColumn.create("local derivatives");
        DoubleColumn gradient = DoubleColumn.create("∂" + f + "/∂node");
        List<Node> nodes = graph.nodes();
        for (int k = 0; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            step.append(k + 1);
            node.append(graph.label(n));
            formula.append(graph.formula(n));
            value.append(n.value());
            local.append(localDerivatives(graph, n));
            if (gradients != null && gradients.has(n)) {
                gradient.append(gradients.of(n));
            } else {
                gradient.appendMissing();
            }
        }
        Table table = Table.create(graph + (gradients == null ? "" : ", " + gradients.mode() + " in "
                + gradients.sweeps() + (gradients.sweeps() == 1 ? " sweep" : " sweeps")), step, node, formula, value,
                local);
        if (gradients != null) {
            table.addColumns(gradient);
        }
        return TableView.of(table);
    }

    /** "∂/∂x = 1, ∂/∂y = 1"; empty for an input. */
    private static String localDerivatives(Graph graph, Node node) {
        List<String> parts = new ArrayList<>();
        double[] local = node.localDerivatives();
        for (int i = 0; i < local.length; i++) {
            parts.add("∂/∂" + graph.label(node.inputs().get(i)) + " = " + Decimals.of(local[i]));
        }
        return String.join(", ", parts);
    }

    /**
     * What reverse mode handed one node, one row per wire from it to a gate, in the order of the
     * sweep: the gate, which of its inputs the node is (1 for the first), ∂f/∂gate, ∂gate/∂node
     * and their product; the caption gives their sum and the node's
     * gradient, which are equal when contributions are added.
     */
    public static TableView contributions(Gradients gradients, String name) {
        View.require("gradients", gradients);
        View.require("name", name);
        Graph graph = gradients.graph();
        Node node = graph.node(name);
        String f = graph.label(graph.output());
        StringColumn gate = StringColumn.create("gate");
        IntColumn slot = IntColumn.create("as its input");
        DoubleColumn gateGradient = DoubleColumn.create("∂" + f + "/∂gate");
        DoubleColumn local = DoubleColumn.create("∂gate/∂" + name);
        DoubleColumn arriving = DoubleColumn.create("handed to " + name);
        double sum = 0;
        for (Gradients.Contribution c : gradients.contributions(node)) {
            gate.append(graph.label(c.gate()) + " = " + graph.formula(c.gate()));
            slot.append(c.input() + 1);
            gateGradient.append(c.gateGradient());
            local.append(c.localDerivative());
            arriving.append(c.arriving());
            sum += c.arriving();
        }
        Table table = Table.create("What " + name + " receives: sum " + Decimals.of(sum) + ", held ∂" + f + "/∂"
                + name + " = " + Decimals.of(gradients.of(node)), gate, slot, gateGradient, local, arriving);
        return TableView.of(table);
    }
}
