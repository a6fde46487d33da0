package org.backprop.nn;

/** Training stopped because the error stopped being a finite number. */
public final class TrainingDivergedException extends ArithmeticException {

    private final int iteration;
    private final double learningRate;

    TrainingDivergedException(int iteration, double learningRate, double error) {
        super("training diverged at iteration " + iteration + " with learning rate " + learningRate
                + ": E_total became " + error + "; try a smaller learning rate");
        this.iteration = iteration;
        this.learningRate = learningRate;
    }

    /** The iteration whose update made the error NaN or infinite (0: the starting weights). */
    public int iteration() {
        return iteration;
    }

    public double learningRate() {
        return learningRate;
    }
}
