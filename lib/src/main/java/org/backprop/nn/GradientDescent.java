package org.backprop.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Gradient descent: w ← w − η·∂E/∂w for every weight (and bias, unless frozen), or the step of
 * another {@link Optimizer} (momentum, Nesterov, RMSProp, Adam), with η set per epoch by a
 * {@link LearningRateSchedule}. On a data set
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
    private final List<Sample> evaluationSamples;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;

    private GradientDescent(double learningRate, UpdateRule rule, boolean updateBiases, Batching batching,
                            Long shuffleSeed, List<Sample> evaluationSamples, Optimizer optimizer,
                            LearningRateSchedule schedule) {
        this.learningRate = learningRate;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.rule = rule;
        this.updateBiases = updateBiases;
        this.batching = batching;
        this.shuffleSeed = shuffleSeed;
        this.evaluationSamples = evaluationSamples;
    }

    /**
     * Textbook gradient descent with learning rate η &gt; 0, updating weights and biases, on
     * the full batch, visiting the samples in their given order.
     */
    public static GradientDescent withLearningRate(double learningRate) {
        return new GradientDescent(Require.positive("learningRate", learningRate), UpdateRule.TEXTBOOK, true,
                Batching.FULL, null, null,
                Optimizer.plain(), LearningRateSchedule.constant());
    }

    /** The same settings with another learning rate η &gt; 0. */
    public GradientDescent atLearningRate(double learningRate) {
        return new GradientDescent(Require.positive("learningRate", learningRate), rule, updateBiases, batching,
                shuffleSeed, evaluationSamples, optimizer, schedule);
    }

    /** The same, with another update rule. */
    public GradientDescent withRule(UpdateRule rule) {
        return new GradientDescent(learningRate, Require.present("rule", rule), updateBiases, batching, shuffleSeed,
                evaluationSamples, optimizer, schedule);
    }

    /** The same, but biases keep their values (Mazur's post never updates b1 and b2). */
    public GradientDescent freezingBiases() {
        return new GradientDescent(learningRate, rule, false, batching, shuffleSeed, evaluationSamples, optimizer,
                schedule);
    }

    /** The same, with biases learning too: b ← b − η·∂E/∂b. */
    public GradientDescent updatingBiases() {
        return new GradientDescent(learningRate, rule, true, batching, shuffleSeed, evaluationSamples, optimizer,
                schedule);
    }

    /**
     * The same, with updates over batches of the given kind (full, per sample, mini-batches).
     * Training refuses mini-batches larger than the data set it is given.
     */
    public GradientDescent withBatching(Batching batching) {
        return new GradientDescent(learningRate, rule, updateBiases, Require.present("batching", batching),
                shuffleSeed, evaluationSamples, optimizer, schedule);
    }

    /**
     * The same, visiting the samples of each epoch in a new random order, drawn from one
     * {@code new Random(seed)} per training run: the same seed gives the same orders.
     */
    public GradientDescent shuffling(long seed) {
        return new GradientDescent(learningRate, rule, updateBiases, batching, seed, evaluationSamples, optimizer,
                schedule);
    }

    /**
     * The same, evaluating the network on {@code samples} — a held-out set, or the training data
     * itself — before training and after every epoch ({@link Network#evaluate}: mean error and
     * accuracy), kept in {@link TrainingHistory#evaluations()}. One more pass over
     * {@code samples} per epoch; without it, training makes no pass but its own.
     */
    public GradientDescent evaluatingOn(List<Sample> samples) {
        Require.present("samples", samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("samples must hold at least 1 sample to evaluate on, but was empty");
        }
        return new GradientDescent(learningRate, rule, updateBiases, batching, shuffleSeed,
                samples instanceof SampleRows ? samples : List.copyOf(samples), optimizer, schedule);
    }

    /**
     * The same, stepping with {@code optimizer} (momentum, Nesterov, RMSProp, Adam) at this
     * learning rate; {@link Optimizer#plain()} is the textbook rule.
     */
    public GradientDescent using(Optimizer optimizer) {
        return new GradientDescent(learningRate, rule, updateBiases, batching, shuffleSeed, evaluationSamples,
                Require.present("optimizer", optimizer), schedule);
    }

    /** The same, with the learning rate of each epoch set by {@code schedule} from η. */
    public GradientDescent withSchedule(LearningRateSchedule schedule) {
        return new GradientDescent(learningRate, rule, updateBiases, batching, shuffleSeed, evaluationSamples,
                optimizer, Require.present("schedule", schedule));
    }

    /** η, the learning rate (of every epoch, unless a {@link #schedule()} changes it). */
    public double learningRate() {
        return learningRate;
    }

    /** η_e, the learning rate of epoch (iteration, on one sample) e ≥ 1, as the schedule sets it. */
    public double learningRate(int epoch) {
        return schedule.rate(learningRate, epoch);
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public LearningRateSchedule schedule() {
        return schedule;
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

    /** The samples evaluated after every epoch, if any (see {@link #evaluatingOn}). */
    public Optional<List<Sample>> evaluationSamples() {
        return Optional.ofNullable(evaluationSamples);
    }

    /**
     * One parameter's first update by this descent.
     *
     * @param parameter    its name (w5, b1, b_h1)
     * @param old          its value before the update
     * @param gradient     ∂E/∂w
     * @param learningRate η of the first epoch
     * @param state        the optimizer's state after the update, by name (v; s; m and v), in
     *                     order; empty for plain gradient descent and for frozen biases
     * @param updated      its value after the update
     */
    public record Step(String parameter, double old, double gradient, double learningRate,
                       Map<String, Double> state, double updated) {
    }

    /**
     * The first update of {@code parameter} (w5, b1, b_h1) from these gradients, by this
     * descent's optimizer from rest (its state zero, t = 1) at the first epoch's rate: for plain
     * gradient descent w − η·∂E/∂w; for a frozen bias its own value. The old value is the one
     * of {@code gradients.forward()}.
     */
    public Step firstStep(BackwardPass gradients, String parameter) {
        Require.present("gradients", gradients);
        Require.present("parameter", parameter);
        Names names = gradients.forward().names();
        Names.Quantity p = names.parameterOf(parameter);
        double value = names.parameter(gradients.forward().layers(), parameter);
        double gradient = gradients.gradientOf(p);
        double rate = learningRate(1);
        if (p.kind() == Names.Kind.BIAS && !updateBiases) {
            return new Step(parameter, value, gradient, rate, Map.of(), value);
        }
        double[][] state = new double[2][1];
        double[] next = new double[1];
        optimizer.update(new double[] {value}, new double[] {gradient}, next, state[0], state[1], rate, 1);
        Map<String, Double> after = new LinkedHashMap<>();
        for (int b = 0; b < optimizer.state().size(); b++) {
            after.put(optimizer.state().get(b), state[b][0]);
        }
        return new Step(parameter, value, gradient, rate, Collections.unmodifiableMap(after), next[0]);
    }

    /**
     * The value {@code parameter} (w5, b1, b_h1) takes when this descent updates it from these
     * gradients: w − η·∂E/∂w, or b itself while biases are frozen; with another optimizer, its
     * first step (see {@link #firstStep}). Its old value is the one of {@code gradients.forward()}.
     */
    public double updated(BackwardPass gradients, String parameter) {
        return firstStep(gradients, parameter).updated();
    }

    /**
     * The points w₀ = {@code start}, w₁, …, w_steps this descent's optimizer visits on a
     * function of a few parameters whose gradient at w is {@code gradient.apply(w)}: one update
     * per step, step k at the schedule's rate of epoch k. For drawing paths on a loss surface;
     * the batching and bias settings play no part. The path ends early, at its last finite
     * point, if the gradient or a point stops being finite (the descent diverged).
     */
    public double[][] path(UnaryOperator<double[]> gradient, double[] start, int steps) {
        Require.present("gradient", gradient);
        double[] w = Require.finiteVector("start", start);
        Require.positive("steps", steps);
        Memory.require("steps", steps, "a path of " + steps + " steps", Memory.doubles((long) (steps + 1) * w.length));
        double[][] state = new double[2][w.length];
        List<double[]> points = new ArrayList<>();
        points.add(w.clone());
        for (int k = 1; k <= steps; k++) {
            double[] g = gradient.apply(w.clone());
            if (g == null || g.length != w.length) {
                throw new IllegalArgumentException("gradient must return " + w.length + " values (one per "
                        + "parameter), but returned " + (g == null ? "null" : g.length + " at step " + k));
            }
            double[] next = new double[w.length];
            optimizer.update(w, g, next, state[0], state[1], learningRate(k), k);
            if (!finite(g) || !finite(next)) {
                break;
            }
            points.add(next);
            w = next;
        }
        return points.toArray(new double[0][]);
    }

    private static boolean finite(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    /**
     * One iteration: a forward pass, a backward pass, and the update of {@code network}'s
     * weights — with an optimizer that keeps state, the first update of a run, from rest (as
     * {@link #firstStep}); {@link #train} carries the state from update to update. Returns the backward pass whose gradients drove the update (its
     * {@link BackwardPass#forward()} is the forward pass before the update).
     *
     * @throws TrainingDivergedException if E_total of the forward pass is NaN or infinite; then
     *                                   nothing is updated
     */
    public BackwardPass step(Network network, Sample sample) {
        Require.present("network", network);
        ForwardPass before = network.forward(sample);
        if (!Double.isFinite(before.totalError())) {
            throw TrainingDivergedException.beforeStep(learningRate, before.totalError());
        }
        Backprop core = new Backprop(before.core);
        descend(network, core, new InPlaceUpdate(network, optimizer), learningRate(1));
        return new BackwardPass(before, core,
                rule == UpdateRule.LAYER_BY_LAYER ? network.copyOfLayers() : before.layers());
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
     * @throws TrainingDivergedException if E_total becomes NaN or infinite; the network keeps
     *                                   the last weights whose E_total was finite
     */
    public TrainingHistory train(Network network, Sample sample, int iterations, int snapshots) {
        Require.present("network", network);
        Require.present("sample", sample);
        return new Training(this, network, List.of(sample), snapshots).run("iterations", iterations);
    }

    /**
     * Trains on a data set for {@code epochs} epochs; an epoch visits every sample once, in
     * batches (see {@link #withBatching}). The history keeps, per epoch, the mean of E_total
     * over the epoch's samples, each measured by its batch's forward pass before the batch's
     * update (as training logs usually report it), and, if asked for ({@link #evaluatingOn}),
     * an evaluation after every epoch.
     *
     * @throws TrainingDivergedException if an E_total becomes NaN or infinite; the network keeps
     *                                   the last weights whose E_total was finite
     */
    public TrainingHistory train(Network network, List<Sample> samples, int epochs) {
        return train(network, samples, epochs, Training.UNHEARD);
    }

    /**
     * Trains on a data set as {@link #train(Network, List, int)} does, telling {@code listener}
     * after every batch and every epoch (a live chart, say).
     */
    public TrainingHistory train(Network network, List<Sample> samples, int epochs, TrainingListener listener) {
        Require.present("network", network);
        Require.present("listener", listener);
        return new Training(this, network, samples, 0).run("epochs", epochs, listener);
    }

    /**
     * The backward pass of the batch whose forward pass {@code core} holds, with each layer
     * updated where the rule says: the textbook rule propagates δ through the old weights and
     * then updates; layer by layer updates first, so δ reaches the layer below through the
     * revised weights. {@code rate} is η of this update's epoch.
     */
    void descend(Network network, Backprop core, InPlaceUpdate update, double rate) {
        update.start(rate);
        Layer[] layers = network.layers();
        core.outputDelta(layers, network.loss());
        for (int l = layers.length; l >= 1; l--) {
            Layer layer = layers[l - 1];
            core.gradients(l, layer);
            if (rule == UpdateRule.LAYER_BY_LAYER) {
                update(layer, core, l, update);
            }
            if (l > 1) {
                core.propagate(l, layer);
            }
            if (rule == UpdateRule.TEXTBOOK) {
                update(layer, core, l, update);
            }
        }
    }

    /** Wˡ ← Wˡ − η ∂E/∂Wˡ (or the optimizer's step) and, unless frozen, bˡ ← bˡ − η ∂E/∂bˡ, in place (see {@link InPlaceUpdate}). */
    private void update(Layer layer, Backprop core, int l, InPlaceUpdate update) {
        update.weights(layer, l, core.weightGradient[l]);
        if (updateBiases && layer.bias() != Bias.NONE) {
            update.biases(layer, l, core.biasGradient[l]);
        }
    }

    @Override
    public String toString() {
        return "GradientDescent[learningRate=" + learningRate
                + (schedule.equals(LearningRateSchedule.constant()) ? "" : ", " + schedule)
                + (optimizer.isPlain() ? "" : ", " + optimizer) + ", rule=" + rule
                + ", biases " + (updateBiases ? "updated" : "frozen") + ", " + batching
                + (shuffleSeed == null ? "" : ", shuffled with seed " + shuffleSeed)
                + (evaluationSamples == null ? "" : ", evaluated on " + evaluationSamples.size() + " samples") + "]";
    }
}
