package org.backprop.nn;

import java.util.List;

/**
 * What a training run went through: E_total after every iteration (cheap: one number each) and
 * full snapshots of the first few iterations.
 *
 * <p>Iteration k computes the gradients at the weights left by iteration k−1 and then updates
 * them; {@code error(k)} is E_total after that update, {@code error(0)} the starting error.
 */
public final class TrainingHistory {

    /**
     * One kept iteration.
     *
     * @param number    the iteration, 1 for the first
     * @param gradients the backward pass that drove the update; {@code gradients.forward()} is
     *                  the forward pass with the weights before it
     * @param after     the forward pass with the weights after the update
     */
    public record Iteration(int number, BackwardPass gradients, ForwardPass after) {

        /** The forward pass with the weights before this iteration's update. */
        public ForwardPass before() {
            return gradients.forward();
        }
    }

    private final GradientDescent descent;
    private final ForwardPass start;
    private final ForwardPass end;
    private final double[] errors;
    private final List<Iteration> iterations;

    TrainingHistory(GradientDescent descent, ForwardPass start, ForwardPass end, double[] errors,
                    List<Iteration> iterations) {
        this.descent = descent;
        this.start = start;
        this.end = end;
        this.errors = errors;
        this.iterations = List.copyOf(iterations);
    }

    /** The settings the run used. */
    public GradientDescent descent() {
        return descent;
    }

    /** How many iterations ran. */
    public int iterations() {
        return errors.length - 1;
    }

    /** E_total after {@code k} iterations, k = 0 … {@link #iterations()}. */
    public double error(int k) {
        if (k < 0 || k > iterations()) {
            throw new IllegalArgumentException("k must be between 0 and " + iterations() + ", but was " + k);
        }
        return errors[k];
    }

    /** A copy of E_total after 0, 1, …, N iterations. */
    public double[] errors() {
        return errors.clone();
    }

    /** The forward pass with the starting weights. */
    public ForwardPass start() {
        return start;
    }

    /** The forward pass with the final weights. */
    public ForwardPass end() {
        return end;
    }

    /** The kept iterations, 1 … k, in order. */
    public List<Iteration> snapshots() {
        return iterations;
    }

    /** Kept iteration k (1-based). */
    public Iteration snapshot(int k) {
        if (k < 1 || k > iterations.size()) {
            throw new IllegalArgumentException("k must be between 1 and " + iterations.size()
                    + " (the kept iterations), but was " + k);
        }
        return iterations.get(k - 1);
    }

    @Override
    public String toString() {
        return "TrainingHistory[" + iterations() + " iterations, E_total " + errors[0] + " → "
                + errors[iterations()] + ", " + iterations.size() + " snapshots, " + descent + "]";
    }
}
