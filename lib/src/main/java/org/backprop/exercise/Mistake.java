package org.backprop.exercise;

import java.util.List;

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

    /**
     * Adds the slip that gives {@code value} to {@code mistakes}, the catalogue of an exercise
     * whose answer is {@code answer}: not when {@code value} is not finite (the slip cannot be
     * made on this network) or is the answer (to the 12 significant digits a check takes as
     * right); where it is the value of a mistake already listed, that one's diagnosis gains this
     * one's after "Or:", for the same number can come from either slip.
     */
    static void addTo(List<Mistake> mistakes, double answer, double value, String diagnosis) {
        if (!Double.isFinite(value) || Exercise.agree(value, answer, Exercise.RIGHT_DIGITS)) {
            return;
        }
        for (int m = 0; m < mistakes.size(); m++) {
            Mistake mistake = mistakes.get(m);
            if (Exercise.agree(value, mistake.value(), Exercise.RIGHT_DIGITS)
                    || Exercise.agree(mistake.value(), value, Exercise.RIGHT_DIGITS)) {
                if (!mistake.diagnosis().contains(diagnosis)) {
                    mistakes.set(m, new Mistake(mistake.value(), mistake.diagnosis() + " Or: " + diagnosis));
                }
                return;
            }
        }
        mistakes.add(new Mistake(value, diagnosis));
    }
}
