package org.backprop.view;

import java.util.Map;
import org.backprop.nn.TrainingHistory;

/**
 * The error a chart or table shows for a run: on one sample, E_total after iterations 0 … N; on a
 * data set evaluated after every epoch, the evaluation's mean E_total after epochs 0 … N;
 * otherwise the mean E_total during epochs 1 … N, as training measured it.
 *
 * @param first  the iteration of {@code errors[0]}
 * @param errors the errors of iterations first … N
 */
record ErrorCurve(int first, double[] errors) {

    static ErrorCurve of(TrainingHistory run) {
        if (run.samples() > 1 && !run.evaluations().isEmpty()) {
            return new ErrorCurve(0, run.evaluations().stream().mapToDouble(e -> e.meanError()).toArray());
        }
        return new ErrorCurve(run.firstIteration(), run.errors());
    }

    /** The last iteration. */
    int last() {
        return first + errors.length - 1;
    }

    double error(int k) {
        return errors[k - first];
    }

    /**
     * What the errors of these runs are: "E_total", "mean E_total" (after each epoch) or "mean
     * E_total during each epoch"; there must be runs, and runs on data sets must be all evaluated,
     * or none.
     */
    static String meaning(Map<String, TrainingHistory> runs) {
        View.require("runs", runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must hold at least 1 training history, but was empty");
        }
        long dataSets = runs.values().stream().filter(run -> run.samples() > 1).count();
        long evaluated = runs.values().stream().filter(run -> run.samples() > 1 && !run.evaluations().isEmpty()).count();
        if (dataSets == 0) {
            return "E_total";
        }
        if (evaluated != 0 && evaluated != dataSets) {
            throw new IllegalArgumentException("runs must measure the same error: expected every run on a data set "
                    + "evaluated after each epoch (descent.evaluatingOn(samples)), or none, but " + evaluated + " of "
                    + dataSets + " were");
        }
        return evaluated > 0 ? "mean E_total" : "mean E_total during each epoch";
    }
}
