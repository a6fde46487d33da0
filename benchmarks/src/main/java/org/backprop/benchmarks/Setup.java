package org.backprop.benchmarks;

import java.util.List;
import org.backprop.nn.Activation;
import org.backprop.nn.Batching;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Initialization;
import org.backprop.nn.Network;
import org.backprop.nn.Sample;
import org.backprop.nn.TrainingHistory;

/**
 * Nielsen's network.py setup as the jar runs it: a 784-30-10 sigmoid network with the squared
 * error E = ½ Σ (t − out)², learning rate η = 3.0, mini-batches of m, one shuffled epoch.
 */
public final class Setup {

    /** Neurons per layer, inputs first. */
    public static final int[] SIZES = {784, 30, 10};
    /** Nielsen's learning rate for this network. */
    public static final double LEARNING_RATE = 3.0;

    /** How the starting weights are drawn; biases start at 0 under both. */
    public enum Init {
        /** {@link Initialization#lecun()}: Wˡ ~ N(0, 1/n_in) per layer (network2.py's default). */
        LECUN("lecun", "W ~ N(0, 1/n_in) per layer, biases 0"),
        /** {@link Initialization#xavier()}: Wˡ ~ U(±√(6/(n_in + n_out))), biases 0. */
        XAVIER("xavier", "W ~ U(±√(6/(n_in + n_out))) (Xavier/Glorot uniform) per layer, biases 0");

        private final String word;
        private final String description;

        Init(String word, String description) {
            this.word = word;
            this.description = description;
        }

        /** The word the Python scripts take: lecun or xavier. */
        public String word() {
            return word;
        }

        public String description() {
            return description;
        }

        public static Init of(String word) {
            for (Init init : values()) {
                if (init.word.equals(word)) {
                    return init;
                }
            }
            throw new IllegalArgumentException("init must be lecun or xavier, but was " + word);
        }
    }

    private Setup() {
    }

    /** A fresh 784-30-10 sigmoid network with weights drawn from {@code seed}. */
    public static Network network(Init init, long seed) {
        Network.Builder builder = Network.withInputs(SIZES[0]);
        for (int l = 1; l < SIZES.length; l++) {
            builder.layer(SIZES[l], Activation.SIGMOID);
        }
        return builder.initialized(init == Init.XAVIER ? Initialization.xavier() : Initialization.lecun(), seed);
    }

    /** η = 3.0, mini-batches of m, the samples shuffled every epoch with {@code seed}. */
    public static GradientDescent descent(int batchSize, long seed) {
        return GradientDescent.withLearningRate(LEARNING_RATE).withBatching(Batching.miniBatches(batchSize))
                .shuffling(seed);
    }

    /** One epoch: {@code descent(m, seed).train(network, training, 1)}. */
    public static TrainingHistory epoch(Network network, List<Sample> training, int batchSize, long seed) {
        return descent(batchSize, seed).train(network, training, 1);
    }
}
