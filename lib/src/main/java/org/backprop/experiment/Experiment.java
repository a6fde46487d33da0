package org.backprop.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.backprop.nn.Activation;
import org.backprop.nn.Batching;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Initialization;
import org.backprop.nn.LearningRateSchedule;
import org.backprop.nn.Loss;
import org.backprop.nn.Network;
import org.backprop.nn.Sample;
import org.backprop.nn.SampleRows;
import org.backprop.nn.TrainingDivergedException;
import org.backprop.nn.TrainingHistory;

/**
 * One network, one data set, one gradient descent and a number of iterations: the base setting
 * of an experiment. Each method changes one thing, trains a fresh copy of the network once per
 * value, and returns the runs side by side:
 *
 * <pre>{@code
 * Comparison rates = Experiment.of(network, sample, GradientDescent.withLearningRate(0.5), 1000)
 *         .learningRates(0.05, 0.5, 5, 50);
 * rates.chart()   // one error curve per learning rate
 * rates.table()   // start, end and lowest error, and where a run diverged
 * }</pre>
 *
 * The things to vary: the learning rate, the optimizer, the learning-rate schedule, the hidden
 * activation, the initialisation, the batching, or any descents or networks you pass. A run that diverges is kept up to its last
 * finite error and marked in the table.
 */
public final class Experiment {

    private final Network network;
    private final List<Sample> samples;
    private final GradientDescent descent;
    private final int iterations;

    private Experiment(Network network, List<Sample> samples, GradientDescent descent, int iterations) {
        this.network = network;
        this.samples = samples;
        this.descent = descent;
        this.iterations = iterations;
    }

    /** The base setting for a data set; an iteration is an epoch. */
    public static Experiment of(Network network, List<Sample> samples, GradientDescent descent, int iterations) {
        if (network == null) {
            throw new IllegalArgumentException("network must not be null");
        }
        if (descent == null) {
            throw new IllegalArgumentException("descent must not be null");
        }
        if (samples == null || samples.isEmpty()) {
            throw new IllegalArgumentException("samples must hold at least 1 sample, but was "
                    + (samples == null ? "null" : "empty"));
        }
        // Rows of a data set all have its sizes: checking the first checks them all.
        int checked = samples instanceof SampleRows ? 1 : samples.size();
        for (int x = 0; x < checked; x++) {
            if (samples.get(x) == null) {
                throw new IllegalArgumentException("samples[" + x + "] must not be null");
            }
            try {
                network.forward(samples.get(x));
            } catch (IllegalArgumentException wrongSize) {
                throw new IllegalArgumentException("samples[" + x + "] does not fit the network: "
                        + wrongSize.getMessage(), wrongSize);
            }
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, but was " + iterations);
        }
        // A data set stored as rows stays as it is: the training loop reads its rows without a Sample per visit.
        return new Experiment(network.copy(), samples instanceof SampleRows ? samples : List.copyOf(samples), descent,
                iterations);
    }

    /** The base setting for one sample. */
    public static Experiment of(Network network, Sample sample, GradientDescent descent, int iterations) {
        if (sample == null) {
            throw new IllegalArgumentException("sample must not be null");
        }
        return of(network, List.of(sample), descent, iterations);
    }

    /** One run per learning rate η, labelled "η = …". */
    public Comparison learningRates(double... learningRates) {
        Map<String, GradientDescent> descents = new LinkedHashMap<>();
        for (double learningRate : values("learningRates", learningRates)) {
            descents.put("η = " + learningRate, descent.atLearningRate(learningRate));
        }
        return descents(descents);
    }

    /**
     * One run per activation of the hidden layers (the output layer keeps its own); the network
     * must have a hidden layer, or every run would be the same.
     */
    public Comparison hiddenActivations(Activation... activations) {
        if (network.depth() == 1) {
            throw new IllegalArgumentException("the network must have at least 1 hidden layer for hidden activations "
                    + "to compare, but had 0 (only its output layer): every run would be the same (compare output "
                    + "activations with networks(...) and network.withOutputActivation(...))");
        }
        Map<String, Network> networks = new LinkedHashMap<>();
        for (Activation activation : values("activations", activations)) {
            networks.put(activation.toString(), network.withHiddenActivation(activation));
        }
        return networks(networks);
    }

