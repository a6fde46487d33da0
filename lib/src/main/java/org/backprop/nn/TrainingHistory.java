package org.backprop.nn;

import java.util.List;
import java.util.OptionalInt;

/**
 * What a training run went through: the error of every iteration (cheap: one number each),
 * every layer's gradient norm per iteration, full snapshots of the first few iterations, and
 * the evaluations, if the run was asked for them.
 *
 * <p>Iteration k computes the gradients at the weights left by iteration k−1 and then updates
 * them. On one sample, {@code error(k)} is E_total after k iterations, k = 0 … N. On a data set
 * an iteration is an epoch (every sample visited once, in one or more updates), and
 * {@code error(k)}, k = 1 … N, is the mean of E_total over its n samples, each as its batch's
 * forward pass measured it, before the batch's update — the training error as it is usually
 * logged, which costs no extra pass over the data. The error after each epoch is what
 * {@link GradientDescent#evaluatingOn} measures.
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
    private final int depth;
    private final int samples;
    private final int updatesPerIteration;
    private final ForwardPass start;
    private final ForwardPass end;
    private final double[] errors;
    private final double[] gradientNorms;
    private final List<Iteration> iterations;
    private final List<Evaluation> evaluations;
    private final int divergedAt;
    private final int stalledAt;

    TrainingHistory(GradientDescent descent, int depth, int samples, int updatesPerIteration, ForwardPass start,
                    ForwardPass end, double[] errors, double[] gradientNorms, List<Iteration> iterations,
                    List<Evaluation> evaluations, int divergedAt, int stalledAt) {
        this.descent = descent;
        this.depth = depth;
        this.samples = samples;
        this.updatesPerIteration = updatesPerIteration;
        this.start = start;
        this.end = end;
        this.errors = errors;
        this.gradientNorms = gradientNorms;
        this.iterations = List.copyOf(iterations);
        this.evaluations = List.copyOf(evaluations);
        this.divergedAt = divergedAt;
        this.stalledAt = stalledAt;
    }

    /** The settings the run used. */
    public GradientDescent descent() {
        return descent;
    }

    /** How many iterations (epochs, on a data set) ran, and kept a finite error. */
    public int iterations() {
        return gradientNorms.length / depth();
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

    /**
     * The first k with an error: 0 on one sample (the starting error), 1 on a data set (the
     * mean over the first epoch).
     */
    public int firstIteration() {
        return samples == 1 ? 0 : 1;
    }

    /** The error of iteration k, k = {@link #firstIteration()} … {@link #iterations()} (see the class comment). */
    public double error(int k) {
        if (k < firstIteration() || k > iterations()) {
            String unit = samples == 1 ? "" : " (epochs: a run on " + samples + " samples measures its mean error "
                    + "during each epoch, from epoch 1; the error before training is evaluation(0), with "
                    + "descent.evaluatingOn(samples))";
            throw new IllegalArgumentException("k must be between " + firstIteration() + " and " + iterations()
                    + unit + ", but was " + k);
        }
        return errors[k - firstIteration()];
    }

    /** A copy of the errors of iterations {@link #firstIteration()} … N, in order. */
    public double[] errors() {
        return errors.clone();
    }

    /** The number of layers with weights, L. */
    public int depth() {
        return depth;
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
        return gradientNorms[(k - 1) * depth() + l - 1];
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

    /**
     * The first iteration in which every update's gradient was exactly 0 for every weight (and
     * bias, if the descent updates them) while the error was above 0: learning had stopped,
     * though the error was not 0 (for example sigmoids saturated so far that f′ underflows to 0
     * in double precision). Every later update changes nothing either. Empty if that never
     * happened.
     */
    public OptionalInt stalledAt() {
        return stalledAt == 0 ? OptionalInt.empty() : OptionalInt.of(stalledAt);
    }

    /**
     * The evaluations of the network on {@link GradientDescent#evaluatingOn}'s samples: before
     * training (index 0) and after each iteration k (index k). Empty if none was asked for.
     */
    public List<Evaluation> evaluations() {
        return evaluations;
    }

    /** The evaluation after k iterations (epochs), k = 0 … {@link #iterations()}. */
    public Evaluation evaluation(int k) {
        if (evaluations.isEmpty()) {
            throw new IllegalStateException("this run evaluated nothing: expected a run of a descent with "
                    + "evaluatingOn(samples)");
        }
        if (k < 0 || k >= evaluations.size()) {
            throw new IllegalArgumentException("k must be between 0 and " + (evaluations.size() - 1) + ", but was " + k);
        }
        return evaluations.get(k);
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
        int first = firstIteration();
        String range = errors.length == 0 ? "no error kept"
                : (samples == 1 ? "E_total " : "mean E_total ") + errors[0] + " → " + errors[errors.length - 1];
        return "TrainingHistory[" + iterations() + (samples == 1 ? " iterations" : " epochs of " + samples + " samples")
                + ", " + range + (first == 1 && errors.length > 0 ? " (epoch 1 → " + iterations() + ")" : "") + ", "
                + iterations.size() + " snapshots, " + descent + (divergedAt == 0 ? "" : ", diverged at " + divergedAt)
                + (stalledAt == 0 ? "" : ", stalled at " + stalledAt) + "]";
    }
}
