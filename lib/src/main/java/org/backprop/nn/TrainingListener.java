package org.backprop.nn;

/**
 * Told how a training run on a data set goes while it runs (see
 * {@link GradientDescent#train(Network, java.util.List, int, TrainingListener)}): after each
 * batch, and after each epoch with the history so far. A live chart is one.
 *
 * <p>Both methods run on the training thread, between updates: {@link #batchDone} after every
 * batch, so it must be quick (compare a clock, return); the run waits for them.
 */
public interface TrainingListener {

    /** After batch {@code batch} (1 … {@code batches}) of epoch {@code epoch} (1 … {@code epochs}). */
    default void batchDone(int epoch, int epochs, int batch, int batches) {
    }

    /**
     * After epoch {@code soFar.iterations()} of {@code epochs}, and after the evaluation that
     * follows it: {@code soFar} is the history of the epochs completed.
     */
    default void epochDone(TrainingHistory soFar, int epochs) {
    }
}
