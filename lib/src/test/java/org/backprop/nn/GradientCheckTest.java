package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.backprop.data.WorkedExample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader's recipe (COURSE.md, question 8): nudge one weight, re-run the network, measure
 * how E_total changes. Backpropagation must give the same slope, to a relative error of 10⁻⁶, for
 * every weight and every bias, whatever the shape, activation, kind of bias or loss.
 *
 * <p>The slope is measured with central differences D(h) = (E(w + h) − E(w − h)) / 2h. A single
 * one cannot be trusted to 10⁻⁶: E is only known to about 10⁻¹⁶, so D(10⁻⁶) is off by about
 * 10⁻¹⁰ — more than 10⁻⁶ of the tiny gradients deep sigmoid networks have — while a bigger h lets
 * the h² term of D's error grow. Richardson's extrapolation (4·D(h/2) − D(h)) / 3 cancels the h²
 * term, so h can be large enough for rounding not to matter.
 */
class GradientCheckTest {

    private static final double H = 2e-3;
    private static final double MAX_RELATIVE_ERROR = 1e-6;
    /**
     * Below this, a gradient counts as zero: the relative error is measured against it instead.
     * Rounding leaves the extrapolation off by up to about 10⁻¹² (10⁻¹⁶·E_total / h, E_total up to
     * a few), 10⁻⁶ of this; leaky ReLUs on their 0.01 side easily make gradients that small.
     */
    private static final double FLOOR = 1e-6;
    /** The nudges the finite differences make to each weight and bias. */
    private static final double[] NUDGES = {H, H / 2, -H / 2, -H};
    /** Activations with a kink at net = 0, where the slope jumps: no nudge may carry a net across it. */
    private static final Set<Activation> KINKED = EnumSet.of(Activation.RELU, Activation.LEAKY_RELU);
    private static final long[] SEEDS = {1, 2, 3, 4, 5};
    /** The activations allowed in every layer: all but softmax, which only an output layer may have. */
    private static final Activation[] ELEMENTWISE = EnumSet.complementOf(EnumSet.of(Activation.SOFTMAX))
            .toArray(new Activation[0]);

