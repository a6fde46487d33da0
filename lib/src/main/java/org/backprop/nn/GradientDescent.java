package org.backprop.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradient descent on one sample: w ← w − η·∂E/∂w for every weight (and bias, unless frozen).
 *
 * <p>Immutable; each {@code with…} method returns a changed copy:
 * <pre>{@code GradientDescent.withLearningRate(0.5).freezingBiases().train(network, sample, 10_000)}</pre>
 */
public final class GradientDescent {

    private final double learningRate;
    private final UpdateRule rule;
    private final boolean updateBiases;

    private GradientDescent(double learningRate, UpdateRule rule, boolean updateBiases) {
        this.learningRate = learningRate;
        this.rule = rule;
        this.updateBiases = updateBiases;
    }

    /** Textbook gradient descent with learning rate η &gt; 0, updating weights and biases. */
    public static GradientDescent withLearningRate(double learningRate) {
        return new GradientDescent(Require.positive("learningRate", learningRate), UpdateRule.TEXTBOOK, true);
    }

    /** The same, with another update rule. */
    public GradientDescent withRule(UpdateRule rule) {
        return new GradientDescent(learningRate, Require.present("rule", rule), updateBiases);
    }

    /** The same, but biases keep their values (Mazur's post never updates b1 and b2). */
    public GradientDescent freezingBiases() {
        return new GradientDescent(learningRate, rule, false);
    }

    /** The same, with biases learning too: b ← b − η·∂E/∂b. */
    public GradientDescent updatingBiases() {
        return new GradientDescent(learningRate, rule, true);
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
        Require.positive("iterations", iterations);
        Require.nonNegative("snapshots", snapshots);
        double[] errors = new double[iterations + 1];
        List<TrainingHistory.Iteration> kept = new ArrayList<>(Math.min(snapshots, iterations));
        ForwardPass current = checked(network.forward(sample), 0);
        ForwardPass start = current;
        errors[0] = current.totalError();
        for (int k = 1; k <= iterations; k++) {
            BackwardPass gradients = update(network, current);
            current = checked(network.forward(sample), k);
            errors[k] = current.totalError();
            if (k <= snapshots) {
                kept.add(new TrainingHistory.Iteration(k, gradients, current));
            }
        }
        return new TrainingHistory(this, start, current, errors, kept);
    }

    private BackwardPass update(Network network, ForwardPass forward) {
        if (rule == UpdateRule.LAYER_BY_LAYER) {
            return network.backward(forward,
                    (l, layer, weightGradient, biasGradient) -> layer.minus(learningRate, weightGradient, biasGradient, updateBiases));
        }
        BackwardPass gradients = network.backward(forward);
        for (int l = 1; l <= network.depth(); l++) {
            network.replace(l, network.layer(l).minus(
                    learningRate, gradients.weightGradientsUncopied(l), gradients.biasGradientsUncopied(l), updateBiases));
        }
        return gradients;
    }

    private ForwardPass checked(ForwardPass pass, int iteration) {
        if (!Double.isFinite(pass.totalError())) {
            throw new TrainingDivergedException(iteration, learningRate, pass.totalError());
        }
        return pass;
    }

    @Override
    public String toString() {
        return "GradientDescent[learningRate=" + learningRate + ", rule=" + rule
                + ", biases " + (updateBiases ? "updated" : "frozen") + "]";
    }
}
