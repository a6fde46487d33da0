package org.backprop.view;

import java.util.Map;
import org.backprop.rnn.BackwardThroughTime;
import org.backprop.rnn.ElmanGradient;
import org.backprop.rnn.Parameter;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tables of backpropagation through time, labelled with the Elman network's names. */
public final class RecurrentTables {

    private RecurrentTables() {
    }

    /**
     * The gradient of one parameter as the sum of its per-step terms: one row per entry, one
     * column per time step t with that step's term (for W_hh: δnet_t h_{t−1}ᵀ), and their sum.
     */
    public static TableView contributions(BackwardThroughTime backward, Parameter parameter) {
        return TableView.of(contributionTable(backward, parameter));
    }

    /**
     * The same, checked: two more columns with a numerical estimate of each entry and the
     * relative error |sum − numerical| / max(|sum|, |numerical|).
     */
    public static TableView contributions(BackwardThroughTime backward, Parameter parameter,
                                          ElmanGradient numerical) {
        Table table = contributionTable(backward, parameter);
        View.require("numerical", numerical);
        ElmanGradient sum = backward.gradient();
        DoubleColumn estimate = DoubleColumn.create("numerical");
        DoubleColumn error = DoubleColumn.create("relative error");
        for (int j = 0; j < sum.rows(parameter); j++) {
            for (int k = 0; k < sum.columns(parameter); k++) {
                double a = sum.get(parameter, j, k);
                double b = numerical.get(parameter, j, k);
                double scale = Math.max(Math.abs(a), Math.abs(b));
                estimate.append(b);
                error.append(scale == 0 ? 0 : Math.abs(a - b) / scale);
            }
        }
        table.addColumns(estimate, error);
        table.setName(table.name() + "; largest relative error to the numerical estimate "
                + Decimals.of(sum.relativeError(parameter, numerical)));
        return TableView.of(table);
    }

    private static Table contributionTable(BackwardThroughTime backward, Parameter parameter) {
        View.require("backward", backward);
        View.require("parameter", parameter);
        ElmanGradient sum = backward.gradient();
        int steps = backward.forward().length();
        StringColumn entry = StringColumn.create("entry");
        DoubleColumn total = DoubleColumn.create("Σ_t = ∂E/∂" + parameter);
        for (int j = 0; j < sum.rows(parameter); j++) {
            for (int k = 0; k < sum.columns(parameter); k++) {
                entry.append(parameter + "[" + j + "]" + (sum.columns(parameter) == 1 ? "" : "[" + k + "]"));
                total.append(sum.get(parameter, j, k));
            }
        }
        Table table = Table.create("∂E/∂" + parameter + " = Σ_t (term of step t)"
                + (backward.truncation() < steps ? ", truncated to k = " + backward.truncation() : ""), entry);
        for (int t = 1; t <= steps; t++) {
            ElmanGradient term = backward.contribution(t);
            DoubleColumn column = DoubleColumn.create("t = " + t);
            for (int j = 0; j < sum.rows(parameter); j++) {
                for (int k = 0; k < sum.columns(parameter); k++) {
                    column.append(term.get(parameter, j, k));
                }
            }
            table.addColumns(column);
        }
        return table.addColumns(total);
    }

    /**
     * Backpropagation against a numerical estimate, one row per parameter: its number of
     * entries, the largest |∂E/∂θ| and the largest relative error over its entries.
     */
    public static TableView gradientCheck(ElmanGradient backprop, ElmanGradient numerical) {
        View.require("backprop", backprop);
        View.require("numerical", numerical);
        StringColumn name = StringColumn.create("parameter");
        IntColumn entries = IntColumn.create("entries");
        DoubleColumn largest = DoubleColumn.create("largest |∂E/∂θ|");
        DoubleColumn error = DoubleColumn.create("largest relative error");
        for (Parameter p : Parameter.values()) {
            name.append(p.toString());
            entries.append(backprop.rows(p) * backprop.columns(p));
            double max = 0;
            for (double[] row : backprop.get(p)) {
                for (double value : row) {
                    max = Math.max(max, Math.abs(value));
                }
            }
            largest.append(max);
            error.append(backprop.relativeError(p, numerical));
        }
        return TableView.of(Table.create("BPTT against the numerical gradient; largest relative error "
                + Decimals.of(backprop.maxRelativeError(numerical)), name, entries, largest, error));
    }

    /**
     * ‖∂E/∂h_t‖ at every step t of several backward passes over the same number of steps, one
     * column per pass named by its key.
     */
    public static TableView hiddenGradientNorms(Map<String, BackwardThroughTime> backwards) {
        View.require("backwards", backwards);
        if (backwards.isEmpty()) {
            throw new IllegalArgumentException("backwards must hold at least 1 backward pass, but was empty");
        }
        int steps = -1;
        Table table = Table.create("‖∂E/∂h_t‖ at every step t");
        for (Map.Entry<String, BackwardThroughTime> entry : backwards.entrySet()) {
            BackwardThroughTime backward = View.require("backwards['" + entry.getKey() + "']", entry.getValue());
            int length = backward.forward().length();
            if (steps < 0) {
                steps = length;
                int[] t = new int[steps];
                for (int i = 0; i < steps; i++) {
                    t[i] = i + 1;
                }
                table.addColumns(IntColumn.create("t", t));
            } else if (length != steps) {
                throw new IllegalArgumentException("backwards must all be over " + steps + " steps (the first one's), "
                        + "but '" + entry.getKey() + "' was over " + length);
            }
            DoubleColumn norms = DoubleColumn.create(entry.getKey());
            for (int t = 1; t <= steps; t++) {
                norms.append(backward.hiddenGradientNorm(t));
            }
            table.addColumns(norms);
        }
        return TableView.of(table);
    }
}