    static Stream<Arguments> activationsAndBiases() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation activation : ELEMENTWISE) {
            for (Bias bias : Bias.values()) {
                for (long seed : SEEDS) {
                    cases.add(Arguments.of(activation, bias, seed));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, bias {1}, seed {2}")
    @MethodSource("activationsAndBiases")
    void everyLayerAlike(Activation activation, Bias bias, long seed) {
        Random random = new Random(seed);
        Network.Builder builder = Network.withInputs(1 + random.nextInt(5));
        int depth = 1 + random.nextInt(4);
        for (int l = 1; l <= depth; l++) {
            builder.layer(1 + random.nextInt(5), activation, bias);
        }
        assertBackpropEqualsFiniteDifferences(builder.randomized(seed), random);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("mixedSeeds")
    void layersMixed(long seed) {
        Random random = new Random(seed);
        Network.Builder builder = Network.withInputs(1 + random.nextInt(5));
        int depth = 2 + random.nextInt(3);
        for (int l = 1; l <= depth; l++) {
            builder.layer(1 + random.nextInt(5), pick(ELEMENTWISE, random), pick(Bias.values(), random));
        }
        assertBackpropEqualsFiniteDifferences(builder.randomized(seed), random);
    }

    static Stream<Arguments> outputsAndLosses() {
        List<Arguments> cases = new ArrayList<>();
        for (long seed : SEEDS) {
            for (Activation output : Activation.values()) {
                cases.add(Arguments.of(output, Loss.SQUARED_ERROR, seed));
            }
            cases.add(Arguments.of(Activation.SOFTMAX, Loss.CROSS_ENTROPY, seed));
            cases.add(Arguments.of(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY, seed));
        }
        return cases.stream();
    }

    /** Every output activation under squared error, and each cross-entropy with its own activation. */
    @ParameterizedTest(name = "{0} output, {1}, seed {2}")
    @MethodSource("outputsAndLosses")
    void everyOutputAndLoss(Activation output, Loss loss, long seed) {
        Random random = new Random(seed);
        Network.Builder builder = Network.withInputs(1 + random.nextInt(5));
        int depth = 1 + random.nextInt(3);
        for (int l = 1; l < depth; l++) {
            builder.layer(1 + random.nextInt(5), pick(ELEMENTWISE, random), pick(Bias.values(), random));
        }
        builder.layer(2 + random.nextInt(4), output, pick(Bias.values(), random)).loss(loss);
        assertBackpropEqualsFiniteDifferences(builder.randomized(seed), random);
    }

    static Stream<Long> mixedSeeds() {
        return Stream.iterate(100L, seed -> seed + 1).limit(20);
    }

    static Stream<Arguments> initializationsAndSeeds() {
        Initialization[] initializations = {Initialization.constant(0.5), Initialization.uniform(-1, 1),
            Initialization.gaussian(0, 0.5), Initialization.xavier(), Initialization.he()};
        List<Arguments> cases = new ArrayList<>();
        for (Initialization initialization : initializations) {
            for (long seed : SEEDS) {
                cases.add(Arguments.of(initialization, seed));
            }
        }
        return cases.stream();
    }

    /**
     * Both ways of initializing, from the builder and from a built network, for a network with
     * every activation and every kind of bias. Constant weights give the hidden neurons of a layer
     * the same gradient, which must still be the right one.
     */
    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("initializationsAndSeeds")
    void initialized(Initialization initialization, long seed) {
        Network.Builder builder = Network.withInputs(3)
                .layer(4, Activation.RELU, Bias.PER_NEURON)
                .layer(4, Activation.LEAKY_RELU, Bias.SHARED)
                .layer(3, Activation.TANH, Bias.NONE)
                .layer(3, Activation.SIGMOID, Bias.PER_NEURON)
                .layer(2, Activation.IDENTITY, Bias.SHARED);
        Random random = new Random(seed);
        assertBackpropEqualsFiniteDifferences(builder.initialized(initialization, seed), random);
        assertBackpropEqualsFiniteDifferences(builder.randomized(seed).initialized(initialization, seed + 1), random);
    }

    private static void assertBackpropEqualsFiniteDifferences(Network network, Random random) {
        List<String> parameters = new ArrayList<>(network.names().weightNames());
        parameters.addAll(network.names().biasNames());
        Sample sample = sampleAwayFromKinks(network, parameters, random);
        BackwardPass backward = network.backward(network.forward(sample));
        List<Executable> checks = new ArrayList<>();
        for (String name : parameters) {
            double backprop = backward.get("dE/d" + name);
            double numeric = finiteDifference(network, sample, name);
            double error = relativeError(backprop, numeric);
            checks.add(() -> assertTrue(error <= MAX_RELATIVE_ERROR, () -> network + ", " + name
                    + ": backprop " + backprop + ", finite difference " + numeric + ", relative error " + error));
        }
        assertAll(checks);
    }

    /** Richardson's extrapolation of central differences: (4·D(h/2) − D(h)) / 3. */
    private static double finiteDifference(Network network, Sample sample, String name) {
        return (4 * centralDifference(network, sample, name, H / 2) - centralDifference(network, sample, name, H)) / 3;
    }

    /** D(h) = (E(w + h) − E(w − h)) / 2h. */
    private static double centralDifference(Network network, Sample sample, String name, double h) {
        double w = network.get(name);
        double plus = nudged(network, name, h).forward(sample).totalError();
        double minus = nudged(network, name, -h).forward(sample).totalError();
        return (plus - minus) / ((w + h) - (w - h));
    }

    /** A copy of the network with one weight or bias moved by h, through its public name. */
    private static Network nudged(Network network, String name, double h) {
        return network.copy().set(name, network.get(name) + h);
    }

    private static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), FLOOR);
    }

    /**
     * Random inputs in [−1, 1] and targets the loss takes (in [−1, 1]; in [0, 1] for a
     * cross-entropy, adding up to 1 for the categorical one), drawn until no nudge carries the net of a (leaky)
     * ReLU across its kink. Biases of 0 and small weights can keep a net close to 0 for every
     * input, so the nudged networks themselves are asked which side of 0 each net lies on.
     */
    private static Sample sampleAwayFromKinks(Network network, List<String> parameters, Random random) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            Sample sample = new Sample(uniform(network.size(0), random), target(network, random));
            if (noNudgeCrossesAKink(network, parameters, sample)) {
                return sample;
            }
        }
        return fail("every input lets a nudge carry a (leaky) ReLU of " + network + " across its kink");
    }

    private static boolean noNudgeCrossesAKink(Network network, List<String> parameters, Sample sample) {
        List<Integer> sides = kinkSides(network.forward(sample));
        for (String name : parameters) {
            for (double h : NUDGES) {
                if (!sides.equals(kinkSides(nudged(network, name, h).forward(sample)))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Mazur's backprop gradients, by parameter name, as another engine would hand them over. */
    private static Map<String, Double> backpropGradients(Network network, Sample sample) {
        BackwardPass backward = network.backward(network.forward(sample));
        Map<String, Double> gradients = new LinkedHashMap<>();
        for (String parameter : network.names().parameterNames()) {
            gradients.put(parameter, backward.get("dE/d" + parameter));
        }
        return gradients;
    }

    @Test
    void gradientsComputedElsewhereAreCheckedLikeBackpropagation() {
        WorkedExample mazur = WorkedExample.mazur();
        Network network = mazur.network();
        NumericalGradient central = NumericalGradient.central(1e-5);
        Map<String, Double> gradients = backpropGradients(network, mazur.sample());
        GradientCheck own = GradientCheck.of(network, mazur.sample(), central);

        assertEquals(own.rows(), GradientCheck.of(network, mazur.sample(), central, gradients).rows());

        Map<String, Double> shuffled = new HashMap<>(gradients);
        shuffled.put("b1", gradients.get("b1") / 2);
        GradientCheck halved = GradientCheck.of(network, mazur.sample(), central, shuffled);
        assertEquals(network.names().parameterNames(), halved.rows().stream().map(GradientCheck.Row::parameter)
                .toList(), "rows in the network's order, whatever the map's");
        assertEquals(0.5, halved.relativeError("b1"), 1e-8, "half of ∂E/∂b1 is off by half");
    }

    @Test
    void gradientsBelowTheFloorOnBothSidesAreZeroToRounding() {
        // The ReLU network of notebook 07 with net_h1 on the kink: ∂E/∂w5 and ∂E/∂w7 are 0 to
        // rounding in the backward pass (about 10⁻¹⁹) and exactly 0 in the central difference.
        WorkedExample mazur = WorkedExample.mazur();
        Network relu = mazur.network().withHiddenActivation(Activation.RELU).set("b1", -0.0275);
        NumericalGradient central = NumericalGradient.central(1e-5);
        Map<String, Double> gradients = backpropGradients(relu, mazur.sample());
        GradientCheck check = GradientCheck.of(relu, mazur.sample(), central);
        assertTrue(Math.abs(gradients.get("w5")) < GradientCheck.ZERO && gradients.get("w5") != 0,
                "backprop's ∂E/∂w5 is rounding: " + gradients.get("w5"));
        assertEquals(0, check.relativeError("w5"), "both sides below the floor");
        assertEquals(0, check.relativeError("w7"), "both sides below the floor");

        Map<String, Double> justAbove = new LinkedHashMap<>(gradients);
        justAbove.put("w5", 2 * GradientCheck.ZERO);
        assertEquals(1, GradientCheck.of(relu, mazur.sample(), central, justAbove).relativeError("w5"),
                "one side above the floor, the other 0: all of it is error");
        Map<String, Double> justBelow = new LinkedHashMap<>(gradients);
        justBelow.put("w5", 0.5 * GradientCheck.ZERO);
        assertEquals(0, GradientCheck.of(relu, mazur.sample(), central, justBelow).relativeError("w5"));
    }

    @Test
    void gradientsComputedElsewhereMustNameEveryParameterOnce() {
        WorkedExample mazur = WorkedExample.mazur();
        Network network = mazur.network();
        Sample sample = mazur.sample();
        NumericalGradient central = NumericalGradient.central(1e-5);
        Map<String, Double> gradients = backpropGradients(network, sample);
        String parameters = "[w1, w2, w3, w4, w5, w6, w7, w8, b1, b2]";

        Map<String, Double> missing = new LinkedHashMap<>(gradients);
        missing.remove("b2");
        rejected("gradients must hold ∂E/∂w for every weight and bias of the network " + parameters
                + ", but lacked [b2]", () -> GradientCheck.of(network, sample, central, missing));
        Map<String, Double> extra = new LinkedHashMap<>(gradients);
        extra.put("i1", 0.1);
        rejected("gradients must hold only weights and biases of the network " + parameters
                + ", but also held [i1]", () -> GradientCheck.of(network, sample, central, extra));
        Map<String, Double> nan = new LinkedHashMap<>(gradients);
        nan.put("w5", Double.NaN);
        rejected("gradients['w5'] must be a finite number, but was NaN",
                () -> GradientCheck.of(network, sample, central, nan));
        Map<String, Double> absent = new LinkedHashMap<>(gradients);
        absent.put("w5", null);
        rejected("gradients['w5'] must not be null", () -> GradientCheck.of(network, sample, central, absent));
        rejected("gradients must not be null", () -> GradientCheck.of(network, sample, central, null));
        rejected("network must not be null", () -> GradientCheck.of(null, sample, central, gradients));
    }

    private static void rejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    /**
     * The sign of each (leaky) ReLU's net, −1, 0 or 1. A net that stays exactly 0 under every
     * nudge (no bias, a dead layer before it) keeps its slope, so it does no harm.
     */
    private static List<Integer> kinkSides(ForwardPass forward) {
        List<Integer> sides = new ArrayList<>();
        for (int l = 1; l <= forward.depth(); l++) {
            if (KINKED.contains(forward.layer(l).activation())) {
                for (int j = 0; j < forward.layer(l).size(); j++) {
                    sides.add((int) Math.signum(forward.net(l, j)));
                }
            }
        }
        return sides;
    }

    private static double[] target(Network network, Random random) {
        int n = network.size(network.depth());
        double[] target = uniform(n, random);
        if (network.loss() == Loss.SQUARED_ERROR) {
            return target;
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            target[j] = Math.abs(target[j]);
            sum += target[j];
        }
        for (int j = 0; j < n && network.loss() == Loss.CROSS_ENTROPY; j++) {
            target[j] /= sum;
        }
        return target;
    }

    private static double[] uniform(int n, Random random) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = 2 * random.nextDouble() - 1;
        }
        return values;
    }

    private static <T> T pick(T[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
