package org.backprop.nn;

import java.util.Optional;

/**
 * Training stopped because an error (or a gradient) stopped being a finite number. The network
 * is left with its last weights whose error was finite: those before the update that broke it.
 */
public final class TrainingDivergedException extends ArithmeticException {

    private final int iteration;
    private final double learningRate;
    private final transient TrainingHistory history;

    TrainingDivergedException(String unit, int iteration, double learningRate, String what, double value,
                              TrainingHistory history) {
        super(message(unit, iteration, learningRate, what, value));
        this.iteration = iteration;
        this.learningRate = learningRate;
        this.history = history;
    }

    private TrainingDivergedException(String message, double learningRate) {
        super(message);
        this.iteration = 0;
        this.learningRate = learningRate;
        this.history = null;
    }

    private static String message(String unit, int iteration, double learningRate, String what, double value) {
        String diverged = "training diverged at " + unit + " " + iteration + " with learning rate " + learningRate
                + ": " + what + " became " + value;
        if (iteration == 0) {
            return diverged + " with the starting weights, before any update; the network keeps them "
                    + "(check its weights and the samples)";
        }
        return diverged + "; the network keeps its weights from before the update that did it, the last whose "
                + "E_total was finite; try a smaller learning rate";
    }

    /** {@link GradientDescent#step} refuses to learn from a forward pass whose E_total is not finite. */
    static TrainingDivergedException beforeStep(double learningRate, double error) {
        return new TrainingDivergedException("step refused: E_total is " + error + " with the network's weights "
                + "now, so no gradient can follow from it; the network is left as it is (start again from weights "
                + "with a finite E_total, and a smaller learning rate than " + learningRate + ")", learningRate);
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
