package org.backprop.nn;

import java.util.Optional;

/** Training stopped because the error stopped being a finite number. */
public final class TrainingDivergedException extends ArithmeticException {

    private final int iteration;
    private final double learningRate;
    private final transient TrainingHistory history;

    TrainingDivergedException(String unit, int iteration, double learningRate, double error, TrainingHistory history) {
        super("training diverged at " + unit + " " + iteration + " with learning rate " + learningRate + ": "
                + (unit.equals("epoch") ? "the mean E_total" : "E_total") + " became " + error
                + "; try a smaller learning rate");
        this.iteration = iteration;
        this.learningRate = learningRate;
        this.history = history;
    }

    /**
     * The iteration (epoch, on a data set) whose updates made the error NaN or infinite (0: the
     * starting weights).
     */
    public int iteration() {
        return iteration;
    }

    public double learningRate() {
        return learningRate;
    }

    /**
     * The run up to the last iteration whose error was finite, to chart how it went; empty when
     * already the starting error was not finite.
     */
    public Optional<TrainingHistory> history() {
        return Optional.ofNullable(history);
    }
}
