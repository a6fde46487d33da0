package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.backprop.data.DataSet;
import org.backprop.data.WorkedExample;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Training on many samples (COURSE.md, questions 7 and 12): the batch gradient is the mean of the
 * per-sample gradients, full batch makes one update per epoch, per sample one per sample, and a
 * seeded shuffle repeats itself.
 */
class BatchTrainingTest {

    private static final double EXACT = 1e-15;
    private final DataSet xor = DataSet.xor();

    private static Network xorNetwork(Bias bias) {
        return Network.withInputs(2).layer(3, Activation.SIGMOID, bias).layer(1, Activation.SIGMOID, bias).randomized(7);
    }

    @Test
    void oneSampleAsADataSetTrainsExactlyLikeTheSample() {
        WorkedExample mazur = WorkedExample.mazur();
        TrainingHistory alone = mazur.descent().train(mazur.network(), mazur.sample(), 1000);
        TrainingHistory asList = mazur.descent().withBatching(Batching.PER_SAMPLE)
                .train(mazur.network(), List.of(mazur.sample()), 1000);
        assertArrayEquals(alone.errors(), asList.errors());
        assertEquals(0.291027774, asList.error(1), 5e-10);
        assertEquals(1, asList.samples());
        assertEquals(1000, asList.updates());
    }

    @Test
    void batchGradientIsTheMeanOfTheSampleGradients() {
        for (Bias bias : Bias.values()) {
            Network network = xorNetwork(bias);
            BatchGradient batch = BatchGradient.of(network, xor);
            double meanError = 0;
            for (int l = 1; l <= 2; l++) {
                DMatrixRMaj weights = new DMatrixRMaj(network.size(l), network.size(l - 1));
                DMatrixRMaj biases = new DMatrixRMaj(network.size(l), 1);
                for (Sample sample : xor) {
                    BackwardPass backward = network.backward(network.forward(sample));
                    CommonOps_DDRM.addEquals(weights, 1.0 / xor.size(), backward.weightGradients(l));
                    CommonOps_DDRM.addEquals(biases, 1.0 / xor.size(), backward.biasGradients(l));
                    if (l == 1) {
                        meanError += backward.forward().totalError() / xor.size();
                    }
                }
                assertTrue(MatrixFeatures_DDRM.isIdentical(weights, batch.weightGradients(l), EXACT), bias + " W" + l);
                assertTrue(MatrixFeatures_DDRM.isIdentical(biases, batch.biasGradients(l), EXACT), bias + " b" + l);
            }
            assertEquals(meanError, batch.meanError(), EXACT);
        }
    }

    @Test
    void deltaAndSampleGradientNormsAreMeansOverThePerSampleBackwardPasses() {
        Network network = Network.withInputs(2).layer(3, Activation.TANH).layer(2, Activation.SIGMOID).randomized(4);
        List<Sample> samples = List.of(new Sample(new double[] {0.5, -1}, new double[] {0, 1}),
                new Sample(new double[] {2, 0.25}, new double[] {1, 0}),
                new Sample(new double[] {-0.75, 3}, new double[] {1, 1}));
        BatchGradient batch = BatchGradient.of(network, samples);
        for (int l = 1; l <= 2; l++) {
            double deltas = 0;
            double gradients = 0;
            for (Sample sample : samples) {
                BackwardPass backward = network.backward(network.forward(sample));
                deltas += NormOps_DDRM.normF(backward.deltaVector(l)) / samples.size();
                gradients += NormOps_DDRM.normF(backward.weightGradients(l)) / samples.size();
            }
            assertEquals(deltas, batch.deltaNorm(l), 1e-15, "layer " + l);
            assertEquals(gradients, batch.sampleWeightGradientNorm(l), 1e-15, "layer " + l);
            assertTrue(batch.sampleWeightGradientNorm(l) >= batch.weightGradientNorm(l), "layer " + l);
        }
        for (int l : new int[] {0, 3, -1}) {
            assertEquals("layer must be between 1 and 2, but was " + l,
                    assertThrows(IllegalArgumentException.class, () -> batch.deltaNorm(l)).getMessage());
            assertEquals("layer must be between 1 and 2, but was " + l,
                    assertThrows(IllegalArgumentException.class, () -> batch.sampleWeightGradientNorm(l)).getMessage());
        }
    }

