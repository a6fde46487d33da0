package org.backprop.nn;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

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
    private final List<Sample> evaluationSamples;

    private GradientDescent(double learningRate, UpdateRule rule, boolean updateBiases, Batching batching,
                            Long shuffleSeed, List<Sample> evaluationSamples) {
        this.learningRate = learningRate;
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
                Batching.FULL, null, null);
    }

    /** The same settings with another learning rate η &gt; 0. */
    public GradientDescent atLearningRate(double learningRate) {
        return new GradientDescent(Require.positive("learningRate", learningRate), rule, updateBiases, batching,
                shuffleSeed, evaluationSamples);
    }

    /** The same, with another update rule. */
    public GradientDescent withRule(UpdateRule rule) {
        return new GradientDescent(learningRate, Require.present("rule", rule), updateBiases, batching, shuffleSeed,
                evaluationSamples);
    }

    /** The same, but biases keep their values (Mazur's post never updates b1 and b2). */
    public GradientDescent freezingBiases() {
        return new GradientDescent(learningRate, rule, false, batching, shuffleSeed, evaluationSamples);
    }

    /** The same, with biases learning too: b ← b − η·∂E/∂b. */
    public GradientDescent updatingBiases() {
        return new GradientDescent(learningRate, rule, true, batching, shuffleSeed, evaluationSamples);
    }

    /** The same, with updates over batches of the given kind (full, per sample, mini-batches). */
    public GradientDescent withBatching(Batching batching) {
        return new GradientDescent(learningRate, rule, updateBiases, Require.present("batching", batching),
                shuffleSeed, evaluationSamples);
    }

    /**
     * The same, visiting the samples of each epoch in a new random order, drawn from one
     * {@code new Random(seed)} per training run: the same seed gives the same orders.
     */
    public GradientDescent shuffling(long seed) {
        return new GradientDescent(learningRate, rule, updateBiases, batching, seed, evaluationSamples);
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
                samples instanceof SampleRows ? samples : List.copyOf(samples));
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

    /** The samples evaluated after every epoch, if any (see {@link #evaluatingOn}). */
    public Optional<List<Sample>> evaluationSamples() {
        return Optional.ofNullable(evaluationSamples);
    }

    /**
     * The value {@code parameter} (w5, b1, b_h1) takes when this descent updates it from these
     * gradients: w − η·∂E/∂w, or b itself while biases are frozen. Its old value is the one of
     * {@code gradients.forward()}.
     */
    public double updated(BackwardPass gradients, String parameter) {
        Require.present("gradients", gradients);
        Require.present("parameter", parameter);
        Names names = gradients.forward().names();
        Names.Quantity p = names.parameterOf(parameter);
        double value = names.parameter(gradients.forward().layers(), parameter);
        return p.kind() == Names.Kind.BIAS && !updateBiases ? value : updated(value, gradients.gradientOf(p));
    }

    /** w − η·∂E/∂w: where every weight and bias learns. */
    double updated(double value, double gradient) {
        return value - learningRate * gradient;
    }

    /**
     * One iteration: a forward pass, a backward pass, and the update of {@code network}'s
     * weights. Returns the backward pass whose gradients drove the update (its
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
        descend(network, core, new InPlaceUpdate(network));
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
     * revised weights.
     */
    void descend(Network network, Backprop core, InPlaceUpdate update) {
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

    /** Wˡ ← Wˡ − η ∂E/∂Wˡ and, unless frozen, bˡ ← bˡ − η ∂E/∂bˡ, in place (see {@link InPlaceUpdate}). */
    private void update(Layer layer, Backprop core, int l, InPlaceUpdate update) {
        update.weights(this, layer, l, core.weightGradient[l]);
        if (updateBiases && layer.bias() != Bias.NONE) {
            update.biases(this, layer, l, core.biasGradient[l]);
        }
    }

    @Override
    public String toString() {
        return "GradientDescent[learningRate=" + learningRate + ", rule=" + rule
                + ", biases " + (updateBiases ? "updated" : "frozen") + ", " + batching
                + (shuffleSeed == null ? "" : ", shuffled with seed " + shuffleSeed)
                + (evaluationSamples == null ? "" : ", evaluated on " + evaluationSamples.size() + " samples") + "]";
    }
}
