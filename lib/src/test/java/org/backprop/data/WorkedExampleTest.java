package org.backprop.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Network;
import org.backprop.nn.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A worked example holds every part, and its sample fits its network. */
class WorkedExampleTest {

    private final WorkedExample mazur = WorkedExample.mazur();
    private final Network network = mazur.network();
    private final Sample sample = mazur.sample();
    private final GradientDescent descent = mazur.descent();
    private final URI source = mazur.source();

    private static void rejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void everyComponentMustBePresent() {
        rejected("title must not be null", () -> new WorkedExample(null, "a", source, network, sample, descent));
        rejected("author must not be null", () -> new WorkedExample("t", null, source, network, sample, descent));
        rejected("source must not be null", () -> new WorkedExample("t", "a", null, network, sample, descent));
        rejected("network must not be null", () -> new WorkedExample("t", "a", source, null, sample, descent));
        rejected("sample must not be null", () -> new WorkedExample("t", "a", source, network, null, descent));
        rejected("descent must not be null", () -> new WorkedExample("t", "a", source, network, sample, null));
    }

    @Test
    void textsMustNotBeBlank() {
        rejected("title must be a non-blank text, but was ''",
                () -> new WorkedExample("", "a", source, network, sample, descent));
        rejected("author must be a non-blank text, but was ' '",
                () -> new WorkedExample("t", " ", source, network, sample, descent));
    }

    @Test
    void theSampleMustFitTheNetwork() {
        Sample threeInputs = new Sample(new double[] {0.05, 0.10, 0.2}, new double[] {0.01, 0.99});
        String fits = "";
        try {
            network.forward(threeInputs);
        } catch (IllegalArgumentException wrongSize) {
            fits = wrongSize.getMessage();
        }
        assertEquals("sample input must hold 2 values (one per input neuron), but held 3", fits);
        rejected("sample does not fit the network: " + fits,
                () -> new WorkedExample("t", "a", source, network, threeInputs, descent));
    }

    @Test
    void changingTheNetworkPassedInLeavesTheExampleAsPublished() {
        Network passed = mazur.network();
        WorkedExample example = new WorkedExample("t", "a", source, passed, sample, descent);
        passed.set("w1", 99);
        assertEquals(0.15, example.network().get("w1"));
    }
}
