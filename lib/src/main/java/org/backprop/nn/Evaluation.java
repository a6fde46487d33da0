package org.backprop.nn;

import java.util.List;

/**
 * How well a network does on a set of samples, with its weights at one moment: the mean error
 * Ē = (1/n) Σₓ E_total(x) and the accuracy, the fraction of samples whose output picks the
 * target's class — the largest output is the largest target (ties: the first), or, with one
 * output, the output is on the same side of 0.5 as the target.
 *
 * @param samples   n, the number of samples evaluated
 * @param meanError Ē, added sample by sample in the samples' order
 * @param accuracy  the fraction of samples classified right, 0 … 1
 */
public record Evaluation(int samples, double meanError, double accuracy) {

    /** Samples per forward pass: large enough to be fast, small enough to need little memory. */
    static final int BATCH = 256;

    static Evaluation of(Network network, List<Sample> samples) {
        return of(network, samples, core(network, samples));
    }

    /** Buffers for evaluating {@code network} on {@code samples}, to be reused. */
    static Backprop core(Network network, List<Sample> samples) {
        return new Backprop(network.sizes(), Math.min(BATCH, samples.size()));
    }

    static Evaluation of(Network network, List<Sample> samples, Backprop core) {
        int n = samples.size();
        int last = network.depth();
        double[] errorSum = {0};
        int[] right = {0};
        core.forwardInBatches(network.layers(), network.loss(), samples, samples instanceof SampleRows r ? r : null,
                n, (from, m) -> {
                    for (int x = 0; x < m; x++) {
                        errorSum[0] += core.totalError[x];
                        right[0] += sameClass(core.out[last][x], core.target[x]) ? 1 : 0;
                    }
                });
        return new Evaluation(n, errorSum[0] / n, (double) right[0] / n);
    }

    private static boolean sameClass(double[] out, double[] target) {
        return classOf(out) == classOf(target);
    }

    /**
     * The class an output (or a target) picks: the index of its largest value (ties: the first),
     * or, with one value, 1 if it is at least 0.5, else 0.
     */
    static int classOf(double[] values) {
        if (values.length == 1) {
            return values[0] >= 0.5 ? 1 : 0;
        }
        int largest = 0;
        for (int j = 1; j < values.length; j++) {
            if (values[j] > values[largest]) {
                largest = j;
            }
        }
        return largest;
    }
}
