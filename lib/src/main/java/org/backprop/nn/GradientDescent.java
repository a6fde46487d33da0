package org.backprop.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import org.ejml.data.DMatrixRMaj;

/**
 * Gradient descent: w ← w − η·∂E/∂w for every weight (and bias, unless frozen). On a data set
 * of many samples, each update uses the mean gradient of one batch of samples (see
 * {@link Batching}).
 *
 * <p>Immutable; each {@code with…} method returns a changed copy:
 * <pre>{@code GradientDescent.withLearningRate(0.5).freezingBiases().train(network, sample, 10_000)}</pre>
 */
public final class GradientDescent {

    private final double learningRate;
    private final UpdateRule rule;
    private final boolean updateBiases;
    private final Batching batching;
    private final Long shuffleSeed;

    private GradientDescent(double learningRate, UpdateRule rule, boolean updateBiases, Batching batching,
                            Long shuffleSeed) {
        this.learningRate = learningRate;
        this.rule = rule;
        this.updateBiases = updateBiases;
        this.batching = batching;
        this.shuffleSeed = shuffleSeed;
    }

    /**
     * Textbook gradient descent with learning rate η &gt; 0, updating weights and biases, on
     * the full batch, visiting the samples in their given order.
     */
    public static GradientDescent withLearningRate(double learningRate) {
        return new GradientDescent(Require.positive("learningRate", learningRate), UpdateRule.TEXTBOOK, true,
                Batching.FULL, null);
    }

    /** The same settings with another learning rate η &gt; 0. */
    public GradientDescent atLearningRate(double learningRate) {
        return new GradientDescent(Require.positive("learningRate", learningRate), rule, updateBiases, batching,
                shuffleSeed);
    }

    /** The same, with another update rule. */
    public GradientDescent withRule(UpdateRule rule) {
        return new GradientDescent(learningRate, Require.present("rule", rule), updateBiases, batching, shuffleSeed);
    }

    /** The same, but biases keep their values (Mazur's post never updates b1 and b2). */
    public GradientDescent freezingBiases() {
        return new GradientDescent(learningRate, rule, false, batching, shuffleSeed);
    }

    /** The same, with biases learning too: b ← b − η·∂E/∂b. */
    public GradientDescent updatingBiases() {
        return new GradientDescent(learningRate, rule, true, batching, shuffleSeed);
    }

    /** The same, with updates over batches of the given kind (full, per sample, mini-batches). */
    public GradientDescent withBatching(Batching batching) {
        return new GradientDescent(learningRate, rule, updateBiases, Require.present("batching", batching),
                shuffleSeed);
    }

    /**
     * The same, visiting the samples of each epoch in a new random order, drawn from one
     * {@code new Random(seed)} per training run: the same seed gives the same orders.
     */
    public GradientDescent shuffling(long seed) {
        return new GradientDescent(learningRate, rule, updateBiases, batching, seed);
    }

    public double learningRate() {
        return learningRate;
    }

    public UpdateRule rule() {
        return rule;
    }

    public boolean updatesBiases() {
        return updateBiases;
    }

    public Batching batching() {
        return batching;
    }

    /** The seed of the shuffle, or empty when the samples are visited in their given order. */
    public OptionalLong shuffleSeed() {
        return shuffleSeed == null ? OptionalLong.empty() : OptionalLong.of(shuffleSeed);
    }

    /**
     * One iteration: a forward pass, a backward pass, and the update of {@code network}'s
     * weights. Returns the backward pass whose gradients drove the update (its
     * {@link BackwardPass#forward()} is the forward pass before the update).
     */
    public BackwardPass step(Network network, Sample sample) {
        Require.present("network", network);
        return update(network, network.forward(sample));
    }

    /** Trains for {@code iterations} steps, keeping E_total per iteration and no snapshots. */
    public TrainingHistory train(Network network, Sample sample, int iterations) {
        return train(network, sample, iterations, 0);
    }

    /**
     * Trains for {@code iterations} steps. The history keeps E_total after every iteration and
     * full snapshots (gradients, then weights and outputs after the update) of the first
     * {@code snapshots} iterations.
     *
     * @throws TrainingDivergedException if E_total becomes NaN or infinite
     */
    public TrainingHistory train(Network network, Sample sample, int iterations, int snapshots) {
        Require.present("network", network);
        Require.present("sample", sample);
        Require.positive("iterations", iterations);
        Require.nonNegative("snapshots", snapshots);
        return run(network, List.of(sample), iterations, snapshots);
    }

    /**
     * Trains on a data set for {@code epochs} epochs; an epoch visits every sample once, in
     * batches (see {@link #withBatching}). The history keeps the mean error
     * Ē = (1/n) Σₓ E_total(x) over all n samples after every epoch.
     *
     * @throws TrainingDivergedException if Ē becomes NaN or infinite
     */
    public TrainingHistory train(Network network, List<Sample> samples, int epochs) {
        Require.present("network", network);
        network.checkSamples(samples);
        Require.positive("epochs", epochs);
        return run(network, List.copyOf(samples), epochs, 0);
    }

