package org.backprop.nn;

/**
 * The learning rate of each epoch, η_e for e = 1, 2, …, from the descent's learning rate η: set
 * once per epoch (per iteration, on one sample), whatever the optimizer.
 *
 * <p>Immutable; compare with {@code equals}.
 */
public final class LearningRateSchedule {

    private enum Kind { CONSTANT, STEP_DECAY, INVERSE_TIME }

    private static final LearningRateSchedule CONSTANT = new LearningRateSchedule(Kind.CONSTANT, 1, 1);

    private final Kind kind;
    private final double factor;
    private final int epochs;

    private LearningRateSchedule(Kind kind, double factor, int epochs) {
        this.kind = kind;
        this.factor = factor;
        this.epochs = epochs;
    }

    /** η_e = η in every epoch. */
    public static LearningRateSchedule constant() {
        return CONSTANT;
    }

    /**
     * Step decay: η_e = η · factorᵏ with k = ⌊(e − 1) / epochs⌋, the rate multiplied by
     * {@code factor} (0 &lt; factor ≤ 1) after every {@code epochs} epochs.
     */
    public static LearningRateSchedule stepDecay(double factor, int epochs) {
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("factor must be greater than 0 and at most 1, but was " + factor);
        }
        return new LearningRateSchedule(Kind.STEP_DECAY, factor, Require.positive("epochs", epochs));
    }

    /** 1/t decay: η_e = η / (1 + decay · (e − 1)), decay &gt; 0. */
    public static LearningRateSchedule inverseTime(double decay) {
        return new LearningRateSchedule(Kind.INVERSE_TIME, Require.positive("decay", decay), 1);
    }

    /** η_e, the rate of epoch e ≥ 1 for a descent with learning rate η. */
    public double rate(double learningRate, int epoch) {
        Require.positive("learningRate", learningRate);
        Require.positive("epoch", epoch);
        return switch (kind) {
            case CONSTANT -> learningRate;
            case STEP_DECAY -> learningRate * Math.pow(factor, (epoch - 1) / epochs);
            case INVERSE_TIME -> learningRate / (1 + factor * (epoch - 1));
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LearningRateSchedule that && kind == that.kind
                && Double.compare(factor, that.factor) == 0 && epochs == that.epochs;
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + Double.hashCode(factor)) * 31 + epochs;
    }

    /** "constant", "step decay ×0.5 every 2 epochs" or "1/t decay 0.5". */
    @Override
    public String toString() {
        return switch (kind) {
            case CONSTANT -> "constant";
            case STEP_DECAY -> "step decay ×" + factor + " every " + epochs + (epochs == 1 ? " epoch" : " epochs");
            case INVERSE_TIME -> "1/t decay " + factor;
        };
    }
}
