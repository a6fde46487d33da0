package org.backprop.nn;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What a classifier says about each of a set of samples, with its weights at one moment: the
 * class its output picks ({@link Evaluation}'s rule: the largest output, or with one output,
 * 1 from 0.5 on), that output's value (with a softmax output, the probability it gives its
 * pick), and the class of the sample's target. From these: the confusion matrix and the
 * samples it is most confidently wrong about.
 */
public final class Predictions {

    private final int classes;
    private final int[] predicted;
    private final int[] actual;
    private final double[] confidence;

    private Predictions(int classes, int[] predicted, int[] actual, double[] confidence) {
        this.classes = classes;
        this.predicted = predicted;
        this.actual = actual;
        this.confidence = confidence;
    }

    /** The network's prediction for every sample, computed in batches. */
    public static Predictions of(Network network, List<Sample> samples) {
        Require.present("network", network);
        network.checkSamples(samples);
        Backprop core = Evaluation.core(network, samples);
        int n = samples.size();
        int last = network.depth();
        int outputs = network.size(last);
        int[] predicted = new int[n];
        int[] actual = new int[n];
        double[] confidence = new double[n];
        core.forwardInBatches(network.layers(), network.loss(), samples, samples instanceof SampleRows r ? r : null,
                n, (from, m) -> {
                    for (int x = 0; x < m; x++) {
                        double[] out = core.out[last][x];
                        predicted[from + x] = Evaluation.classOf(out);
                        actual[from + x] = Evaluation.classOf(core.target[x]);
                        confidence[from + x] = outputs == 1 ? Math.max(out[0], 1 - out[0]) : out[predicted[from + x]];
                    }
                });
        return new Predictions(Math.max(2, outputs), predicted, actual, confidence);
    }

    /** The number of samples. */
    public int size() {
        return predicted.length;
    }

    /** The number of classes: the network's outputs, or 2 for one output. */
    public int classes() {
        return classes;
    }

    /** The class the network picks for sample x. */
    public int predicted(int x) {
        return predicted[Require.index("x", x, size(), "the samples")];
    }

    /** The class of sample x's target. */
    public int actual(int x) {
        return actual[Require.index("x", x, size(), "the samples")];
    }

    /** The output behind the pick: the largest output (with one output, it or 1 − it, whichever ≥ 0.5). */
    public double confidence(int x) {
        return confidence[Require.index("x", x, size(), "the samples")];
    }

    /** The fraction of samples whose pick is their class: the accuracy of {@link Evaluation}. */
    public double accuracy() {
        return (double) IntStream.range(0, size()).filter(x -> predicted[x] == actual[x]).count() / size();
    }

    /** Counts [actual class][predicted class]: the diagonal holds the right picks. */
    public int[][] confusion() {
        int[][] counts = new int[classes][classes];
        for (int x = 0; x < size(); x++) {
            counts[actual[x]][predicted[x]]++;
        }
        return counts;
    }

    /**
     * The indices of the (at most) {@code n} wrongly classified samples with the highest
     * confidence, highest first (ties: the lower index first).
     */
    public int[] mostConfidentlyWrong(int n) {
        Require.positive("n", n);
        return IntStream.range(0, size()).filter(x -> predicted[x] != actual[x]).boxed()
                .sorted((a, b) -> confidence[a] != confidence[b] ? Double.compare(confidence[b], confidence[a])
                        : Integer.compare(a, b))
                .limit(n).mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "Predictions[" + size() + " samples, " + classes + " classes, accuracy " + accuracy() + "]";
    }
}