    private TrainingHistory run(Network network, List<Sample> samples, int epochs, int snapshots) {
        int batchSize = batching.size(samples.size());
        if (rule == UpdateRule.LAYER_BY_LAYER && batchSize > 1) {
            throw new IllegalArgumentException("rule LAYER_BY_LAYER updates each layer during one sample's backward "
                    + "pass, so it needs batches of 1 sample (Batching.PER_SAMPLE), but batching was " + batching
                    + " over " + samples.size() + " samples");
        }
        String unit = samples.size() == 1 ? "iteration" : "epoch";
        Random shuffle = shuffleSeed == null ? null : new Random(shuffleSeed);
        List<Sample> order = new ArrayList<>(samples);
        double[] errors = new double[epochs + 1];
        double[][] gradientNorms = new double[epochs][];
        List<TrainingHistory.Iteration> kept = new ArrayList<>(Math.min(snapshots, epochs));
        List<ForwardPass> current = forwardAll(network, samples);
        errors[0] = meanError(current);
        if (!Double.isFinite(errors[0])) {
            throw new TrainingDivergedException(unit, 0, learningRate, errors[0], null);
        }
        ForwardPass start = current.get(0);
        int updatesPerEpoch = (samples.size() + batchSize - 1) / batchSize;
        for (int k = 1; k <= epochs; k++) {
            if (shuffle != null) {
                Collections.shuffle(order, shuffle);
            }
            double[] norms = new double[network.depth()];
            BackwardPass gradients = null;
            for (int from = 0; from < order.size(); from += batchSize) {
                List<Sample> batch = order.subList(from, Math.min(from + batchSize, order.size()));
                if (batch.size() == 1) {
                    ForwardPass forward = samples.size() == 1 ? current.get(0) : network.forward(batch.get(0));
                    gradients = update(network, forward);
                    addNorms(norms, gradients::weightGradientNorm);
                } else {
                    BatchGradient batchGradient = new BatchGradient(network.layers(), network.loss(), batch);
                    descend(network, batchGradient::weightGradientsUncopied, batchGradient::biasGradientsUncopied);
                    addNorms(norms, batchGradient::weightGradientNorm);
                }
            }
            for (int l = 0; l < norms.length; l++) {
                norms[l] /= updatesPerEpoch;
            }
            gradientNorms[k - 1] = norms;
            List<ForwardPass> after = forwardAll(network, samples);
            errors[k] = meanError(after);
            if (!Double.isFinite(errors[k])) {
                TrainingHistory untilThen = new TrainingHistory(this, samples.size(), updatesPerEpoch, start,
                        current.get(0), Arrays.copyOf(errors, k), Arrays.copyOf(gradientNorms, k - 1), kept, k);
                throw new TrainingDivergedException(unit, k, learningRate, errors[k], untilThen);
            }
            current = after;
            if (k <= snapshots) {
                kept.add(new TrainingHistory.Iteration(k, gradients, current.get(0)));
            }
        }
        return new TrainingHistory(this, samples.size(), updatesPerEpoch, start, current.get(0), errors,
                gradientNorms, kept, 0);
    }

    private static void addNorms(double[] norms, IntToDoubleFunction normOfLayer) {
        for (int l = 1; l <= norms.length; l++) {
            norms[l - 1] += normOfLayer.applyAsDouble(l);
        }
    }

    private static List<ForwardPass> forwardAll(Network network, List<Sample> samples) {
        List<ForwardPass> passes = new ArrayList<>(samples.size());
        for (Sample sample : samples) {
            passes.add(network.forward(sample));
        }
        return passes;
    }

    /** Ē = (1/n) Σₓ E_total(x); for one sample, E_total itself. */
    private static double meanError(List<ForwardPass> passes) {
        double sum = 0;
        for (ForwardPass pass : passes) {
            sum += pass.totalError();
        }
        return sum / passes.size();
    }

    private BackwardPass update(Network network, ForwardPass forward) {
        if (rule == UpdateRule.LAYER_BY_LAYER) {
            return network.backward(forward,
                    (l, layer, weightGradient, biasGradient) -> layer.minus(learningRate, weightGradient, biasGradient, updateBiases));
        }
        BackwardPass gradients = network.backward(forward);
        descend(network, gradients::weightGradientsUncopied, gradients::biasGradientsUncopied);
        return gradients;
    }

    /** Wˡ ← Wˡ − η ∂E/∂Wˡ (and bˡ likewise, unless frozen) for every layer, from the same gradients. */
    private void descend(Network network, IntFunction<DMatrixRMaj> weightGradient,
                         IntFunction<DMatrixRMaj> biasGradient) {
        for (int l = 1; l <= network.depth(); l++) {
            network.replace(l, network.layer(l).minus(learningRate, weightGradient.apply(l), biasGradient.apply(l),
                    updateBiases));
        }
    }

    @Override
    public String toString() {
        return "GradientDescent[learningRate=" + learningRate + ", rule=" + rule
                + ", biases " + (updateBiases ? "updated" : "frozen") + ", " + batching
                + (shuffleSeed == null ? "" : ", shuffled with seed " + shuffleSeed) + "]";
    }
}
