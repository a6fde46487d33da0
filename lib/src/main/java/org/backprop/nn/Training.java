package org.backprop.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

/**
 * One training run of {@link GradientDescent}: epochs of batches, each a forward pass, a
 * backward pass and an update, into buffers allocated once. Only what the history keeps is
 * copied: a few numbers per iteration, and the passes of the kept iterations.
 *
 * <p>On one sample an iteration is one update, and the error after k iterations is E_total
 * measured by iteration k + 1's forward pass (one more pass measures the last). On a data set
 * an iteration is an epoch, and its error is the mean of E_total over its samples as their
 * batches' forward passes measured them, before their updates.
 */
final class Training {

    private final GradientDescent descent;
    private final Network network;
    private final List<Sample> samples;
    private final SampleRows rows;
    private final int snapshots;
    private final int batchSize;
    private final int updatesPerEpoch;
    private final boolean oneSample;

    private final Backprop core;
    private final InPlaceUpdate update;
    private final int[] order;
    private final Random shuffle;
    private final Backprop evaluationCore;

    private final Series errors = new Series();
    private final Series gradientNorms = new Series();
    private final List<TrainingHistory.Iteration> kept = new ArrayList<>();
    private final List<Evaluation> evaluations = new ArrayList<>();
    private final double[] norms;
    private ForwardPass start;
    private BackwardPass lastKept;
    private int stalledAt;
    /** Whether an update happened since the run started, so going back one update is possible. */
    private boolean updated;

    Training(GradientDescent descent, Network network, List<Sample> samples, int snapshots) {
        network.checkSamples(samples);
        Require.nonNegative("snapshots", snapshots);
        this.descent = descent;
        this.network = network;
        this.samples = samples instanceof SampleRows ? samples : List.copyOf(samples);
        this.rows = samples instanceof SampleRows r ? r : null;
        this.snapshots = snapshots;
        this.oneSample = samples.size() == 1;
        this.batchSize = descent.batching().size(samples.size());
        if (descent.rule() == UpdateRule.LAYER_BY_LAYER && batchSize > 1) {
            throw new IllegalArgumentException("rule LAYER_BY_LAYER updates each layer during one sample's backward "
                    + "pass, so it needs batches of 1 sample (Batching.PER_SAMPLE), but batching was "
                    + descent.batching() + " over " + samples.size() + " samples");
        }
        this.updatesPerEpoch = (samples.size() + batchSize - 1) / batchSize;
        List<Sample> evaluated = descent.evaluationSamples().orElse(null);
        if (evaluated != null) {
            network.checkSamples(evaluated);
        }
        Memory.requireBatch(network, batchSize);
        this.core = new Backprop(network.sizes(), batchSize);
        this.update = new InPlaceUpdate(network, descent.optimizer());
        this.order = new int[samples.size()];
        for (int x = 0; x < order.length; x++) {
            order[x] = x;
        }
        this.shuffle = descent.shuffleSeed().isPresent() ? new Random(descent.shuffleSeed().getAsLong()) : null;
        this.evaluationCore = evaluated == null ? null : Evaluation.core(network, evaluated);
        this.norms = new double[network.depth()];
    }

    /** What a run without a listener tells: nothing. */
    static final TrainingListener UNHEARD = new TrainingListener() {
    };

    /** Runs {@code iterations} iterations (epochs, on a data set); {@code parameter} names them in messages. */
    TrainingHistory run(String parameter, int iterations) {
        return run(parameter, iterations, UNHEARD);
    }

