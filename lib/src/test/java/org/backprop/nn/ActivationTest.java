package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Leaky ReLU on both sides of its kink and at it. */
class ActivationTest {

    private final Activation leaky = Activation.LEAKY_RELU;

    @Test
    void leakyReluPassesPositiveNetAndLeaksOneHundredthOfTheRest() {
        assertEquals(-0.02, leaky.apply(-2));
        assertEquals(0.0, leaky.apply(0));
        assertEquals(3.0, leaky.apply(3));
    }

    @Test
    void leakyReluDerivativeIs1ForPositiveNetElse0Point01() {
        assertEquals(0.01, leaky.derivative(-2, leaky.apply(-2)));
        assertEquals(0.01, leaky.derivative(0, leaky.apply(0)));
        assertEquals(1.0, leaky.derivative(3, leaky.apply(3)));
    }

    @Test
    void leakyReluLatex() {
        assertEquals("\\mathrm{LeakyReLU}", leaky.latex());
    }
}
