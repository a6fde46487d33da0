package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backprop.data.WorkedExample;
import org.junit.jupiter.api.Test;

/** A listener hears every batch and every epoch of a run, and changes nothing about it. */
class TrainingListenerTest {

    private static Network network() {
        return Network.withInputs(200).layer(30, Activation.SIGMOID).layer(10, Activation.SIGMOID)
                .initialized(Initialization.gaussian(0, 0.07), 3);
    }

    @Test
    void hearsEveryBatchThenEveryEpochWithTheHistorySoFar() {
        TrainingLoopTest.Pictures data = new TrainingLoopTest.Pictures(95, 200, 3);
        GradientDescent descent = GradientDescent.withLearningRate(1).withBatching(Batching.miniBatches(10))
                .shuffling(1).evaluatingOn(data);
        List<String> heard = new ArrayList<>();
        List<TrainingHistory> histories = new ArrayList<>();
        TrainingHistory whole = descent.train(network(), data, 2, new TrainingListener() {
            @Override
            public void batchDone(int epoch, int epochs, int batch, int batches) {
                heard.add(epoch + "/" + epochs + ":" + batch + "/" + batches);
            }

            @Override
            public void epochDone(TrainingHistory soFar, int epochs) {
                heard.add("epoch " + soFar.iterations() + " of " + epochs);
                histories.add(soFar);
            }
        });
        assertEquals(2 * 10 + 2, heard.size());
        assertEquals(List.of("1/2:1/10", "1/2:10/10", "epoch 1 of 2", "2/2:1/10", "2/2:10/10", "epoch 2 of 2"),
                List.of(heard.get(0), heard.get(9), heard.get(10), heard.get(11), heard.get(20), heard.get(21)));
        assertArrayEquals(new double[] {whole.error(1)}, histories.get(0).errors());
        assertEquals(List.of(whole.evaluation(0), whole.evaluation(1)), histories.get(0).evaluations());
        assertArrayEquals(whole.errors(), histories.get(1).errors());

        TrainingHistory unheard = descent.train(network(), data, 2);
        assertArrayEquals(unheard.errors(), whole.errors(), "the same run with or without a listener");
    }

    @Test
    void badListenersAreRejected() {
        WorkedExample mazur = WorkedExample.mazur();
        TrainingListener listener = new TrainingListener() {
        };
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> mazur.descent().train(mazur.network(), List.of(mazur.sample(), mazur.sample()), 1, null));
        assertEquals("listener must not be null", none.getMessage());
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> mazur.descent().train(mazur.network(), List.of(mazur.sample()), 1, listener));
        assertEquals("samples must hold at least 2 samples for a listener, which is told about epochs of batches, "
                + "but held 1 (train on one sample with train(network, sample, iterations))", one.getMessage());
    }

    @Test
    void listeningAllocatesNothingPerBatch() {
        TrainingLoopTest.Pictures data = new TrainingLoopTest.Pictures(2000, 200, 3);
        GradientDescent descent = GradientDescent.withLearningRate(1).withBatching(Batching.PER_SAMPLE).shuffling(1);
        int[] batches = new int[1];
        TrainingListener counter = new TrainingListener() {
            @Override
            public void batchDone(int epoch, int epochs, int batch, int of) {
                batches[0]++;
            }
        };
        Network network = network();
        long perEpoch = TrainingLoopTest.bytesPerWarmEpoch(epochs -> descent.train(network, data, epochs, counter));
        assertTrue(perEpoch < 4000, "2,000 batches an epoch, " + perEpoch + " bytes allocated per epoch "
                + "(a history so far included)");
        assertEquals(2000 * (3 * 2 + 1 + 11), batches[0]);
    }
}