    /** The same, telling {@code listener} after every batch and epoch of a data set. */
    TrainingHistory run(String parameter, int iterations, TrainingListener listener) {
        Require.positive(parameter, iterations);
        if (oneSample && listener != UNHEARD) {
            throw new IllegalArgumentException("samples must hold at least 2 samples for a listener, which is told "
                    + "about epochs of batches, but held 1 (train on one sample with train(network, sample, "
                    + "iterations))");
        }
        int numbersPerIteration = 1 + network.depth() + (evaluationCore == null ? 0 : 3);
        Memory.require(parameter, iterations, "a history of " + iterations + " "
                + unit() + "s (" + numbersPerIteration + " numbers each)",
                Memory.doubles((long) numbersPerIteration * iterations));
        evaluate();
        for (int k = 1; k <= iterations; k++) {
            // Lets whoever runs this on another thread (experiment's runs side by side) stop it.
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("training stopped before " + unit() + " " + k + " of " + iterations
                        + ": its thread was interrupted");
            }
            epoch(k, iterations, listener);
            evaluate();
            if (listener != UNHEARD) {
                listener.epochDone(history(k, 0, null), iterations);
            }
        }
        ForwardPass end = null;
        if (oneSample) {
            end = measure(iterations + 1, true);
            keep(iterations, end);
        }
        return history(iterations, 0, end);
    }

    private String unit() {
        return oneSample ? "iteration" : "epoch";
    }

    private void epoch(int k, int epochs, TrainingListener listener) {
        if (shuffle != null) {
            shuffle();
        }
        double rate = descent.learningRate(k);
        double errorSum = 0;
        int stalledUpdates = 0;
        Arrays.fill(norms, 0);
        for (int from = 0; from < order.length; from += batchSize) {
            Backprop batch = core;
            ForwardPass before = null;
            if (oneSample) {
                // A pass of its own for the start, and before and after each kept iteration.
                before = measure(k, k <= snapshots + 1);
                if (before != null) {
                    keep(k - 1, before);
                    batch = new Backprop(before.core);
                }
            } else {
                batch.load(samples, rows, order, from, Math.min(batchSize, order.length - from));
                batch.forward(network.layers(), network.loss());
                requireFinite(k, batch.errorSum());
            }
            for (int x = 0; x < batch.size(); x++) {
                errorSum += batch.totalError[x];
            }
            descent.descend(network, batch, update, rate);
            updated = true;
            double size = 0;
            for (int l = 1; l <= norms.length; l++) {
                double norm = batch.weightGradientNorm(l);
                norms[l - 1] += norm;
                size += norm + (descent.updatesBiases() ? Kernels.sumOfSquares(batch.biasGradient[l]) : 0);
            }
            if (!Double.isFinite(size)) {
                diverged(k, "a gradient", size);
            }
            stalledUpdates += size == 0 && batch.errorSum() > 0 ? 1 : 0;
            listener.batchDone(k, epochs, from / batchSize + 1, updatesPerEpoch);
            if (before != null && k <= snapshots) {
                lastKept = new BackwardPass(before, batch, descent.rule() == UpdateRule.LAYER_BY_LAYER
                        ? network.copyOfLayers() : before.layers());
            }
        }
        if (!oneSample) {
            errors.add(errorSum / order.length);
        }
        for (double norm : norms) {
            gradientNorms.add(norm / updatesPerEpoch);
        }
        if (stalledUpdates == updatesPerEpoch && stalledAt == 0) {
            stalledAt = k;
        }
    }

    /**
     * The one sample's forward pass at the start of iteration k (the error after k − 1
     * iterations), into a pass of its own if {@code record}, else into the reused buffers.
     */
    private ForwardPass measure(int k, boolean record) {
        double error;
        ForwardPass pass = null;
        if (record) {
            pass = new ForwardPass(network.names(), network.copyOfLayers(), network.loss(), samples.get(0));
            error = pass.totalError();
        } else {
            core.load(samples, rows, order, 0, 1);
            core.forward(network.layers(), network.loss());
            error = core.errorSum();
        }
        requireFinite(k - 1, error);
        errors.add(error);
        return pass;
    }

    /** Keeps the forward pass after iteration k as the start, or with iteration k's gradients. */
    private void keep(int k, ForwardPass after) {
        if (k == 0) {
            start = after;
        } else if (k <= snapshots && lastKept != null) {
            kept.add(new TrainingHistory.Iteration(k, lastKept, after));
            lastKept = null;
        }
    }

    private void evaluate() {
        if (evaluationCore != null) {
            evaluations.add(Evaluation.of(network, descent.evaluationSamples().orElseThrow(), evaluationCore));
        }
    }

    /** The same permutation as {@code Collections.shuffle(order, shuffle)} on a list. */
    private void shuffle() {
        for (int i = order.length; i > 1; i--) {
            int j = shuffle.nextInt(i);
            int swapped = order[i - 1];
            order[i - 1] = order[j];
            order[j] = swapped;
        }
    }

    /**
     * An error that is not finite ends the run at iteration k: the network goes back to its
     * weights before the latest update, the last whose error was finite.
     */
    private void requireFinite(int k, double error) {
        if (!Double.isFinite(error)) {
            diverged(k, oneSample ? "E_total" : "the E_total of a sample", error);
        }
    }

    private void diverged(int k, String what, double value) {
        if (updated) {
            update.restore(network);
        }
        // On one sample, the pass at the weights it went back to is the last pass of the kept history.
        ForwardPass end = oneSample && k > 0
                ? new ForwardPass(network.names(), network.copyOfLayers(), network.loss(), samples.get(0)) : null;
        TrainingHistory untilThen = k == 0 ? null : history(k - 1, k, end);
        throw new TrainingDivergedException(unit(), k, descent.learningRate(), what, value, untilThen);
    }

    /** The history of the first {@code completed} iterations. */
    private TrainingHistory history(int completed, int divergedAt, ForwardPass end) {
        int depth = network.depth();
        return new TrainingHistory(descent, depth, samples.size(), updatesPerEpoch, start, end,
                errors.first(oneSample ? completed + 1 : completed), gradientNorms.first(completed * depth),
                kept, evaluations.subList(0, Math.min(evaluations.size(), completed + 1)), divergedAt,
                stalledAt <= completed ? stalledAt : 0);
    }
}
