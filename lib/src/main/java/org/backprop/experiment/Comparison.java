package org.backprop.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.backprop.nn.TrainingHistory;
import org.backprop.view.ChartView;
import org.backprop.view.Charts;
import org.backprop.view.TableView;
import org.backprop.view.Tables;

/** Training runs side by side, each under its label: one chart, one table. */
public final class Comparison {

    private final Map<String, TrainingHistory> runs;

    private Comparison(Map<String, TrainingHistory> runs) {
        this.runs = runs;
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
        });
        return new Comparison(Collections.unmodifiableMap(new LinkedHashMap<>(runs)));
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