    /** One run per loss, labelled by its name (the output activation must suit each loss). */
    public Comparison losses(Loss... losses) {
        Map<String, Network> networks = new LinkedHashMap<>();
        for (Loss loss : values("losses", losses)) {
            networks.put(loss.toString(), network.withLoss(loss));
        }
        return networks(networks);
    }

    /**
     * One run per initialisation: the network's weights drawn afresh with each strategy and the
     * same {@code seed} (biases start at 0), labelled by the strategy.
     */
    public Comparison initializations(long seed, Initialization... initializations) {
        Map<String, Network> networks = new LinkedHashMap<>();
        for (Initialization initialization : values("initializations", initializations)) {
            networks.put(initialization.toString(), network.initialized(initialization, seed));
        }
        return networks(networks);
    }

    /** One run per way of batching the samples (full batch, per sample, mini-batches). */
    public Comparison batchings(Batching... batchings) {
        Map<String, GradientDescent> descents = new LinkedHashMap<>();
        for (Batching batching : values("batchings", batchings)) {
            descents.put(batching.toString(), descent.withBatching(batching));
        }
        return descents(descents);
    }

    /**
     * One run per optimizer: each of {@code descents} lends its optimizer, learning rate and
     * schedule to the base setting, which keeps its batching, biases, shuffling and evaluation.
     * Labelled by the optimizer's name and η ("Adam, η = 0.001"), or its full name where two
     * share a name:
     * <pre>{@code
     * experiment.optimizers(GradientDescent.withLearningRate(0.5),
     *         GradientDescent.withLearningRate(0.001).using(Optimizer.adam()))
     * }</pre>
     */
    public Comparison optimizers(GradientDescent... descents) {
        GradientDescent[] given = present("descents", descents);
        Map<String, GradientDescent> full = new LinkedHashMap<>();
        Map<String, GradientDescent> byName = new LinkedHashMap<>();
        for (int i = 0; i < given.length; i++) {
            GradientDescent changed = given[i];
            String setting = ", η = " + changed.learningRate()
                    + (changed.schedule().equals(LearningRateSchedule.constant()) ? "" : ", " + changed.schedule());
            GradientDescent run = descent.atLearningRate(changed.learningRate()).using(changed.optimizer())
                    .withSchedule(changed.schedule());
            if (full.put(changed.optimizer() + setting, run) != null) {
                throw new IllegalArgumentException("descents[" + i + "] repeats the optimizer, learning rate and "
                        + "schedule of an earlier one (" + changed.optimizer() + setting + "): each run needs its own");
            }
            byName.put(changed.optimizer().name() + setting, run);
        }
        return descents(byName.size() == full.size() ? byName : full);
    }

    /** One run per learning-rate schedule of the base descent's η, labelled by the schedule. */
    public Comparison schedules(LearningRateSchedule... schedules) {
        Map<String, GradientDescent> descents = new LinkedHashMap<>();
        for (LearningRateSchedule schedule : values("schedules", schedules)) {
            descents.put(schedule.toString(), descent.withSchedule(schedule));
        }
        return descents(descents);
    }

    /** One run per gradient descent, labelled by the map's keys: any change of settings. */
    public Comparison descents(Map<String, GradientDescent> descents) {
        List<Run> runs = new ArrayList<>();
        checkedMap("descents", descents).forEach((label, changed) -> runs.add(new Run(label, network, changed)));
        return trainAll(runs);
    }

    /** One run per network, labelled by the map's keys: other weights, shapes or activations. */
    public Comparison networks(Map<String, Network> networks) {
        List<Run> runs = new ArrayList<>();
        checkedMap("networks", networks).forEach((label, changed) -> runs.add(new Run(label, changed, descent)));
        return trainAll(runs);
    }

