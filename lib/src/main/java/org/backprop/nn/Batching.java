package org.backprop.nn;

/**
 * How many samples each weight update looks at, when training on a data set of n samples.
 *
 * <ul>
 *   <li>{@link #FULL}: one update per epoch with the gradient averaged over all n samples
 *       ("accumulate over all samples", batch gradient descent);</li>
 *   <li>{@link #PER_SAMPLE}: one update per sample, n per epoch ("frame-wise", online or
 *       stochastic gradient descent);</li>
 *   <li>{@link #miniBatches(int) miniBatches(m)}: one update per m samples, averaged over them;
 *       the last batch of an epoch holds the n mod m left over, if any.</li>
 * </ul>
 * An update over a batch B of m samples is w ← w − η · (1/m) Σ_{x∈B} ∂E_x/∂w (Nielsen's
 * update rule, eq. 20–21 of chapter 1): averaging, not summing, keeps one learning rate
 * meaningful for every batch size.
 */
public final class Batching {

    /** Every sample in one batch: one update per epoch. */
    public static final Batching FULL = new Batching(0);

    /** One sample per batch: one update per sample. */
    public static final Batching PER_SAMPLE = new Batching(1);

    private final int size;

    private Batching(int size) {
        this.size = size;
    }

    /** Batches of {@code size} samples; {@code miniBatches(1)} is {@link #PER_SAMPLE}. */
    public static Batching miniBatches(int size) {
        Require.positive("size", size);
        return size == 1 ? PER_SAMPLE : new Batching(size);
    }

    /**
     * The number of samples per batch for a data set of {@code samples} samples. Mini-batches
     * larger than the data set are refused: they would be one full batch labelled as something else.
     */
    int size(int samples) {
        if (size > samples) {
            throw new IllegalArgumentException("batching (" + this + ") must fit the data set: expected a batch "
                    + "size of at most its " + samples + " samples (Batching.FULL for one batch of them all), but was "
                    + size);
        }
        return size == 0 ? samples : size;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Batching that && size == that.size;
    }

    @Override
    public int hashCode() {
        return size;
    }

    /** "full batch", "per sample" or "mini-batches of m". */
    @Override
    public String toString() {
        return switch (size) {
            case 0 -> "full batch";
            case 1 -> "per sample";
            default -> "mini-batches of " + size;
        };
    }
}
