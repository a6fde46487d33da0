package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@link Network#outputs}: the output layer of many inputs at once, as each forward pass gives it. */
class OutputsTest {

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void eachRowAsItsForwardPassGivesIt() {
        Network network = Network.withInputs(2).layer(5, Activation.TANH).layer(3, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY).randomized(4);
        Random random = new Random(2);
        double[][] inputs = new double[600][2];
        for (double[] row : inputs) {
            row[0] = 4 * random.nextDouble() - 2;
            row[1] = 4 * random.nextDouble() - 2;
        }
        double[][] outputs = network.outputs(inputs);
        assertEquals(600, outputs.length);
        for (int x = 0; x < inputs.length; x++) {
            ForwardPass pass = network.forward(new Sample(inputs[x], new double[] {1, 0, 0}));
            assertArrayEquals(new double[] {pass.out(2, 0), pass.out(2, 1), pass.out(2, 2)}, outputs[x], 0.0);
        }
    }

    @Test
    void refusals() {
        Network network = Network.withInputs(2).layer(1, Activation.SIGMOID).build();
        assertRejected("inputs must not be null", () -> network.outputs(null));
        assertRejected("inputs must hold at least 1 row, but was empty", () -> network.outputs(new double[0][]));
        assertRejected("inputs[1] must not be null", () -> network.outputs(new double[][] {{0, 0}, null}));
        assertRejected("inputs[0] must hold 2 values (one per input neuron), but held 3",
                () -> network.outputs(new double[][] {{0, 0, 0}}));
        assertRejected("inputs[0][1] must be a finite number, but was NaN",
                () -> network.outputs(new double[][] {{0, Double.NaN}}));
    }
}
