package org.backprop.nn;

import java.util.List;
import java.util.OptionalInt;

/**
 * What a training run went through: the error after every iteration (cheap: one number each),
 * every layer's gradient norm per iteration, and full snapshots of the first few iterations.
 *
 * <p>Iteration k computes the gradients at the weights left by iteration k−1 and then updates
 * them; {@code error(k)} is the error after that update, {@code error(0)} the starting error.
 * On a data set an iteration is an epoch (every sample visited once, in one or more updates)
 * and the error is the mean Ē = (1/n) Σₓ E_total(x) over its n samples; for one sample it is
 * E_total.
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
    private final int samples;
    private final int updatesPerIteration;
    private final ForwardPass start;
    private final ForwardPass end;
    private final double[] errors;
    private final double[][] gradientNorms;
    private final List<Iteration> iterations;
    private final int divergedAt;

    TrainingHistory(GradientDescent descent, int samples, int updatesPerIteration, ForwardPass start,
                    ForwardPass end, double[] errors, double[][] gradientNorms, List<Iteration> iterations,
                    int divergedAt) {
        this.descent = descent;
        this.samples = samples;
        this.updatesPerIteration = updatesPerIteration;
        this.start = start;
        this.end = end;
        this.errors = errors;
        this.gradientNorms = gradientNorms;
        this.iterations = List.copyOf(iterations);
        this.divergedAt = divergedAt;
    }

    /** The settings the run used. */
    public GradientDescent descent() {
        return descent;
    }

    /** How many iterations (epochs, on a data set) ran, and kept a finite error. */
    public int iterations() {
        return errors.length - 1;
    }

    /** The number of samples trained on. */
    public int samples() {
        return samples;
    }

    /** How many weight updates ran: one per batch of every iteration. */
    public int updates() {
        return iterations() * updatesPerIteration;
    }

    /** How many weight updates make one iteration: 1, or on a data set its number of batches. */
    public int updatesPerIteration() {
        return updatesPerIteration;
    }

    /** The error after {@code k} iterations, k = 0 … {@link #iterations()}. */
    public double error(int k) {
        if (k < 0 || k > iterations()) {
            throw new IllegalArgumentException("k must be between 0 and " + iterations() + ", but was " + k);
        }
        return errors[k];
    }

    /** A copy of the error after 0, 1, …, N iterations. */
    public double[] errors() {
        return errors.clone();
    }

    /** The number of layers with weights, L. */
    public int depth() {
        return start.depth();
    }

    /**
     * ‖∂E/∂Wˡ‖ (Frobenius norm) of the gradient that drove iteration k's update of layer l,
     * k = 1 … {@link #iterations()}; with several updates per iteration, their mean. Small norms
     * in the first layers of a deep network are the vanishing gradient.
     */
    public double gradientNorm(int k, int l) {
        if (k < 1 || k > iterations()) {
            throw new IllegalArgumentException("k must be between 1 and " + iterations() + ", but was " + k);
        }
        if (l < 1 || l > depth()) {
            throw new IllegalArgumentException("layer must be between 1 and " + depth() + ", but was " + l);
        }
        return gradientNorms[k - 1][l - 1];
    }

    /** ‖∂E/∂Wˡ‖ of iterations 1 … N for layer l (see {@link #gradientNorm}). */
    public double[] gradientNorms(int l) {
        double[] norms = new double[iterations()];
        for (int k = 1; k <= norms.length; k++) {
            norms[k - 1] = gradientNorm(k, l);
        }
        return norms;
    }

    /**
     * The iteration whose update made the error NaN or infinite, if this run stopped there
     * ({@link TrainingDivergedException#history()}); this history ends just before it.
     */
    public OptionalInt divergedAt() {
        return divergedAt == 0 ? OptionalInt.empty() : OptionalInt.of(divergedAt);
    }

    /** The forward pass with the starting weights (of the one sample trained on). */
    public ForwardPass start() {
        return onlyPass(start);
    }

    /** The forward pass with the final weights (of the one sample trained on). */
    public ForwardPass end() {
        return onlyPass(end);
    }

    private ForwardPass onlyPass(ForwardPass pass) {
        if (samples != 1) {
            throw new IllegalStateException("a run on " + samples + " samples has a forward pass per sample; "
                    + "expected a run on 1 sample (use network.forward(sample) for the one you want)");
        }
        return pass;
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
        return "TrainingHistory[" + iterations() + " iterations" + (samples == 1 ? "" : " of " + samples + " samples")
                + ", E_total " + errors[0] + " → " + errors[iterations()] + ", " + iterations.size() + " snapshots, "
                + descent + (divergedAt == 0 ? "" : ", diverged at " + divergedAt) + "]";
    }
}
