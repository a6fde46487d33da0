package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader's recipe (COURSE.md, question 8): nudge one weight, re-run the network, measure
 * how E_total changes. Backpropagation must give the same slope, to a relative error of 10⁻⁶, for
 * every weight and every bias, whatever the shape, activation or kind of bias.
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
    /** Below this, a gradient counts as zero: the relative error is measured against it instead. */
    private static final double FLOOR = 1e-8;
    /** ReLU has a kink at net = 0; keeping every |net| above this, no nudge crosses it. */
    private static final double KINK_MARGIN = 10 * H;
    private static final long[] SEEDS = {1, 2, 3, 4, 5};

    static Stream<Arguments> activationsAndBiases() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation activation : Activation.values()) {
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
            builder.layer(1 + random.nextInt(5), pick(Activation.values(), random), pick(Bias.values(), random));
        }
        assertBackpropEqualsFiniteDifferences(builder.randomized(seed), random);
    }

    static Stream<Long> mixedSeeds() {
        return Stream.iterate(100L, seed -> seed + 1).limit(20);
    }

    private static void assertBackpropEqualsFiniteDifferences(Network network, Random random) {
        Sample sample = sampleAwayFromKinks(network, random);
        BackwardPass backward = network.backward(network.forward(sample));
        List<String> parameters = new ArrayList<>(network.names().weightNames());
        parameters.addAll(network.names().biasNames());
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

    /** D(h) = (E(w + h) − E(w − h)) / 2h, nudging copies of the network through its public names. */
    private static double centralDifference(Network network, Sample sample, String name, double h) {
        double w = network.get(name);
        double plus = network.copy().set(name, w + h).forward(sample).totalError();
        double minus = network.copy().set(name, w - h).forward(sample).totalError();
        return (plus - minus) / ((w + h) - (w - h));
    }

    private static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), FLOOR);
    }

    /** Random inputs and targets in [−1, 1], drawn until no nudge can carry a ReLU across its kink. */
    private static Sample sampleAwayFromKinks(Network network, Random random) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            Sample sample = new Sample(uniform(network.size(0), random), uniform(network.size(network.depth()), random));
            if (awayFromKinks(network.forward(sample))) {
                return sample;
            }
        }
        return fail("no input keeps the ReLUs of " + network + " away from their kinks");
    }

    private static boolean awayFromKinks(ForwardPass forward) {
        for (int l = 1; l <= forward.depth(); l++) {
            for (int j = 0; j < forward.layer(l).size(); j++) {
                if (nearKink(forward, l, j)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A ReLU whose net input is within the margin of 0 — unless it is pinned there: without a bias
     * and with every input exactly 0 (a dead layer before it), its net stays exactly 0 under any nudge.
     */
    private static boolean nearKink(ForwardPass forward, int l, int j) {
        Layer layer = forward.layer(l);
        boolean pinned = layer.bias() == Bias.NONE && CommonOps_DDRM.elementMaxAbs(forward.outVector(l - 1)) == 0;
        return layer.activation() == Activation.RELU && Math.abs(forward.net(l, j)) < KINK_MARGIN && !pinned;
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
