package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backprop.data.WorkedExample;
import org.junit.jupiter.api.Test;

/** The same network with other kinds of bias or other hidden activations (COURSE.md, questions 5 and 10). */
class NetworkVariantsTest {

    private final WorkedExample mazur = WorkedExample.mazur();

    @Test
    void aNetworkIsNamedByItsShape() {
        assertEquals("2-2-2", mazur.network().shape());
        Network deep = Network.withInputs(3).layer(4, Activation.SIGMOID).layer(4, Activation.TANH)
                .layer(2, Activation.SIGMOID).build();
        assertEquals("3-4-4-2", deep.shape());
        assertTrue(deep.toString().startsWith("Network 3-4-4-2 (layer 1: "), deep.toString());
    }

    @Test
    void untiedBiasesStartAtTheSharedValueAndLearnApart() {
        Network shared = mazur.network();
        Network perNeuron = shared.withBias(Bias.PER_NEURON);
        assertEquals(List.of("b_h1", "b_h2", "b_o1", "b_o2"), perNeuron.names().biasNames());
        assertEquals(0.35, perNeuron.get("b_h2"));
        assertEquals(0.60, perNeuron.get("b_o1"));
        assertEquals(shared.forward(mazur.sample()).totalError(), perNeuron.forward(mazur.sample()).totalError());
        assertEquals(Bias.SHARED, shared.layer(1).bias(), "the original keeps its kind of bias");

        GradientDescent learning = mazur.descent().updatingBiases();
        learning.step(perNeuron, mazur.sample());
        learning.step(shared, mazur.sample());
        BackwardPass first = mazur.network().backward(mazur.network().forward(mazur.sample()));
        assertEquals(0.60 - 0.5 * first.delta(2, 0), perNeuron.get("b_o1"), 1e-15);
        assertEquals(0.60 - 0.5 * first.delta(2, 1), perNeuron.get("b_o2"), 1e-15);
        assertEquals(0.60 - 0.5 * (first.delta(2, 0) + first.delta(2, 1)), shared.get("b2"), 1e-15);
    }

    @Test
    void equalBiasesCanBeTiedAgainAndZeroBiasesDropped() {
        Network tied = mazur.network().withBias(Bias.PER_NEURON).withBias(Bias.SHARED);
        assertEquals(List.of("b1", "b2"), tied.names().biasNames());
        assertEquals(0.60, tied.get("b2"));
        Network none = mazur.network().set("b1", 0).set("b2", 0).withBias(Bias.NONE);
        assertEquals(List.of(), none.names().biasNames());
        assertEquals(Bias.NONE, none.layer(2).bias());
    }

    @Test
    void hiddenActivationChangesEveryLayerButTheOutput() {
        Network deep = Network.withInputs(2).layer(3, Activation.SIGMOID).layer(3, Activation.SIGMOID)
                .layer(1, Activation.SIGMOID).randomized(3);
        Network relu = deep.withHiddenActivation(Activation.RELU);
        assertEquals(Activation.RELU, relu.layer(1).activation());
        assertEquals(Activation.RELU, relu.layer(2).activation());
        assertEquals(Activation.SIGMOID, relu.layer(3).activation());
        assertEquals(Activation.SIGMOID, deep.layer(1).activation(), "the original is unchanged");
        assertEquals(deep.get("w7"), relu.get("w7"));
        assertEquals(deep.get("b_h1_2"), relu.get("b_h1_2"));
    }
}
