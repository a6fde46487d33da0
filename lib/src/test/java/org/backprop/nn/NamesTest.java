package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.backprop.data.WorkedExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked example's labels point at the right entries of the weight matrices and bias vectors. */
class NamesTest {

    private final WorkedExample mazur = WorkedExample.mazur();
    private final Network network = mazur.network();
    private final Names names = network.names();

    /** Three hidden layers, so hidden neurons are h1_1 … h3_3, and every kind of bias. */
    private final Network deep = Network.withInputs(3)
            .layer(4, Activation.TANH, Bias.PER_NEURON)
            .layer(2, Activation.SIGMOID, Bias.SHARED)
            .layer(3, Activation.RELU, Bias.NONE)
            .layer(2, Activation.IDENTITY, Bias.PER_NEURON)
            .build();

    @Test
    void neuronsOfTheTwoTwoTwoNetwork() {
        assertEquals(List.of("i1", "i2", "h1", "h2", "o1", "o2"), names.neuronNames());
        assertEquals(new Names.Neuron(0, 1), names.neuron("i2"));
        assertEquals(new Names.Neuron(1, 0), names.neuron("h1"));
        assertEquals(new Names.Neuron(2, 1), names.neuron("o2"));
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource({"w1, i1, h1", "w2, i2, h1", "w3, i1, h2", "w4, i2, h2",
                "w5, h1, o1", "w6, h2, o1", "w7, h1, o2", "w8, h2, o2"})
    void mazursWeightLabels(String weight, String from, String to) {
        Names.Neuron source = names.neuron(from);
        Names.Neuron target = names.neuron(to);
        assertEquals(target.layer() - 1, source.layer());
        assertEquals(new Names.Weight(target.layer(), target.index(), source.index()), names.weight(weight));
    }

    @Test
    void w6IsRowO1ColumnH2OfTheOutputMatrix() {
        assertEquals(new Names.Weight(2, 0, 1), names.weight("w6"));
        assertEquals(0.45, network.layer(2).weight(0, 1));
        assertEquals(0.45, network.get("w6"));
    }

    @Test
    void theForwardPassAddsUpTheLabelledWeights() {
        ForwardPass f = network.forward(mazur.sample());
        double i1 = f.get("out_i1");
        double i2 = f.get("out_i2");
        assertEquals(f.get("w1") * i1 + f.get("w2") * i2 + f.get("b1"), f.get("net_h1"), 1e-15);
        assertEquals(f.get("w3") * i1 + f.get("w4") * i2 + f.get("b1"), f.get("net_h2"), 1e-15);
        assertEquals(f.get("w5") * f.get("out_h1") + f.get("w6") * f.get("out_h2") + f.get("b2"), f.get("net_o1"), 1e-15);
        assertEquals(f.get("w7") * f.get("out_h1") + f.get("w8") * f.get("out_h2") + f.get("b2"), f.get("net_o2"), 1e-15);
    }

    @Test
    void deeperNetworkNamesItsHiddenNeuronsByLayerThenNeuron() {
        Names deepNames = deep.names();
        assertEquals(List.of("i1", "i2", "i3", "h1_1", "h1_2", "h1_3", "h1_4", "h2_1", "h2_2",
                "h3_1", "h3_2", "h3_3", "o1", "o2"), deepNames.neuronNames());
        assertThrows(IllegalArgumentException.class, () -> deepNames.neuron("h1"), "h1 is ambiguous");
        assertThrows(IllegalArgumentException.class, () -> names.neuron("h1_1"), "one hidden layer has no h1_1");
    }

    @Test
    void neuronNamesRoundTrip() {
        Names deepNames = deep.names();
        for (int l = 0; l <= deep.depth(); l++) {
            for (int j = 0; j < deep.size(l); j++) {
                assertEquals(new Names.Neuron(l, j), deepNames.neuron(deepNames.neuron(l, j)));
            }
        }
    }

    @Test
    void weightNamesRoundTripInRowMajorOrder() {
        Names deepNames = deep.names();
        List<String> inOrder = new ArrayList<>();
        for (int l = 1; l <= deep.depth(); l++) {
            for (int j = 0; j < deep.size(l); j++) {
                for (int k = 0; k < deep.size(l - 1); k++) {
                    String name = deepNames.weight(l, j, k);
                    assertEquals(new Names.Weight(l, j, k), deepNames.weight(name), name);
                    inOrder.add(name);
                }
            }
        }
        assertEquals(3 * 4 + 4 * 2 + 2 * 3 + 3 * 2, inOrder.size());
        assertEquals(deepNames.weightNames(), inOrder, "w1, w2, … layer by layer, neuron by neuron");
    }

    @Test
    void biasNamesRoundTrip() {
        Names deepNames = deep.names();
        assertEquals(List.of("b_h1_1", "b_h1_2", "b_h1_3", "b_h1_4", "b2", "b_o1", "b_o2"), deepNames.biasNames());
        assertEquals(new Names.BiasTerm(1, 2), deepNames.bias(deepNames.bias(1, 2)));
        assertEquals(new Names.BiasTerm(4, 1), deepNames.bias(deepNames.bias(4, 1)));
        assertEquals("b2", deepNames.bias(2, 0));
        assertEquals("b2", deepNames.bias(2, 1), "a shared bias has one name for the whole layer");
        assertThrows(IllegalArgumentException.class, () -> deepNames.bias(3, 0), "layer 3 has no bias");
    }

    @Test
    void parameterNamesAreTheWeightsThenTheBiases() {
        Names mazur = WorkedExample.mazur().network().names();
        assertEquals(List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b1", "b2"), mazur.parameterNames());
        List<String> deepParameters = deep.names().parameterNames();
        assertEquals(deep.names().weightNames(), deepParameters.subList(0, deep.names().weightNames().size()));
        assertEquals(deep.names().biasNames(),
                deepParameters.subList(deep.names().weightNames().size(), deepParameters.size()));
    }

    @Test
    void perNeuronBiasesAreNamedAfterTheirNeuron() {
        Network perNeuron = Network.withInputs(2).layer(2, Activation.SIGMOID).layer(2, Activation.SIGMOID).build();
        assertEquals(List.of("b_h1", "b_h2", "b_o1", "b_o2"), perNeuron.names().biasNames());
        perNeuron.set("b_h2", 0.7).set("b_o1", -0.2);
        assertEquals(0.0, perNeuron.layer(1).biasOf(0));
        assertEquals(0.7, perNeuron.layer(1).biasOf(1));
        assertEquals(-0.2, perNeuron.layer(2).biasOf(0));
        assertEquals(0.0, perNeuron.layer(2).biasOf(1));
    }

    @Test
    void settingTheSharedBiasB1SetsBothHiddenNeurons() {
        network.set("b1", 0.5);
        assertEquals(0.5, network.layer(1).biasOf(0));
        assertEquals(0.5, network.layer(1).biasOf(1));
        assertEquals(0.5, network.get("b1"));
        assertEquals(0.60, network.layer(2).biasOf(0), "b2 keeps its value");
        assertEquals(0.60, network.layer(2).biasOf(1), "b2 keeps its value");
    }

    @Test
    void partialsAndDeltasMayBeWrittenAsSuch() {
        BackwardPass backward = network.backward(network.forward(mazur.sample()));
        assertEquals(backward.weightGradient(2, 0, 1), backward.get("∂E/∂w6"));
        assertEquals(backward.weightGradient(2, 0, 1), backward.get("dE/dw6"));
        assertEquals(backward.delta(2, 0), backward.get("δ_o1"));
        assertEquals(backward.delta(2, 0), backward.get("delta_o1"));
        assertEquals(backward.delta(2, 0), backward.get("∂E/∂net_o1"));
        assertEquals(backward.outDerivative(1, 1), backward.get("∂out_h2/∂net_h2"));
        assertEquals(backward.biasGradient(1, 0), backward.get("∂E/∂b1"));
    }

    @Test
    void everyNameIsParsedInOnePlace() {
        Names names = network.names();
        assertEquals(new Names.Quantity(Names.Kind.NET, 1, 0, -1, null), names.quantity("net_h1"));
        assertEquals(new Names.Quantity(Names.Kind.OUT, 0, 1, -1, null), names.quantity("out_i2"));
        assertEquals(new Names.Quantity(Names.Kind.ERROR, 2, 1, -1, null), names.quantity("E_o2"));
        assertEquals(new Names.Quantity(Names.Kind.TARGET, 2, 0, -1, null), names.quantity("target_o1"));
        assertEquals(Names.Kind.TOTAL_ERROR, names.quantity("E_total").kind());
        assertEquals(new Names.Quantity(Names.Kind.WEIGHT, 2, 0, 0, null), names.quantity("w5"));
        assertEquals(new Names.Quantity(Names.Kind.BIAS, 1, 0, -1, null), names.quantity("b1"));
        assertEquals(new Names.Quantity(Names.Kind.OUT_GRADIENT, 1, 1, -1, null), names.quantity("∂E/∂out_h2"));
        assertEquals(new Names.Quantity(Names.Kind.OUT_DERIVATIVE, 2, 0, -1, null), names.quantity("dout_o1/dnet_o1"));
        assertEquals(new Names.Quantity(Names.Kind.DELTA, 2, 1, -1, null), names.quantity("δ_o2"));
        assertEquals(new Names.Quantity(Names.Kind.DELTA, 2, 1, -1, null), names.quantity("dE/dnet_o2"));
        assertEquals(new Names.Quantity(Names.Kind.WEIGHT_GRADIENT, 1, 1, 0, null), names.quantity("dE/dw3"));
        assertEquals(new Names.Quantity(Names.Kind.BIAS_GRADIENT, 2, 0, -1, null), names.quantity("dE/db2"));
        assertEquals(new Names.Quantity(Names.Kind.NET_BY_WEIGHT, 2, 0, 0, new Names.Neuron(2, 1)),
                names.quantity("dnet_o2/dw5"));
        assertEquals(new Names.Quantity(Names.Kind.OUTPUT_SHARE, 1, 0, -1, new Names.Neuron(2, 0)),
                names.quantity("∂E_o1/∂out_h1"));
        assertEquals(null, names.quantity("dout_o1/dnet_o2"), "two different neurons");
        assertEquals(null, names.quantity("speed_h1"));
        assertEquals(null, names.quantity(null));
        assertEquals("unknown neuron 'h3': expected one of [i1, i2, h1, h2, o1, o2]",
                assertThrows(IllegalArgumentException.class, () -> names.quantity("net_h3")).getMessage());
        assertEquals(new Names.Neuron(1, 1), names.quantity("delta_h2").neuron());
    }
}