    /** A run to make: a copy of {@code start} trained with {@code settings}. */
    private record Run(String label, Network start, GradientDescent settings) {
    }

    /** A finished run: its history and the trained network. */
    private record Trained(TrainingHistory history, Network network) {
    }

    /**
     * Trains every run, side by side on the machine's processors: runs share nothing but the
     * samples they read, and each is computed exactly as alone, so the results do not depend on
     * how many run at once. Kept in the order given.
     */
    private Comparison trainAll(List<Run> runs) {
        int threads = Math.min(runs.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "experiment run");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Trained>> trained = new ArrayList<>();
            for (Run run : runs) {
                Network network = run.start().copy();
                trained.add(pool.submit(() -> train(run.settings(), network)));
            }
            Map<String, TrainingHistory> histories = new LinkedHashMap<>();
            Map<String, Network> networks = new LinkedHashMap<>();
            for (int i = 0; i < runs.size(); i++) {
                Trained done = finished(trained.get(i));
                histories.put(runs.get(i).label(), done.history());
                networks.put(runs.get(i).label(), done.network());
            }
            return new Comparison(histories, networks);
        } finally {
            // A cell stopped while it waits, or a run that failed, interrupts the other runs: they stop at their
            // next epoch.
            pool.shutdownNow();
        }
    }

    private Trained train(GradientDescent settings, Network network) {
        try {
            return new Trained(settings.train(network, samples, iterations), network);
        } catch (TrainingDivergedException diverged) {
            return new Trained(diverged.history().orElseThrow(() -> diverged), network);
        }
    }

    /** The run's result, or the exception the run threw, as it was thrown. */
    private static Trained finished(Future<Trained> run) {
        try {
            return run.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while the runs trained");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static <T> Map<String, T> checkedMap(String parameter, Map<String, T> settings) {
        if (settings == null || settings.isEmpty()) {
            throw new IllegalArgumentException(parameter + " must hold at least 1 setting, but was "
                    + (settings == null ? "null" : "empty"));
        }
        settings.forEach((label, value) -> {
            if (label == null || value == null) {
                throw new IllegalArgumentException(parameter + " must not hold null labels or settings, but held "
                        + label + " → " + value);
            }
            if (label.isBlank()) {
                throw new IllegalArgumentException(parameter + " must label each setting with a non-blank name (the "
                        + "chart's legend shows it), but held the label '" + label + "'");
            }
        });
        return settings;
    }

    private static double[] values(String parameter, double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(parameter + " must hold at least 1 value, but was "
                    + (values == null ? "null" : "empty"));
        }
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < i; k++) {
                if (Double.compare(values[i], values[k]) == 0) {
                    throw new IllegalArgumentException(parameter + "[" + i + "] repeats " + parameter + "[" + k
                            + "] (" + values[i] + "): each run needs its own value");
                }
            }
        }
        return values;
    }

    /** {@code values}, each present and each once, by value and by name (its run's label). */
    @SafeVarargs
    private static <T> T[] values(String parameter, T... values) {
        present(parameter, values);
        for (int i = 0; i < values.length; i++) {
            for (int k = 0; k < i; k++) {
                // Runs are labelled by the values' names: equal names would leave one run under both.
                if (values[i].equals(values[k]) || values[i].toString().equals(values[k].toString())) {
                    throw new IllegalArgumentException(parameter + "[" + i + "] repeats " + parameter + "[" + k
                            + "] (" + values[i] + "): each run needs its own value");
                }
            }
        }
        return values;
    }

    @SafeVarargs
    private static <T> T[] present(String parameter, T... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(parameter + " must hold at least 1 value, but was "
                    + (values == null ? "null" : "empty"));
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException(parameter + "[" + i + "] must not be null");
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return "Experiment[" + network + ", " + samples.size() + " samples, " + iterations + " iterations, "
                + descent + "]";
    }
}
