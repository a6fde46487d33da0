package org.backprop.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.data.DataSet;
import org.backprop.data.WorkedExample;
import org.backprop.nn.Activation;
import org.backprop.nn.Batching;
import org.backprop.nn.Bias;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Initialization;
import org.backprop.nn.LearningRateSchedule;
import org.backprop.nn.Loss;
import org.backprop.nn.Network;
import org.backprop.nn.Optimizer;
import org.backprop.nn.Sample;
import org.backprop.nn.TrainingHistory;
import org.backprop.view.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Hypothesis testing in one or two lines: the same network under several settings. */
class ExperimentTest {

    private final WorkedExample mazur = WorkedExample.mazur();
    private final Experiment base = Experiment.of(mazur.network(), mazur.sample(), mazur.descent(), 200);

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    /** The cells of the table row whose first cell is {@code first}, as printed. */
    private static List<String> row(TableView table, String first) {
        return table.toText().lines()
                .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toList())
                .filter(cells -> cells.get(0).equals(first))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + first + " in\n" + table));
    }

    private static Network linear() {
        Network network = Network.withInputs(2).layer(2, Activation.IDENTITY, Bias.NONE)
                .layer(1, Activation.IDENTITY, Bias.NONE).build();
        double[] weights = {0.11, 0.21, 0.12, 0.08, 0.14, 0.15};
        for (int n = 1; n <= weights.length; n++) {
            network.set("w" + n, weights[n - 1]);
        }
        return network;
    }

    @Test
    void eachLearningRateIsTrainedOnAFreshCopy() {
        Comparison rates = base.learningRates(0.5, 5);
        assertEquals(List.of("η = 0.5", "η = 5.0"), List.copyOf(rates.runs().keySet()));
        TrainingHistory direct = mazur.descent().atLearningRate(5).train(mazur.network(), mazur.sample(), 200);
        assertArrayEquals(direct.errors(), rates.run("η = 5.0").errors());
        assertEquals(0.291027774, rates.run("η = 0.5").error(1), 5e-10, "the first run did not change the second");
    }

    @Test
    void runsTrainedSideBySideEqualRunsTrainedAloneInTheOrderGiven() {
        DataSet circle = DataSet.circle(60, 3);
        Network start = Network.withInputs(2).layer(6, Activation.TANH).layer(1, Activation.SIGMOID)
                .initialized(Initialization.xavier(), 5);
        GradientDescent descent = GradientDescent.withLearningRate(0.5).evaluatingOn(circle);
        double[] rates = {3, 0.1, 1, 0.3, 2};
        Comparison side = Experiment.of(start, circle, descent, 40).learningRates(rates);
        assertEquals(List.of("η = 3.0", "η = 0.1", "η = 1.0", "η = 0.3", "η = 2.0"), List.copyOf(side.runs().keySet()));
        for (double rate : rates) {
            Network alone = start.copy();
            TrainingHistory history = descent.atLearningRate(rate).train(alone, circle, 40);
            assertArrayEquals(history.errors(), side.run("η = " + rate).errors(), "η = " + rate);
            double[][] inputs = circle.stream().map(Sample::input).toArray(double[][]::new);
            assertArrayEquals(alone.outputs(inputs), side.network("η = " + rate).outputs(inputs), "η = " + rate);
        }
    }

    @Test
    void aRunThatFailsFailsTheExperimentWithItsOwnException() {
        Network start = Network.withInputs(2).layer(1, Activation.SIGMOID).build();
        DataSet xor = DataSet.xor();
        Map<String, GradientDescent> descents = new LinkedHashMap<>();
        descents.put("fine", GradientDescent.withLearningRate(1));
        descents.put("too large", GradientDescent.withLearningRate(1).withBatching(Batching.miniBatches(5)));
        IllegalArgumentException failed = assertThrows(IllegalArgumentException.class,
                () -> Experiment.of(start, xor, GradientDescent.withLearningRate(1), 10).descents(descents));
        assertTrue(failed.getMessage().contains("mini-batch"), failed.getMessage());
    }

    @Test
    void aDivergingRunIsKeptUntilItDivergesAndMarked() {
        Sample sample = new Sample(new double[] {2, 3}, new double[] {1});
        Comparison rates = Experiment.of(linear(), sample, GradientDescent.withLearningRate(0.05), 100)
                .learningRates(0.05, 1);
        TrainingHistory tooBig = rates.run("η = 1.0");
        int k = tooBig.divergedAt().orElseThrow();
        assertEquals(6, k);
        assertEquals(k - 1, tooBig.iterations());
        List<String> row = row(rates.table(), "η = 1.0");
        assertEquals(String.valueOf(k - 1), row.get(1));
        assertEquals(String.valueOf(k), row.get(6));
        assertEquals("", row(rates.table(), "η = 0.05").get(6));
    }

    @Test
    void theTableHasTheStartTheEndAndTheLowestError() {
        Comparison biases = base.descents(Map.of("biases learn", mazur.descent().updatingBiases()));
        TrainingHistory run = biases.run("biases learn");
        List<String> row = row(biases.table(), "biases learn");
        assertEquals(List.of("biases learn", "200", "0.298371109"), row.subList(0, 3));
        assertEquals(String.format("%.9f", run.error(200)), row.get(3));
        assertEquals(row.get(3), row.get(4), "still falling: the lowest is the last");
        assertEquals("200", row.get(5));
        assertEquals("Runs compared (E: E_total, or its mean over the samples)", biases.table().table().name());
    }

    /** The trained networks are kept: the one under a label gives that run's final error. */
    @Test
    void theTrainedNetworksAreKept() {
        Network network = Network.withInputs(2).layer(3, Activation.SIGMOID).layer(1, Activation.SIGMOID).randomized(2);
        double w1 = network.get("w1");
        Comparison rates = Experiment.of(network, DataSet.xor(),
                GradientDescent.withLearningRate(1).evaluatingOn(DataSet.xor()), 30).learningRates(0.5, 2);
        assertEquals(w1, network.get("w1"), "the experiment trains copies");
        for (String label : rates.runs().keySet()) {
            Network trained = rates.network(label);
            assertEquals(rates.run(label).evaluation(30).meanError(), trained.evaluate(DataSet.xor()).meanError(),
                    0.0);
        }
        assertNotEquals(w1, rates.network("η = 0.5").get("w1"));
        Comparison mine = Comparison.of(Map.of("mine", rates.run("η = 0.5")));
        assertEquals("label 'mine' names a run trained outside an Experiment, whose network this comparison does "
                + "not have", assertThrows(IllegalArgumentException.class, () -> mine.network("mine")).getMessage());
        assertEquals("label must be one of [η = 0.5, η = 2.0], but was 'η = 3'",
                assertThrows(IllegalArgumentException.class, () -> rates.network("η = 3")).getMessage());
    }

    @Test
    void oneRunPerLossAndNoValueTwice() {
        Network network = Network.withInputs(2).layer(3, Activation.SIGMOID).layer(1, Activation.SIGMOID).randomized(2);
        Experiment xor = Experiment.of(network, DataSet.xor(), GradientDescent.withLearningRate(1), 20);
        Comparison losses = xor.losses(Loss.SQUARED_ERROR, Loss.BINARY_CROSS_ENTROPY);
        assertEquals(List.of("squared error", "binary cross-entropy"), List.copyOf(losses.runs().keySet()));
        assertTrue(losses.run("binary cross-entropy").error(1) > losses.run("squared error").error(1),
                "ln 2 per sample at out ≈ 0.5 against ⅛: each run minimises its own loss");
        assertEquals("losses[1] repeats losses[0] (squared error): each run needs its own value",
                assertThrows(IllegalArgumentException.class,
                        () -> xor.losses(Loss.SQUARED_ERROR, Loss.SQUARED_ERROR)).getMessage());
        assertEquals("learningRates[2] repeats learningRates[0] (0.1): each run needs its own value",
                assertThrows(IllegalArgumentException.class, () -> xor.learningRates(0.1, 0.2, 0.1)).getMessage());
        assertEquals("losses[0] must not be null",
                assertThrows(IllegalArgumentException.class, () -> xor.losses((Loss) null)).getMessage());
    }

    @Test
    void hiddenActivationsBatchingsAndNetworks() {
        Network network = Network.withInputs(2).layer(3, Activation.SIGMOID).layer(1, Activation.SIGMOID).randomized(2);
        Experiment xor = Experiment.of(network, DataSet.xor(), GradientDescent.withLearningRate(1), 50);
        Comparison activations = xor.hiddenActivations(Activation.TANH, Activation.RELU);
        assertEquals(List.of("tanh", "ReLU"), List.copyOf(activations.runs().keySet()));
        assertArrayEquals(GradientDescent.withLearningRate(1)
                        .train(network.withHiddenActivation(Activation.TANH), DataSet.xor(), 50).errors(),
                activations.run("tanh").errors());
        Comparison initializations = xor.initializations(4, Initialization.constant(0.5), Initialization.he());
        assertEquals(List.of("constant 0.5", "He"), List.copyOf(initializations.runs().keySet()));
        assertArrayEquals(GradientDescent.withLearningRate(1)
                        .train(network.initialized(Initialization.he(), 4), DataSet.xor(), 50).errors(),
                initializations.run("He").errors());
        Comparison batchings = xor.batchings(Batching.FULL, Batching.PER_SAMPLE);
        assertEquals(50, batchings.run("full batch").updates());
        assertEquals(200, batchings.run("per sample").updates());
        Map<String, Network> networks = new LinkedHashMap<>();
        networks.put("seed 2", network);
        networks.put("seed 3", network.withHiddenActivation(Activation.SIGMOID));
        assertEquals(2, xor.networks(networks).chart().chart().getSeriesMap().values().stream()
                .filter(series -> series.isShowInLegend()).count());
    }

    /** Each run needs its own value: a repeated one would give two identical runs, or one under two labels. */
    @Test
    void noSettingTwice() {
        assertRejected("learningRates[1] repeats learningRates[0] (0.5): each run needs its own value",
                () -> base.learningRates(0.5, 0.5));
        assertRejected("activations[1] repeats activations[0] (tanh): each run needs its own value",
                () -> base.hiddenActivations(Activation.TANH, Activation.TANH));
        assertRejected("initializations[1] repeats initializations[0] (He): each run needs its own value",
                () -> base.initializations(1, Initialization.he(), Initialization.he()));
        assertRejected("initializations[2] repeats initializations[0] (constant 0.5): each run needs its own value",
                () -> base.initializations(1, Initialization.constant(0.5), Initialization.xavier(),
                        Initialization.constant(0.5)));
        assertRejected("batchings[1] repeats batchings[0] (per sample): each run needs its own value",
                () -> base.batchings(Batching.PER_SAMPLE, Batching.miniBatches(1)));
        assertRejected("losses[1] repeats losses[0] (squared error): each run needs its own value",
                () -> base.losses(Loss.SQUARED_ERROR, Loss.SQUARED_ERROR));
        assertRejected("schedules[1] repeats schedules[0] (step decay ×0.5 every 5 epochs): each run needs its own "
                + "value", () -> base.schedules(LearningRateSchedule.stepDecay(0.5, 5),
                LearningRateSchedule.stepDecay(0.5, 5)));
        assertRejected("descents[1] repeats the optimizer, learning rate and schedule of an earlier one (SGD, η = 0.5): "
                + "each run needs its own", () -> base.optimizers(GradientDescent.withLearningRate(0.5),
                GradientDescent.withLearningRate(0.5)));
    }

    @Test
    void hiddenActivationsNeedAHiddenLayer() {
        Network noHidden = Network.withInputs(2).layer(1, Activation.SIGMOID).randomized(1);
        Experiment experiment = Experiment.of(noHidden, DataSet.xor(), GradientDescent.withLearningRate(1), 5);
        assertRejected("the network must have at least 1 hidden layer for hidden activations to compare, but had 0 "
                + "(only its output layer): every run would be the same (compare output activations with "
                + "networks(...) and network.withOutputActivation(...))",
                () -> experiment.hiddenActivations(Activation.TANH, Activation.RELU));
    }

    @Test
    void badSettingsAreRejected() {
        Sample sample = mazur.sample();
        GradientDescent descent = mazur.descent();
        assertRejected("network must not be null", () -> Experiment.of(null, sample, descent, 10));
        assertRejected("sample must not be null", () -> Experiment.of(mazur.network(), (Sample) null, descent, 10));
        assertRejected("descent must not be null", () -> Experiment.of(mazur.network(), sample, null, 10));
        assertRejected("samples must hold at least 1 sample, but was empty",
                () -> Experiment.of(mazur.network(), List.of(), descent, 10));
        assertRejected("samples[0] does not fit the network: sample input must hold 2 values (one per input neuron), "
                        + "but held 1",
                () -> Experiment.of(mazur.network(), new Sample(new double[] {1}, new double[] {1, 2}), descent, 10));
        assertRejected("iterations must be at least 1, but was 0", () -> Experiment.of(mazur.network(), sample, descent, 0));
        assertRejected("learningRates must hold at least 1 value, but was empty", base::learningRates);
        assertRejected("learningRate must be greater than 0, but was -1.0", () -> base.learningRates(0.5, -1));
        assertRejected("activations[1] must not be null", () -> base.hiddenActivations(Activation.TANH, null));
        assertRejected("initializations must hold at least 1 value, but was empty", () -> base.initializations(1));
        assertRejected("batchings must hold at least 1 value, but was null", () -> base.batchings((Batching[]) null));
        assertRejected("descents must hold at least 1 setting, but was empty", () -> base.descents(Map.of()));
        assertRejected("networks must hold at least 1 setting, but was null", () -> base.networks(null));
        Map<String, Network> withNull = new LinkedHashMap<>();
        withNull.put("none", null);
        assertRejected("networks must not hold null labels or settings, but held none → null",
                () -> base.networks(withNull));
        assertRejected("networks must label each setting with a non-blank name (the chart's legend shows it), but "
                + "held the label ' '", () -> base.networks(Map.of(" ", mazur.network())));
        assertRejected("descents must label each setting with a non-blank name (the chart's legend shows it), but "
                + "held the label ''", () -> base.descents(Map.of("", mazur.descent())));
    }

    @Test
    void ownRunsCompareToo() {
        TrainingHistory run = mazur.descent().train(mazur.network(), mazur.sample(), 10);
        Comparison own = Comparison.of(Map.of("mine", run));
        assertEquals(run, own.run("mine"));
        assertTrue(own.chart().toText().contains("mine: 11 points"));
        assertRejected("label must be one of [mine], but was 'yours'", () -> own.run("yours"));
        assertRejected("runs must hold at least 1 training history, but was null", () -> Comparison.of(null));
        assertRejected("runs must hold at least 1 training history, but was empty", () -> Comparison.of(Map.of()));
        assertRejected("runs must label each run with a non-blank name (the chart's legend shows it), but held the "
                + "label ''", () -> Comparison.of(Map.of("", run)));
    }

    @Test
    void optimizersAndSchedulesInOneLineEach() {
        WorkedExample mazur = WorkedExample.mazur();
        Experiment experiment = Experiment.of(mazur.network(), mazur.sample(), mazur.descent(), 20);
        GradientDescent adam = GradientDescent.withLearningRate(0.01).using(Optimizer.adam());
        Comparison optimizers = experiment.optimizers(GradientDescent.withLearningRate(0.5), adam,
                GradientDescent.withLearningRate(0.5).using(Optimizer.momentum(0.9)));
        assertEquals(List.of("SGD, η = 0.5", "Adam, η = 0.01", "momentum, η = 0.5"),
                List.copyOf(optimizers.runs().keySet()));
        Network byHand = mazur.network();
        TrainingHistory expected = mazur.descent().atLearningRate(0.01).using(Optimizer.adam())
                .train(byHand, mazur.sample(), 20);
        assertArrayEquals(expected.errors(), optimizers.run("Adam, η = 0.01").errors());
        assertEquals(mazur.descent().updatesBiases(), optimizers.run("Adam, η = 0.01").descent().updatesBiases(),
                "the base setting keeps its frozen biases");

        Comparison twoMomenta = experiment.optimizers(GradientDescent.withLearningRate(0.5).using(Optimizer.momentum(0.9)),
                GradientDescent.withLearningRate(0.5).using(Optimizer.momentum(0.5)));
        assertEquals(List.of("momentum (μ = 0.9), η = 0.5", "momentum (μ = 0.5), η = 0.5"),
                List.copyOf(twoMomenta.runs().keySet()));
        assertRejected("descents[1] repeats the optimizer, learning rate and schedule of an earlier one (Adam (β₁ = 0.9, "
                + "β₂ = 0.999, ε = 1.0E-8), η = 0.01): each run needs its own",
                () -> experiment.optimizers(adam, GradientDescent.withLearningRate(0.01).using(Optimizer.adam())));
        assertRejected("descents must hold at least 1 value, but was empty", () -> experiment.optimizers());
        assertRejected("descents[0] must not be null", () -> experiment.optimizers((GradientDescent) null));

        Comparison schedules = experiment.schedules(LearningRateSchedule.constant(),
                LearningRateSchedule.stepDecay(0.5, 5));
        assertEquals(List.of("constant", "step decay ×0.5 every 5 epochs"), List.copyOf(schedules.runs().keySet()));
        assertRejected("schedules[1] repeats schedules[0] (constant): each run needs its own value",
                () -> experiment.schedules(LearningRateSchedule.constant(), LearningRateSchedule.constant()));
    }
}
