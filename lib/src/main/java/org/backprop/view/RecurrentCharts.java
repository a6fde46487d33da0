package org.backprop.view;

import java.util.Map;
import org.backprop.rnn.BackwardThroughTime;
import org.backprop.rnn.SequenceTraining;

/** Charts of recurrent networks: how far back a gradient reaches, and training runs. */
public final class RecurrentCharts {

    private RecurrentCharts() {
    }

    /**
     * ‖∂E/∂h_t‖ against the number of steps back from the last step, s = T − t, on a log axis:
     * one line per backward pass (usually {@code backwardFromLastStep()}, so that it shows how
     * the last error fades or grows on its way back). A norm of exactly 0 has no place on a log
     * axis, and is left out.
     */
    public static ChartView gradientFlow(Map<String, BackwardThroughTime> backwards) {
        View.require("backwards", backwards);
        if (backwards.isEmpty()) {
            throw new IllegalArgumentException("backwards must hold at least 1 backward pass, but was empty");
        }
        View.labelled("backwards", backwards);
        Lines chart = new Lines("How far back the error reaches", "steps back, s = T − t", "‖∂E/∂h_t‖", true);
        backwards.forEach((name, backward) -> {
            int steps = backward.forward().length();
            chart.line("backwards['" + name + "']", name, steps, s -> backward.hiddenGradientNorm(steps - s));
        });
        return chart.view();
    }

    /** E = Σ_t E_t after every epoch of several training runs, on a log axis. */
    public static ChartView errors(Map<String, SequenceTraining.Run> runs) {
        View.require("runs", runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must hold at least 1 run, but was empty");
        }
        View.labelled("runs", runs);
        Lines chart = new Lines("Error per epoch", "epoch", "E = Σ_t E_t", true);
        runs.forEach((name, run) -> {
            chart.line("runs['" + name + "']", name, run.epochs() + 1, run::error);
        });
        return chart.view();
    }
}
