package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.data.WorkedExample;
import org.junit.jupiter.api.Test;

/** What one step of gradient descent does to the weights, and what a training run records. */
class GradientDescentTest {

    private static final double ETA = 0.5;
    private static final double TOLERANCE = 1e-14;

    private final GradientDescent descent = GradientDescent.withLearningRate(ETA);
    /** Three layers with a bias per neuron, so the hidden layers are reached through two revised layers. */
    private final Network network = Network.withInputs(3)
            .layer(4, Activation.TANH)
            .layer(3, Activation.SIGMOID)
            .layer(2, Activation.SIGMOID)
            .randomized(7);
    private final Sample sample = new Sample(new double[] {0.3, -0.8, 0.5}, new double[] {0.1, 0.9});

    /** Every weight and bias by name. */
    private static Map<String, Double> parameters(Network network) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String name : network.names().weightNames()) {
            values.put(name, network.get(name));
        }
        for (String name : network.names().biasNames()) {
            values.put(name, network.get(name));
        }
        return values;
    }

    @Test
    void textbookMovesEveryWeightAgainstItsGradientAtTheOldWeights() {
        Map<String, Double> old = parameters(network);
        BackwardPass gradients = network.backward(network.forward(sample));

        BackwardPass used = descent.withRule(UpdateRule.TEXTBOOK).step(network, sample);

        for (String name : old.keySet()) {
            double gradient = gradients.get("dE/d" + name);
            assertEquals(gradient, used.get("dE/d" + name), name + ": the step's gradient");
            assertEquals(old.get(name) - ETA * gradient, network.get(name), TOLERANCE, name);
        }
    }

    /**
     * Layer by layer, written out: from the output back, δ = ∂E/∂out ⊙ f′(net), the layer moves by
     * −η·δ·outᵀ at once, and ∂E/∂out of the layer below is carried back through the moved weights.
     */
    @Test
    void layerByLayerCarriesTheErrorBackThroughTheRevisedWeights() {
        ForwardPass forward = network.forward(sample);
        Names names = network.names();
        Map<String, Double> expected = new LinkedHashMap<>();
        Map<String, Double> expectedDeltas = new LinkedHashMap<>();
        double[] dEdOut = new double[network.size(network.depth())];
        for (int j = 0; j < dEdOut.length; j++) {
            dEdOut[j] = -(sample.target()[j] - forward.out(network.depth(), j));
        }
        for (int l = network.depth(); l >= 1; l--) {
            Layer layer = forward.layer(l);
            double[] below = new double[layer.inputs()];
            for (int j = 0; j < layer.size(); j++) {
                double delta = dEdOut[j] * layer.activation().derivative(forward.net(l, j), forward.out(l, j));
                expectedDeltas.put("delta_" + names.neuron(l, j), delta);
                expected.put(names.bias(l, j), layer.biasOf(j) - ETA * delta);
                for (int k = 0; k < layer.inputs(); k++) {
                    double revised = layer.weight(j, k) - ETA * delta * forward.out(l - 1, k);
                    expected.put(names.weight(l, j, k), revised);
                    below[k] += revised * delta;
                }
            }
            dEdOut = below;
        }
        Network textbook = network.copy();
        descent.step(textbook, sample);

        BackwardPass used = descent.withRule(UpdateRule.LAYER_BY_LAYER).step(network, sample);

        expected.forEach((name, value) -> assertEquals(value, network.get(name), TOLERANCE, name));
        expectedDeltas.forEach((name, value) -> assertEquals(value, used.get(name), TOLERANCE, name));
        assertArrayEquals(textbook.layer(3).weights().getData(), network.layer(3).weights().getData(),
                "the output layer moves as in the textbook");
        assertNotEquals(textbook.get("w1"), network.get("w1"), "the first layer does not");
    }

    @Test
    void freezingBiasesKeepsThem() {
        Map<String, Double> old = parameters(network);
        descent.freezingBiases().step(network, sample);
        for (String bias : network.names().biasNames()) {
            assertEquals(old.get(bias), network.get(bias), bias);
        }
        assertNotEquals(old.get("w1"), network.get("w1"), "the weights still learn");
    }

    @Test
    void updatingBiasesMovesEachAgainstItsNeuronsDelta() {
        Map<String, Double> old = parameters(network);
        BackwardPass gradients = network.backward(network.forward(sample));
        descent.freezingBiases().updatingBiases().step(network, sample);
        for (String bias : network.names().biasNames()) {
            double delta = gradients.get("delta_" + bias.substring("b_".length()));
            assertEquals(old.get(bias) - ETA * delta, network.get(bias), TOLERANCE, bias);
        }
    }

    @Test
    void updatingASharedBiasMovesItAgainstTheSumOfItsLayersDeltas() {
        WorkedExample mazur = WorkedExample.mazur();
        Network shared = mazur.network();
        BackwardPass gradients = shared.backward(shared.forward(mazur.sample()));
        double hiddenDeltas = gradients.get("delta_h1") + gradients.get("delta_h2");
        double outputDeltas = gradients.get("delta_o1") + gradients.get("delta_o2");

        GradientDescent updating = mazur.descent().updatingBiases();
        updating.step(shared, mazur.sample());

        assertEquals(0.35 - updating.learningRate() * hiddenDeltas, shared.get("b1"), TOLERANCE);
        assertEquals(0.60 - updating.learningRate() * outputDeltas, shared.get("b2"), TOLERANCE);
        assertEquals(shared.layer(1).biasOf(0), shared.layer(1).biasOf(1), "b1 stays one bias");
    }

    @Test
    void errorsAreTheStartErrorThenAFreshForwardPassAfterEachStep() {
        Network stepped = network.copy();
        double start = network.forward(sample).totalError();

        TrainingHistory history = descent.train(network, sample, 5);

        assertEquals(5, history.iterations());
        assertEquals(6, history.errors().length);
        assertEquals(start, history.errors()[0]);
        for (int k = 1; k <= 5; k++) {
            descent.step(stepped, sample);
            assertEquals(stepped.forward(sample).totalError(), history.error(k), "error(" + k + ")");
        }
        assertEquals(network.forward(sample).totalError(), history.end().totalError());
        assertEquals(history.error(5), history.end().totalError());
    }

    @Test
    void snapshotsHoldExactlyTheFirstIterations() {
        TrainingHistory history = descent.train(network, sample, 10, 3);

        assertEquals(List.of(1, 2, 3), history.snapshots().stream().map(TrainingHistory.Iteration::number).toList());
        assertThrows(IllegalArgumentException.class, () -> history.snapshot(4));
        assertThrows(IllegalArgumentException.class, () -> history.snapshot(0));
        assertEquals(2, descent.train(network.copy(), sample, 2, 5).snapshots().size(), "no more than ran");
    }

    @Test
    void eachSnapshotGoesFromItsGradientsToTheNextWeights() {
        TrainingHistory history = descent.train(network, sample, 10, 3);

        for (int k = 1; k <= 3; k++) {
            TrainingHistory.Iteration iteration = history.snapshot(k);
            assertEquals(history.error(k - 1), iteration.before().totalError(), "before " + k);
            assertEquals(history.error(k), iteration.after().totalError(), "after " + k);
            BackwardPass fresh = network.backward(iteration.before());
            for (String name : parameters(network).keySet()) {
                double gradient = iteration.gradients().get("dE/d" + name);
                assertEquals(fresh.get("dE/d" + name), gradient, name + " in iteration " + k);
                assertEquals(iteration.before().get(name) - ETA * gradient, iteration.after().get(name), TOLERANCE,
                        name + " in iteration " + k);
            }
        }
    }

    @Test
    void keepingSnapshotsDoesNotChangeTheErrors() {
        double[] without = descent.train(network.copy(), sample, 50).errors();
        double[] with = descent.train(network.copy(), sample, 50, 50).errors();
        assertArrayEquals(without, with);
    }

    @Test
    void trainingACopyLeavesTheOriginalAlone() {
        Map<String, Double> original = parameters(network);
        Network copy = network.copy();

        descent.train(copy, sample, 20);

        assertEquals(original, parameters(network));
        assertNotEquals(original, parameters(copy));
    }

    @Test
    void theDescentSaysWhatAParameterBecomes() {
        WorkedExample mazur = WorkedExample.mazur();
        Network network = mazur.network();
        BackwardPass backward = network.backward(network.forward(mazur.sample()));
        GradientDescent frozen = mazur.descent();
        assertEquals(0.35891648, frozen.updated(backward, "w5"), 5e-9);
        assertEquals(0.149780716, frozen.updated(backward, "w1"), 5e-10);
        assertEquals(0.60, frozen.updated(backward, "b2"), "a frozen bias keeps its value");
        GradientDescent learning = frozen.updatingBiases();
        assertEquals(0.60 - 0.5 * backward.get("dE/db2"), learning.updated(backward, "b2"));
        Network stepped = network.copy();
        learning.step(stepped, mazur.sample());
        for (String parameter : network.names().parameterNames()) {
            assertEquals(stepped.get(parameter), learning.updated(backward, parameter), parameter);
        }
    }
}
