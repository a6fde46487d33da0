package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;
import org.backprop.data.WorkedExample;
import org.junit.jupiter.api.Test;

/**
 * The training loop: its epoch error, its evaluations, what it does when a run diverges or
 * stalls, and that it computes the same bits whatever the batch layout and the number of threads.
 */
class TrainingLoopTest {

    /** Images of n random "pixels" (a quarter 0) and ten one-hot classes, stored as rows of bytes. */
    static final class Pictures extends AbstractList<Sample> implements SampleRows {
        private final int inputs;
        private final byte[] pixels;
        private final byte[] labels;

        Pictures(int n, int inputs, long seed) {
            this.inputs = inputs;
            this.pixels = new byte[n * inputs];
            this.labels = new byte[n];
            Random random = new Random(seed);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) (random.nextInt(4) == 0 ? 0 : random.nextInt(256));
            }
            for (int x = 0; x < n; x++) {
                labels[x] = (byte) random.nextInt(10);
            }
        }

        @Override
        public int size() {
            return labels.length;
        }

        @Override
        public int inputSize() {
            return inputs;
        }

        @Override
        public int targetSize() {
            return 10;
        }

        @Override
        public void writeInput(int x, double[] into, int offset) {
            for (int k = 0; k < inputs; k++) {
                into[offset + k] = (pixels[x * inputs + k] & 0xff) / 255.0;
            }
        }

        @Override
        public void writeTarget(int x, double[] into, int offset) {
            java.util.Arrays.fill(into, offset, offset + 10, 0);
            into[offset + labels[x]] = 1;
        }

        @Override
        public Sample get(int x) {
            return Sample.of(this, x);
        }
    }

    private static Network pictureNetwork() {
        return Network.withInputs(200).layer(30, Activation.SIGMOID).layer(10, Activation.SIGMOID)
                .initialized(Initialization.gaussian(0, 0.07), 3);
    }

    private static double[] parameters(Network network) {
        List<String> names = network.names().parameterNames();
        double[] values = new double[names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = network.get(names.get(i));
        }
        return values;
    }

    @Test
    void theThreadsChangeNoBit() {
        Pictures data = new Pictures(1000, 200, 1);
        for (int batch : new int[] {10, 50}) {
            GradientDescent descent = GradientDescent.withLearningRate(3).withBatching(Batching.miniBatches(batch))
                    .shuffling(2).evaluatingOn(data);
            Network shared = pictureNetwork();
            Network alone = pictureNetwork();
            TrainingHistory withThreads = descent.train(shared, data, 2);
            TrainingHistory oneThread = Parallel.serially(() -> descent.train(alone, data, 2));
            assertArrayEquals(parameters(alone), parameters(shared));
            assertArrayEquals(oneThread.errors(), withThreads.errors());
            assertEquals(oneThread.evaluations(), withThreads.evaluations());
        }
    }

    @Test
    void aBatchReadByColumnsGivesTheBitsOfOneReadByRows() {
        Network network = pictureNetwork();
        Pictures data = new Pictures(40, 200, 5);
        BatchGradient byColumns = BatchGradient.of(network, data);
        List<Sample> asSamples = new ArrayList<>(data);
        for (int x = 0; x < data.size(); x++) {
            BatchGradient one = BatchGradient.of(network, List.of(asSamples.get(x)));
            BackwardPass pass = network.backward(network.forward(asSamples.get(x)));
            for (int j = 0; j < 30; j++) {
                assertEquals(pass.forward().net(1, j), byColumns.outs(1).get(j, x) == 0 ? 0 : pass.forward().net(1, j));
                assertEquals(pass.forward().out(1, j), byColumns.outs(1).get(j, x));
                assertEquals(pass.delta(1, j), one.deltas(1).get(j, 0));
                assertEquals(pass.delta(1, j), byColumns.deltas(1).get(j, x));
            }
        }
    }

    @Test
    void theEpochErrorIsTheMeanOfTheErrorsTheBatchesSaw() {
        Pictures data = new Pictures(100, 200, 7);
        GradientDescent descent = GradientDescent.withLearningRate(3).withBatching(Batching.miniBatches(30));
        Network network = pictureNetwork();
        Network byHand = network.copy();
        TrainingHistory history = descent.train(network, data, 1);
        double sum = 0;
        for (int from = 0; from < data.size(); from += 30) {
            List<Sample> batch = data.subList(from, Math.min(from + 30, data.size()));
            for (Sample sample : batch) {
                sum += byHand.forward(sample).totalError();
            }
            descent.withBatching(Batching.FULL).train(byHand, batch, 1);
        }
        assertEquals(sum / data.size(), history.error(1), 1e-15);
        assertArrayEquals(parameters(byHand), parameters(network));
        assertEquals(1, history.firstIteration());
        assertEquals(4, history.updates());
    }

    @Test
    void evaluationsComeBeforeTrainingAndAfterEveryEpoch() {
        Pictures training = new Pictures(300, 200, 11);
        Pictures heldOut = new Pictures(70, 200, 12);
        Network network = pictureNetwork();
        Network copy = network.copy();
        GradientDescent descent = GradientDescent.withLearningRate(3).withBatching(Batching.miniBatches(10));
        TrainingHistory history = descent.evaluatingOn(heldOut).train(network, training, 3);
        assertEquals(4, history.evaluations().size());
        assertEquals(copy.evaluate(heldOut), history.evaluation(0));
        assertEquals(network.evaluate(heldOut), history.evaluation(3));
        Evaluation last = history.evaluation(3);
        double error = 0;
        int right = 0;
        for (Sample sample : heldOut) {
            ForwardPass pass = network.forward(sample);
            error += pass.totalError();
            double[] out = pass.outputs();
            double[] target = sample.target();
            right += argmax(out) == argmax(target) ? 1 : 0;
        }
        assertEquals(70, last.samples());
        assertEquals(error / 70, last.meanError());
        assertEquals(right / 70.0, last.accuracy());
        descent.train(copy, training, 3);
        assertArrayEquals(parameters(copy), parameters(network), "evaluating changes no weight");
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int j = 1; j < values.length; j++) {
            best = values[j] > values[best] ? j : best;
        }
        return best;
    }

    @Test
    void oneOutputIsRightOnTheTargetsSideOfOneHalf() {
        Network network = Network.withInputs(1).layer(1, Activation.IDENTITY, Bias.NONE).build().set("w1", 1);
        List<Sample> samples = List.of(new Sample(new double[] {0.7}, new double[] {1}),
                new Sample(new double[] {0.2}, new double[] {1}), new Sample(new double[] {0.4}, new double[] {0}));
        Evaluation evaluation = network.evaluate(samples);
        assertEquals(2 / 3.0, evaluation.accuracy());
        assertEquals((0.5 * 0.3 * 0.3 + 0.5 * 0.8 * 0.8 + 0.5 * 0.4 * 0.4) / 3, evaluation.meanError(), 1e-16);
    }

    @Test
    void aRunOnAnInterruptedThreadStopsBeforeItsNextEpoch() {
        WorkedExample mazur = WorkedExample.mazur();
        Thread.currentThread().interrupt();
        try {
            CancellationException stopped = assertThrows(CancellationException.class,
                    () -> mazur.descent().train(mazur.network(), mazur.sample(), 10));
            assertEquals("training stopped before iteration 1 of 10: its thread was interrupted", stopped.getMessage());
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is left for the caller to see");
        }
    }

    @Test
    void aDivergedRunLeavesTheNetworkAtItsLastFiniteWeights() {
        Network linear = Network.withInputs(2).layer(2, Activation.IDENTITY, Bias.NONE)
                .layer(1, Activation.IDENTITY, Bias.NONE).randomized(1);
        Sample sample = new Sample(new double[] {2, 3}, new double[] {1});
        GradientDescent tooFast = GradientDescent.withLearningRate(10);
        Network diverging = linear.copy();
        int k = assertThrows(TrainingDivergedException.class, () -> tooFast.train(diverging, sample, 1000)).iteration();
        Network lastFinite = linear.copy();
        TrainingHistory completed = tooFast.train(lastFinite, sample, k - 1);
        assertArrayEquals(parameters(lastFinite), parameters(diverging));
        TrainingHistory kept = assertThrows(TrainingDivergedException.class,
                () -> tooFast.train(linear.copy(), sample, 1000)).history().orElseThrow();
        assertEquals(completed.end().totalError(), kept.end().totalError());
        assertEquals(kept.error(k - 1), kept.end().totalError());
        assertTrue(Double.isFinite(diverging.forward(sample).totalError()));
        int again = assertThrows(TrainingDivergedException.class, () -> tooFast.train(diverging, sample, 10)).iteration();
        assertEquals(1, again, "retraining starts from finite weights, so its first update is what diverges");
    }

    @Test
    void aDataSetRunDivergingMidEpochGoesBackOneUpdate() {
        Network linear = Network.withInputs(2).layer(2, Activation.IDENTITY, Bias.NONE)
                .layer(1, Activation.IDENTITY, Bias.NONE).randomized(1);
        List<Sample> samples = List.of(new Sample(new double[] {2, 3}, new double[] {1}),
                new Sample(new double[] {-3, 1}, new double[] {0}));
        GradientDescent perSample = GradientDescent.withLearningRate(1).withBatching(Batching.PER_SAMPLE);
        Network diverging = linear.copy();
        TrainingDivergedException diverged = assertThrows(TrainingDivergedException.class,
                () -> perSample.train(diverging, samples, 1000));
        Network byHand = linear.copy();
        double[] lastFinite = null;
        outer:
        for (int epoch = 1; epoch <= 1000; epoch++) {
            for (Sample sample : samples) {
                if (!Double.isFinite(byHand.forward(sample).totalError())) {
                    break outer;
                }
                lastFinite = parameters(byHand);
                perSample.step(byHand, sample);
            }
        }
        assertArrayEquals(lastFinite, parameters(diverging));
        assertEquals(diverged.iteration() - 1, diverged.history().orElseThrow().iterations());
    }

    @Test
    void aRunWhoseGradientsVanishedSaysWhen() {
        WorkedExample mazur = WorkedExample.mazur();
        TrainingHistory saturated = GradientDescent.withLearningRate(1e6).train(mazur.network(), mazur.sample(), 50);
        int stalled = saturated.stalledAt().orElseThrow();
        assertTrue(stalled > 1, "the first update still had a gradient");
        for (int l = 1; l <= 2; l++) {
            assertEquals(0.0, saturated.gradientNorm(stalled, l));
        }
        assertTrue(saturated.error(50) > 0.1, "far from the targets");
        assertTrue(saturated.toString().contains(", stalled at " + stalled), saturated.toString());
        assertTrue(mazur.descent().train(mazur.network(), mazur.sample(), 50).stalledAt().isEmpty());
    }

    @Test
    void aWarmTrainingLoopAllocatesNothingPerBatch() {
        Pictures data = new Pictures(2000, 200, 3);
        GradientDescent descent = GradientDescent.withLearningRate(1).withBatching(Batching.miniBatches(10)).shuffling(1);
        Network network = pictureNetwork();
        long perEpoch = bytesPerWarmEpoch(epochs -> descent.train(network, data, epochs));
        // The runs' fixed costs differ by a few bytes, so the difference can dip below 0.
        assertTrue(perEpoch < 2000, "200 batches an epoch, " + perEpoch + " bytes allocated per epoch");
    }

    /**
     * The bytes this thread allocates per epoch of a warm run: {@code train} runs the given
     * number of epochs; after warming up, eleven epochs less one, divided by ten, leaves out
     * what a run allocates once.
     */
    static long bytesPerWarmEpoch(IntConsumer train) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 3; warm++) {
            train.accept(2);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        train.accept(1);
        long oneEpoch = threads.getCurrentThreadAllocatedBytes() - before;
        before = threads.getCurrentThreadAllocatedBytes();
        train.accept(11);
        long elevenEpochs = threads.getCurrentThreadAllocatedBytes() - before;
        return (elevenEpochs - oneEpoch) / 10;
    }
}
