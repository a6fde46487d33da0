package org.backprop.exercise;

/**
 * A wrong answer students are known to give, computed from the same network as the right one,
 * and what it tells: the step that went wrong and how to put it right.
 *
 * @param value     the value that mistake gives
 * @param diagnosis what went wrong, in one or two sentences
 */
public record Mistake(double value, String diagnosis) {

    public Mistake {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite (a mistake a student can make), but was " + value);
        }
        if (diagnosis == null || diagnosis.isBlank()) {
            throw new IllegalArgumentException("diagnosis must say what went wrong, but was "
                    + (diagnosis == null ? "null" : "blank"));
        }
    }
}
