package org.backprop.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Network;
import org.backprop.nn.Sample;
import org.backprop.nn.TrainingHistory;
import org.backprop.view.ChartView;
import org.backprop.view.Charts;
import org.backprop.view.Heatmap;
import org.backprop.view.ImageView;
import org.backprop.view.Plane;
import org.backprop.view.TableView;
import org.backprop.view.Tables;

/** Training runs side by side, each under its label: one chart, one table. */
public final class Comparison {

    private final Map<String, TrainingHistory> runs;
    /** The networks as training left them, by label; empty for runs trained elsewhere. */
    private final Map<String, Network> trained;

    /** Runs an {@link Experiment} trained, with the networks as they ended (kept, not copied). */
    Comparison(Map<String, TrainingHistory> runs, Map<String, Network> trained) {
        this.runs = Collections.unmodifiableMap(runs);
        this.trained = Collections.unmodifiableMap(trained);
    }

    /** Compares runs you trained yourself, in the map's order. */
    public static Comparison of(Map<String, TrainingHistory> runs) {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("runs must hold at least 1 training history, but was "
                    + (runs == null ? "null" : "empty"));
        }
        runs.forEach((label, run) -> {
            if (label == null || run == null) {
                throw new IllegalArgumentException("runs must not hold null labels or histories, but held "
                        + label + " → " + run);
            }
            if (label.isBlank()) {
                throw new IllegalArgumentException("runs must label each run with a non-blank name (the chart's "
                        + "legend shows it), but held the label '" + label + "'");
            }
        });
        return new Comparison(new LinkedHashMap<>(runs), Map.of());
    }

    /** The runs by label, in order. */
    public Map<String, TrainingHistory> runs() {
        return runs;
    }

    /** The run with this label. */
    public TrainingHistory run(String label) {
        TrainingHistory run = runs.get(label);
        if (run == null) {
            throw new IllegalArgumentException("label must be one of " + runs.keySet() + ", but was '" + label + "'");
        }
        return run;
    }

    /**
     * A copy of the network with this label as its run left it: trained to the end, or at its
     * last finite weights if the run diverged. Only for comparisons an {@link Experiment} made.
     */
    public Network network(String label) {
        run(label);
        Network network = trained.get(label);
        if (network == null) {
            throw new IllegalArgumentException("label '" + label + "' names a run trained outside an Experiment, "
                    + "whose network this comparison does not have");
        }
        return network.copy();
    }

    /**
     * Each run's decision boundary after training ({@link Plane#boundary}), titled by its label,
     * {@code columns} to a row: small multiples of what each setting learned on {@code data}.
     */
    public ImageView boundaries(List<? extends Sample> data, int columns) {
        List<Heatmap> maps = new ArrayList<>();
        for (String label : runs.keySet()) {
            maps.add(Plane.boundary(network(label), data).withTitles(label, "x", "y"));
        }
        return Plane.grid(maps, columns);
    }

    /** The error per iteration of every run, one line each (a diverged run ends where it diverged). */
    public ChartView chart() {
        return Charts.errors(runs);
    }

    /**
     * One row per run: the error at the start and at the end, the lowest error and the first
     * iteration that reached it, and the iteration where the run diverged, if it did.
     */
    public TableView table() {
        return Tables.runs(runs);
    }

    @Override
    public String toString() {
        return "Comparison" + runs.keySet();
    }
}
