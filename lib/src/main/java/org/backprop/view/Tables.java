package org.backprop.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backprop.data.DataSet;
import org.backprop.nn.BackwardPass;
import org.backprop.nn.ForwardPass;
import org.backprop.nn.GradientCheck;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Layer;
import org.backprop.nn.Names;
import org.backprop.nn.TrainingHistory;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The course's tables, built with Tablesaw and labelled with the worked example's names. */
public final class Tables {

    /** The most samples {@link #samples} lists: a table is read, not scrolled through. */
    private static final int MAX_SAMPLE_ROWS = 1_000;

    private Tables() {
    }

    /**
     * The forward pass, one row per neuron: net = Σ w·in + b and out = f(net); for the outputs
     * also the target and E = ½ (target − out)². Inputs have an out (their value) but no net.
     */
    public static TableView forwardPass(ForwardPass pass) {
        View.require("pass", pass);
        Names names = pass.names();
        StringColumn neuron = StringColumn.create("neuron");
        DoubleColumn net = DoubleColumn.create("net");
        DoubleColumn out = DoubleColumn.create("out");
        DoubleColumn target = DoubleColumn.create("target");
        DoubleColumn error = DoubleColumn.create("E");
        for (int l = 0; l <= pass.depth(); l++) {
            int size = l == 0 ? pass.layer(1).inputs() : pass.layer(l).size();
            for (int j = 0; j < size; j++) {
                neuron.append(names.neuron(l, j));
                appendOrMissing(net, l > 0, l > 0 ? pass.net(l, j) : 0);
                out.append(pass.out(l, j));
                boolean output = l == pass.depth();
                appendOrMissing(target, output, output ? pass.sample().target()[j] : 0);
                appendOrMissing(error, output, output ? pass.error(j) : 0);
            }
        }
        Table table = Table.create("Forward pass: E_total = " + Decimals.of(pass.totalError()),
                neuron, net, out, target, error);
        return TableView.of(table);
    }

    /**
     * The chain rule for every weight of layer l, one row per weight Wˡⱼₖ:
     * ∂E/∂w = ∂E/∂outⱼ · ∂outⱼ/∂netⱼ · ∂netⱼ/∂w (the last factor is outₖ of layer l−1), or
     * δⱼ · ∂netⱼ/∂w at a softmax or cross-entropy output (see {@link org.backprop.nn.Loss}), and the
     * new weight the descent's update gives, w − η·∂E/∂w (another optimizer's first step, from
     * rest). Old weights are those of the backward pass's forward pass.
     */
    public static TableView derivatives(BackwardPass backward, int layer, GradientDescent descent) {
        View.require("backward", backward);
        View.require("descent", descent);
        if (layer < 1 || layer > backward.depth()) {
            throw new IllegalArgumentException("layer must be between 1 and " + backward.depth()
                    + " (" + backward.depth() + " is the output layer), but was " + layer);
        }
        ForwardPass forward = backward.forward();
        Names names = forward.names();
        Layer weights = forward.layer(layer);
        StringColumn weight = StringColumn.create("weight");
        StringColumn connection = StringColumn.create("connects");
        DoubleColumn outGradient = DoubleColumn.create("∂E/∂out");
        DoubleColumn outDerivative = DoubleColumn.create("∂out/∂net");
        DoubleColumn netDerivative = DoubleColumn.create("∂net/∂w");
        DoubleColumn gradient = DoubleColumn.create("∂E/∂w");
        DoubleColumn old = DoubleColumn.create("old w");
        boolean plain = descent.optimizer().isPlain();
        DoubleColumn updated = DoubleColumn.create(plain ? "new w = w − η·∂E/∂w"
                : "new w (" + descent.optimizer().name() + ", first step)");
        DoubleColumn delta = DoubleColumn.create("δ = ∂E/∂net");
        for (int j = 0; j < weights.size(); j++) {
            for (int k = 0; k < weights.inputs(); k++) {
                weight.append(names.weight(layer, j, k));
                connection.append(names.neuron(layer - 1, k) + " → " + names.neuron(layer, j));
                outGradient.append(backward.outGradient(layer, j));
                outDerivative.append(backward.outDerivative(layer, j));
                delta.append(backward.delta(layer, j));
                netDerivative.append(forward.out(layer - 1, k));
                gradient.append(backward.weightGradient(layer, j, k));
                old.append(weights.weight(j, k));
                updated.append(descent.updated(backward, names.weight(layer, j, k)));
            }
        }
        String rate = ", η = " + Decimals.of(descent.learningRate(1)) + (plain ? "" : ", " + descent.optimizer());
        if (layer == backward.depth() && !forward.loss().deltaIsChainProduct(weights.activation())) {
            // δ is not ∂E/∂out × ∂out/∂net here: the loss cancels f′, or softmax couples the outputs.
            return TableView.of(Table.create("Layer " + layer + ": ∂E/∂w = δ × ∂net/∂w (δ from the " + forward.loss()
                    + " loss and " + weights.activation() + ")" + rate, weight, connection, delta, netDerivative,
                    gradient, old, updated));
        }
        return TableView.of(Table.create("Layer " + layer + ": ∂E/∂w = ∂E/∂out × ∂out/∂net × ∂net/∂w" + rate, weight,
                connection, outGradient, outDerivative, netDerivative, gradient, old, updated));
    }