    @Test
    void batchMatricesHaveAColumnPerSample() {
        Network network = xorNetwork(Bias.PER_NEURON);
        BatchGradient batch = BatchGradient.of(network, xor);
        assertEquals(4, batch.size());
        assertEquals(2, batch.depth());
        assertEquals(2, batch.outs(0).numRows);
        assertEquals(4, batch.outs(0).numCols);
        assertEquals(3, batch.deltas(1).numRows);
        assertEquals(4, batch.deltas(1).numCols);
        ForwardPass third = network.forward(xor.get(2));
        assertEquals(third.out(1, 2), batch.outs(1).get(2, 2), EXACT);
        assertEquals(network.backward(third).delta(2, 0), batch.deltas(2).get(0, 2), EXACT);
        assertEquals(Math.sqrt(CommonOps_DDRM.elementSum(square(batch.weightGradients(1)))),
                batch.weightGradientNorm(1), EXACT);
    }

    @Test
    void aBatchOfOneIsTheBackwardPass() {
        WorkedExample mazur = WorkedExample.mazur();
        BatchGradient batch = BatchGradient.of(mazur.network(), List.of(mazur.sample()));
        assertEquals(0.082167041, batch.weightGradients(2).get(0, 0), 5e-10);
        assertEquals(0.000438568, batch.weightGradients(1).get(0, 0), 5e-10);
        assertEquals(0.298371109, batch.meanError(), 5e-10);
    }

    @Test
    void fullBatchMakesOneUpdatePerEpochWithTheMeanGradient() {
        Network network = xorNetwork(Bias.PER_NEURON);
        Network expected = network.copy();
        BatchGradient gradient = BatchGradient.of(expected, xor);
        TrainingHistory history = GradientDescent.withLearningRate(0.5).train(network, xor, 1);
        assertEquals(1, history.updates());
        for (int l = 1; l <= 2; l++) {
            DMatrixRMaj updated = expected.layer(l).weights();
            CommonOps_DDRM.addEquals(updated, -0.5, gradient.weightGradients(l));
            assertTrue(MatrixFeatures_DDRM.isIdentical(updated, network.layer(l).weights(), EXACT));
            assertEquals(gradient.weightGradientNorm(l), history.gradientNorm(1, l), EXACT);
        }
        assertEquals(gradient.meanError(), history.error(1), EXACT);
    }

    @Test
    void perSampleUpdatesAfterEverySampleInOrder() {
        Network network = xorNetwork(Bias.SHARED);
        Network byHand = network.copy();
        GradientDescent descent = GradientDescent.withLearningRate(0.5).withBatching(Batching.PER_SAMPLE);
        TrainingHistory history = descent.train(network, xor, 2);
        double norm = 0;
        for (int epoch = 1; epoch <= 2; epoch++) {
            for (Sample sample : xor) {
                BackwardPass step = descent.step(byHand, sample);
                norm += epoch == 2 ? step.weightGradientNorm(2) / 4 : 0;
            }
        }
        assertEquals(8, history.updates());
        assertEquals(norm, history.gradientNorm(2, 2), EXACT);
        for (String name : byHand.names().weightNames()) {
            assertEquals(byHand.get(name), network.get(name), 0.0, name);
        }
        assertEquals(byHand.get("b1"), network.get("b1"), 0.0);
    }

    @Test
    void miniBatchesLeaveTheRestForALastSmallerBatch() {
        TrainingHistory history = GradientDescent.withLearningRate(0.5).withBatching(Batching.miniBatches(3))
                .train(xorNetwork(Bias.PER_NEURON), xor, 5);
        assertEquals(10, history.updates());
        assertEquals(2, history.updatesPerIteration());
        assertEquals(Batching.PER_SAMPLE, Batching.miniBatches(1));
        assertEquals("mini-batches of 3", Batching.miniBatches(3).toString());
        assertEquals("full batch", Batching.FULL.toString());
        assertEquals("per sample", Batching.PER_SAMPLE.toString());
    }

    /** Mini-batches larger than the data set would be one full batch labelled as mini-batches. */
    @Test
    void miniBatchesMustFitTheDataSet() {
        GradientDescent tooLarge = GradientDescent.withLearningRate(0.5).withBatching(Batching.miniBatches(10));
        assertEquals("batching (mini-batches of 10) must fit the data set: expected a batch size of at most its 4 "
                + "samples (Batching.FULL for one batch of them all), but was 10", assertThrows(
                IllegalArgumentException.class, () -> tooLarge.train(xorNetwork(Bias.PER_NEURON), xor, 5))
                .getMessage());
        TrainingHistory allFour = GradientDescent.withLearningRate(0.5).withBatching(Batching.miniBatches(4))
                .train(xorNetwork(Bias.PER_NEURON), xor, 5);
        assertEquals(1, allFour.updatesPerIteration(), "a batch of exactly the data set is allowed");
    }

