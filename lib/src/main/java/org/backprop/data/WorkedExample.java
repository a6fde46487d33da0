package org.backprop.data;

import java.net.URI;
import org.backprop.nn.Activation;
import org.backprop.nn.Bias;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Network;
import org.backprop.nn.Sample;

/**
 * A published worked example: its network with the starting weights, its one training sample
 * and its gradient descent settings. {@link #network()} hands out a fresh copy of the starting
 * network on every call, so training one copy never changes the next.
 *
 * @param title   the title of the publication
 * @param author  who published it
 * @param source  where it was published
 * @param network the network with the published starting weights and biases (kept private:
 *                {@link #network()} returns copies)
 * @param sample  the input and target
 * @param descent the learning rate and update the publication uses
 */
public record WorkedExample(String title, String author, URI source, Network network, Sample sample,
                            GradientDescent descent) {

    /** Every component present, the texts not blank, and the sample fitting the network. */
    public WorkedExample {
        text("title", title);
        text("author", author);
        present("source", source);
        present("network", network);
        present("sample", sample);
        present("descent", descent);
        try {
            network.forward(sample);
        } catch (IllegalArgumentException wrongSize) {
            throw new IllegalArgumentException("sample does not fit the network: " + wrongSize.getMessage(),
                    wrongSize);
        }
        // A copy: changing the network passed in later must not change the published start.
        network = network.copy();
    }

    /** A new network with the published starting weights and biases. */
    @Override
    public Network network() {
        return network.copy();
    }

    private static void present(String parameter, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(parameter + " must not be null");
        }
    }

    private static void text(String parameter, String value) {
        present(parameter, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(parameter + " must be a non-blank text, but was '" + value + "'");
        }
    }

    /**
     * Matt Mazur's 2-2-2 sigmoid network: inputs 0.05, 0.10, targets 0.01, 0.99, weights
     * w1 … w8 = 0.15 … 0.55, shared biases b1 = 0.35 and b2 = 0.60, learning rate 0.5. The post
     * never updates the biases, so they are frozen here.
     */
    public static WorkedExample mazur() {
        Network network = Network.withInputs(2)
                .layer(2, Activation.SIGMOID, Bias.SHARED)
                .layer(2, Activation.SIGMOID, Bias.SHARED)
                .build();
        double[] weights = {0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55};
        for (int n = 1; n <= weights.length; n++) {
            network.set("w" + n, weights[n - 1]);
        }
        network.set("b1", 0.35).set("b2", 0.60);
        return new WorkedExample("A Step by Step Backpropagation Example", "Matt Mazur",
                URI.create("https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/"),
                network, new Sample(new double[] {0.05, 0.10}, new double[] {0.01, 0.99}),
                GradientDescent.withLearningRate(0.5).freezingBiases());
    }
}
