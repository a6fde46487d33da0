package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * COURSE.md section B, "Back-propagation is very simple. Who made it complicated?": a 2-2-1
 * network of linear units without biases.
 */
class LinearExampleTest {

    private final Network network = Network.withInputs(2)
            .layer(2, Activation.IDENTITY, Bias.NONE)
            .layer(1, Activation.IDENTITY, Bias.NONE)
            .build();
    private final Sample sample = new Sample(new double[] {2, 3}, new double[] {1});

    LinearExampleTest() {
        double[] weights = {0.11, 0.21, 0.12, 0.08, 0.14, 0.15};
        for (int n = 1; n <= weights.length; n++) {
            network.set("w" + n, weights[n - 1]);
        }
    }

    private double prediction() {
        return network.forward(sample).get("out_o1");
    }

    @Test
    void predictionBefore() {
        assertEquals(0.191, prediction(), 0.0005, "published to 3 decimals");
    }

    @Test
    void predictionAfterOneUpdate() {
        GradientDescent.withLearningRate(0.05).step(network, sample);
        assertEquals(0.26, prediction(), 0.005, "published to 2 decimals");
    }
}