    @Test
    void aSeededShuffleRepeatsAndEachSeedShufflesDifferently() {
        GradientDescent descent = GradientDescent.withLearningRate(0.5).withBatching(Batching.PER_SAMPLE);
        double[] first = descent.shuffling(3).train(xorNetwork(Bias.PER_NEURON), xor, 20).errors();
        double[] again = descent.shuffling(3).train(xorNetwork(Bias.PER_NEURON), xor, 20).errors();
        double[] other = descent.shuffling(4).train(xorNetwork(Bias.PER_NEURON), xor, 20).errors();
        double[] inOrder = descent.train(xorNetwork(Bias.PER_NEURON), xor, 20).errors();
        assertArrayEquals(first, again);
        assertFalse(Arrays.equals(first, other));
        assertFalse(Arrays.equals(first, inOrder));
        assertEquals(3L, descent.shuffling(3).shuffleSeed().getAsLong());
        assertTrue(descent.shuffleSeed().isEmpty());
    }

    @Test
    void theShuffleIsCollectionsShuffleWithOneRandomPerRun() {
        GradientDescent descent = GradientDescent.withLearningRate(0.5).withBatching(Batching.PER_SAMPLE).shuffling(11);
        Network network = xorNetwork(Bias.PER_NEURON);
        Network byHand = network.copy();
        descent.train(network, xor, 3);
        Random random = new Random(11);
        List<Sample> order = new ArrayList<>(xor);
        for (int epoch = 1; epoch <= 3; epoch++) {
            Collections.shuffle(order, random);
            for (Sample sample : order) {
                descent.step(byHand, sample);
            }
        }
        for (String name : byHand.names().weightNames()) {
            assertEquals(byHand.get(name), network.get(name), 0.0, name);
        }
    }

    @Test
    void learningRateCanChangeAndTheRestStays() {
        GradientDescent descent = GradientDescent.withLearningRate(0.5).freezingBiases()
                .withBatching(Batching.miniBatches(2)).shuffling(5).atLearningRate(3);
        assertEquals(3, descent.learningRate());
        assertFalse(descent.updatesBiases());
        assertEquals(Batching.miniBatches(2), descent.batching());
        assertEquals(5L, descent.shuffleSeed().getAsLong());
        assertEquals("GradientDescent[learningRate=3.0, rule=TEXTBOOK, biases frozen, mini-batches of 2, "
                + "shuffled with seed 5]", descent.toString());
    }

    @Test
    void divergenceOnADataSetKeepsTheRunUntilThen() {
        Network linear = Network.withInputs(2).layer(2, Activation.IDENTITY, Bias.NONE)
                .layer(1, Activation.IDENTITY, Bias.NONE).randomized(1);
        DataSet data = DataSet.of("two points", new Sample(new double[] {2, 3}, new double[] {1}),
                new Sample(new double[] {-3, 1}, new double[] {0}));
        TrainingDivergedException diverged = assertThrows(TrainingDivergedException.class,
                () -> GradientDescent.withLearningRate(1).train(linear, data, 1000));
        int k = diverged.iteration();
        assertEquals(8, k);
        assertEquals("training diverged at epoch 8 with learning rate 1.0: the E_total of a sample became "
                + "Infinity; the network keeps its weights from before the update that did it, the last whose "
                + "E_total was finite; try a smaller learning rate", diverged.getMessage());
        TrainingHistory untilThen = diverged.history().orElseThrow();
        assertEquals(k - 1, untilThen.iterations());
        assertEquals(k, untilThen.divergedAt().getAsInt());
        assertTrue(Arrays.stream(untilThen.errors()).allMatch(Double::isFinite));
        assertTrue(untilThen.error(k - 1) > 1e100, "the error explodes before it overflows");
        assertThrows(IllegalArgumentException.class, () -> untilThen.gradientNorm(k, 1));
    }

    @Test
    void aRunOnManySamplesHasNoSingleForwardPass() {
        TrainingHistory history = GradientDescent.withLearningRate(0.5).train(xorNetwork(Bias.NONE), xor, 2);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, history::start);
        assertEquals("a run on 4 samples has a forward pass per sample; expected a run on 1 sample "
                + "(use network.forward(sample) for the one you want)", thrown.getMessage());
        assertTrue(history.toString().startsWith("TrainingHistory[2 epochs of 4 samples"), history.toString());
        assertTrue(history.divergedAt().isEmpty());
        assertEquals(2, history.gradientNorms(1).length);
        assertNotEquals(history.gradientNorm(1, 1), history.gradientNorm(2, 1));
    }

    private static DMatrixRMaj square(DMatrixRMaj matrix) {
        DMatrixRMaj squared = new DMatrixRMaj(matrix.numRows, matrix.numCols);
        CommonOps_DDRM.elementMult(matrix, matrix, squared);
        return squared;
    }
}
