package org.backprop.nn;

import java.math.BigDecimal;
import java.util.Random;

/**
 * How a network's starting weights are drawn: {@link Network.Builder#initialized} and
 * {@link Network#initialized} draw every weight Wˡⱼₖ from one of these distributions, with
 * n_in the number of inputs of layer l and n_out its number of neurons.
 *
 * <p>Biases start at 0 under every strategy; set them by name ({@code set("b1", 0.35)}) to
 * start elsewhere. Weights are drawn layer by layer from layer 1, in each layer neuron by
 * neuron (row j) and within a neuron input by input (column k), from one {@link Random}, so
 * the same seed gives the same weights.
 */
public final class Initialization {

    /** One weight's draw for a layer with {@code inputs} inputs and {@code neurons} neurons. */
    private interface Draw {
        double next(Random random, int inputs, int neurons);
    }

    private final String label;
    private final Draw draw;

    private Initialization(String label, Draw draw) {
        this.label = label;
        this.draw = draw;
    }

    /**
     * Every weight the same: Wˡⱼₖ = value. The hidden neurons of a layer then compute the same out
     * and receive the same δ, so gradient descent never tells them apart — the symmetry that
     * random starting weights break (Rumelhart, Hinton &amp; Williams 1986, "Learning internal
     * representations by error propagation", in <i>Parallel Distributed Processing</i>, vol. 1,
     * ch. 8, 318–362).
     */
    public static Initialization constant(double value) {
        Require.finite("value", value);
        return new Initialization("constant " + number(value), (random, inputs, neurons) -> value);
    }

    /**
     * Wˡⱼₖ ~ U(low, high), uniform on [low, high): Wˡⱼₖ = low + (high − low)·u with u the next
     * {@link Random#nextDouble()} — the "small random weights" Rumelhart, Hinton &amp; Williams
     * (1986, ch. 8, see {@link #constant}) start from to break the symmetry.
     */
    public static Initialization uniform(double low, double high) {
        Require.finite("low", low);
        Require.finite("high", high);
        Require.greaterThan("high", high, "low", low);
        // A range wider than the largest double would draw infinite weights.
        Require.finite("high - low", high - low);
        return new Initialization("uniform [" + number(low) + ", " + number(high) + "]",
                (random, inputs, neurons) -> uniformDraw(random, low, high));
    }

    /**
     * Wˡⱼₖ ~ N(mean, standardDeviation²): Wˡⱼₖ = mean + standardDeviation·z with z the next
     * {@link Random#nextGaussian()}. LeCun, Bottou, Orr &amp; Müller (1998), "Efficient
     * BackProp", in <i>Neural Networks: Tricks of the Trade</i>, LNCS 1524, 9–50, §4.6, draw
     * weights with mean 0 and standard deviation 1/√n_in. Labelled {@code Gaussian (mean,
     * standardDeviation)}.
     */
    public static Initialization gaussian(double mean, double standardDeviation) {
        Require.finite("mean", mean);
        Require.positive("standardDeviation", standardDeviation);
        return new Initialization("Gaussian (" + number(mean) + ", " + number(standardDeviation) + ")",
                (random, inputs, neurons) -> mean + standardDeviation * random.nextGaussian());
    }

    /**
     * LeCun: Wˡⱼₖ ~ N(0, 1 / n_in), i.e. Wˡⱼₖ = z / √n_in with z the next
     * {@link Random#nextGaussian()}: the standard deviation 1/√n_in of LeCun, Bottou, Orr &amp;
     * Müller (1998, see {@link #gaussian}), layer by layer; it keeps every neuron's net input of
     * order 1 whatever its number of inputs. Nielsen's {@code network2.py} starts its weights this way.
     */
    public static Initialization lecun() {
        return new Initialization("LeCun", (random, inputs, neurons) -> random.nextGaussian() / Math.sqrt(inputs));
    }

    /**
     * Xavier/Glorot uniform: Wˡⱼₖ ~ U(−√(6 / (n_in + n_out)), +√(6 / (n_in + n_out))), which
     * keeps the variance of out and of δ about the same from layer to layer (Glorot &amp; Bengio
     * 2010, "Understanding the difficulty of training deep feedforward neural networks",
     * AISTATS, JMLR W&amp;CP 9, 249–256, eq. 16).
     */
    public static Initialization xavier() {
        return new Initialization("Xavier/Glorot", (random, inputs, neurons) -> {
            double bound = Math.sqrt(6.0 / (inputs + neurons));
            return uniformDraw(random, -bound, bound);
        });
    }

    /**
     * He: Wˡⱼₖ ~ N(0, 2 / n_in), i.e. Wˡⱼₖ = √(2 / n_in)·z with z the next
     * {@link Random#nextGaussian()}; the 2 makes up for a ReLU zeroing half of its inputs (He,
     * Zhang, Ren &amp; Sun 2015, "Delving Deep into Rectifiers: Surpassing Human-Level
     * Performance on ImageNet Classification", ICCV, 1026–1034, eq. 10).
     */
    public static Initialization he() {
        return new Initialization("He", (random, inputs, neurons) -> Math.sqrt(2.0 / inputs) * random.nextGaussian());
    }

    /**
     * Draws layer l's weights row by row: neuron j, then input k. A draw that is not a finite
     * number (a standard deviation near the largest double) is refused.
     */
    void draw(Random random, double[][] weights, int l) {
        int inputs = weights[0].length;
        for (int j = 0; j < weights.length; j++) {
            for (int k = 0; k < inputs; k++) {
                double weight = draw.next(random, inputs, weights.length);
                if (!Double.isFinite(weight)) {
                    throw new IllegalArgumentException("initialization " + label + " must draw finite weights, but "
                            + "drew " + weight + " for layer " + l + " (neuron " + j + ", input " + k
                            + "): expected parameters whose draws stay below " + Double.MAX_VALUE);
                }
                weights[j][k] = weight;
            }
        }
    }

    private static double uniformDraw(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /**
     * 0.5, -1, 0.1: the shortest decimal that reads back as the value, without a trailing ".0";
     * in powers of ten (1E+308) outside 10⁻⁶ … 10⁷.
     */
    private static String number(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        double size = Math.abs(value);
        return size != 0 && (size < 1e-6 || size >= 1e7) ? decimal.toString() : decimal.toPlainString();
    }

    /** A short label for a chart legend, e.g. {@code uniform [-1, 1]} or {@code Xavier/Glorot}. */
    @Override
    public String toString() {
        return label;
    }
}