    /**
     * One parameter's first update by each descent, from rest, one row per label: η, the old
     * value, ∂E/∂w, the optimizer's state after the step (velocity v; running mean square s;
     * Adam's moments m and v) and the new value — each as the descent computes it
     * ({@link GradientDescent#firstStep}).
     */
    public static TableView optimizerSteps(BackwardPass backward, String parameter,
                                           Map<String, GradientDescent> descents) {
        View.require("backward", backward);
        View.require("parameter", parameter);
        View.require("descents", descents);
        if (descents.isEmpty()) {
            throw new IllegalArgumentException("descents must hold at least 1 descent, but was empty");
        }
        StringColumn label = StringColumn.create("optimizer");
        DoubleColumn rate = DoubleColumn.create("η");
        DoubleColumn old = DoubleColumn.create("old " + parameter);
        DoubleColumn gradient = DoubleColumn.create("∂E/∂" + parameter);
        StringColumn state = StringColumn.create("state after the step");
        DoubleColumn updated = DoubleColumn.create("new " + parameter);
        for (Map.Entry<String, GradientDescent> entry : descents.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new IllegalArgumentException("descents must not hold null labels or descents, but held "
                        + entry.getKey() + " → " + entry.getValue());
            }
            GradientDescent.Step step = entry.getValue().firstStep(backward, parameter);
            label.append(entry.getKey());
            rate.append(step.learningRate());
            old.append(step.old());
            gradient.append(step.gradient());
            StringBuilder values = new StringBuilder();
            step.state().forEach((name, value) -> values.append(values.length() == 0 ? "" : ", ")
                    .append(name).append(" = ").append(Decimals.of(value)));
            state.append(values.length() == 0 ? "none" : values.toString());
            updated.append(step.updated());
        }
        return TableView.of(Table.create("One step of " + parameter + " from rest, per optimizer", label, rate, old,
                gradient, state, updated));
    }

    /**
     * One row per kept iteration of a training run (row 0: the start): every weight, every bias
     * the run updated, every output and E_total, after that iteration's update.
     */
    public static TableView iterations(TrainingHistory history) {
        View.requireSnapshots(history, "list iterations");
        ForwardPass start = history.start();
        Names names = start.names();
        List<String> parameters = new ArrayList<>(names.weightNames());
        if (history.descent().updatesBiases()) {
            parameters.addAll(names.biasNames());
        }
        int outputs = start.outputs().length;
        Table table = Table.create("Iterations (values after each update)", IntColumn.create("iteration"));
        for (String parameter : parameters) {
            table.addColumns(DoubleColumn.create(parameter));
        }
        for (int j = 0; j < outputs; j++) {
            table.addColumns(DoubleColumn.create("out_" + names.neuron(start.depth(), j)));
        }
        table.addColumns(DoubleColumn.create("E_total"));
        appendRow(table, 0, start, parameters);
        for (TrainingHistory.Iteration iteration : history.snapshots()) {
            appendRow(table, iteration.number(), iteration.after(), parameters);
        }
        return TableView.of(table);
    }

    /** E_total after the given iterations of a run (0 is the start). */
    public static TableView errors(TrainingHistory history, int... iterations) {
        View.require("history", history);
        View.require("iterations", iterations);
        IntColumn iteration = IntColumn.create("iteration");
        DoubleColumn error = DoubleColumn.create("E_total");
        for (int k : iterations) {
            error.append(history.error(k));
            iteration.append(k);
        }
        return TableView.of(Table.create("E_total after iteration k", iteration, error));
    }

    /**
     * One row per run: its iterations, its error at the start and at the end, the lowest error
     * and the first iteration that reached it, and the iteration where it diverged, if it did.
     * The errors are those {@link Charts#errors} draws.
     */
    public static TableView runs(Map<String, TrainingHistory> runs) {
        String meaning = ErrorCurve.meaning(runs);
        StringColumn setting = StringColumn.create("setting");
        IntColumn iterations = IntColumn.create("iterations");
        DoubleColumn start = DoubleColumn.create("E at start");
        DoubleColumn end = DoubleColumn.create("E at end");
        DoubleColumn lowest = DoubleColumn.create("lowest E");
        IntColumn lowestAt = IntColumn.create("lowest at");
        IntColumn divergedAt = IntColumn.create("diverged at");
        runs.forEach((label, run) -> {
            ErrorCurve curve = ErrorCurve.of(run);
            double[] errors = curve.errors();
            int best = 0;
            for (int k = 1; k < errors.length; k++) {
                if (errors[k] < errors[best]) {
                    best = k;
                }
            }
            setting.append(label);
            iterations.append(run.iterations());
            start.append(errors[0]);
            end.append(errors[errors.length - 1]);
            lowest.append(errors[best]);
            lowestAt.append(curve.first() + best);
            run.divergedAt().ifPresentOrElse(divergedAt::append, divergedAt::appendMissing);
        });
        String what = meaning.endsWith("during each epoch") ? meaning : "E_total, or its mean over the samples";
        return TableView.of(Table.create("Runs compared (E: " + what + ")",
                setting, iterations, start, end, lowest, lowestAt, divergedAt));
    }

    /**
     * One row per sample of a data set: its inputs i1, i2, … and its targets target_o1, …
     * (for a list of your own, {@code DataSet.of(name, samples)}).
     */
    public static TableView samples(DataSet data) {
        View.require("data", data);
        if (data.size() > MAX_SAMPLE_ROWS) {
            throw new IllegalArgumentException("data must hold at most " + MAX_SAMPLE_ROWS + " samples to list them "
                    + "one per row, but " + data.name() + " holds " + data.size() + " (list a few: data.first(10))");
        }
        int inputs = data.get(0).input().length;
        int targets = data.get(0).target().length;
        Table table = Table.create(data.name() + ": " + data.size() + (data.size() == 1 ? " sample" : " samples"),
                IntColumn.create("sample"));
        for (int i = 1; i <= inputs; i++) {
            table.addColumns(DoubleColumn.create("i" + i));
        }
        for (int j = 1; j <= targets; j++) {
            table.addColumns(DoubleColumn.create("target_o" + j));
        }
        for (int x = 0; x < data.size(); x++) {
            table.intColumn(0).append(x);
            double[] input = data.get(x).input();
            double[] target = data.get(x).target();
            for (int i = 0; i < inputs; i++) {
                table.doubleColumn(1 + i).append(input[i]);
            }
            for (int j = 0; j < targets; j++) {
                table.doubleColumn(1 + inputs + j).append(target[j]);
            }
        }
        return TableView.of(table);
    }

    /**
     * Backpropagation against finite differences, one row per weight and bias: the backprop
     * ∂E/∂w, the numerical estimate and their relative error
     * |backprop − numerical| / max(|backprop|, |numerical|).
     */
    public static TableView gradientCheck(GradientCheck check) {
        View.require("check", check);
        StringColumn parameter = StringColumn.create("parameter");
        DoubleColumn backprop = DoubleColumn.create("backprop");
        DoubleColumn numerical = DoubleColumn.create("numerical");
        DoubleColumn relativeError = DoubleColumn.create("relative error");
        for (GradientCheck.Row row : check.rows()) {
            parameter.append(row.parameter());
            backprop.append(row.backprop());
            numerical.append(row.numerical());
            relativeError.append(row.relativeError());
        }
        Table table = Table.create("Gradient check: " + check.numerical().name() + ", h = "
                + Decimals.of(check.numerical().step()) + "; largest relative error "
                + Decimals.of(check.maxRelativeError()), parameter, backprop, numerical, relativeError);
        return TableView.of(table);
    }

    private static void appendRow(Table table, int iteration, ForwardPass pass, List<String> parameters) {
        table.intColumn("iteration").append(iteration);
        for (String parameter : parameters) {
            table.doubleColumn(parameter).append(pass.get(parameter));
        }
        double[] outputs = pass.outputs();
        for (int j = 0; j < outputs.length; j++) {
            table.doubleColumn(parameters.size() + 1 + j).append(outputs[j]);
        }
        table.doubleColumn("E_total").append(pass.totalError());
    }

    private static void appendOrMissing(DoubleColumn column, boolean present, double value) {
        if (present) {
            column.append(value);
        } else {
            column.appendMissing();
        }
    }
}
