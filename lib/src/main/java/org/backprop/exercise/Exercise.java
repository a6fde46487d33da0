package org.backprop.exercise;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import org.backprop.view.Feedback;
import org.backprop.view.Feedback.Verdict;

/**
 * One question whose answer is a number, computed from the network it is about, with the wrong
 * answers students are known to give, a hint and a solution.
 *
 * <p>{@link #check} judges an answer: right when it agrees with the answer to 12 significant
 * digits (adding the same terms in another order is no error); a known mistake when it agrees
 * with that mistake's value to 12, or to 6 (so intermediate values typed in from an output are
 * still recognised) where the mistake is not itself within 6 digits of the answer; rounded when,
 * rounded to 3–11 significant digits, it is the answer so rounded (told to keep full precision
 * when it has fewer than 12 significant digits itself, as a number typed from an output has; else
 * told that its expression differs). A mistake that gives the
 * right answer for this network to 12 digits (two equal weights, say) is never diagnosed.
 */
public final class Exercise implements Question {

    /**
     * The placeholder an exercise cell starts with: a NaN with its own bit pattern, so that a
     * check tells "not answered yet" from a NaN the student's own arithmetic made.
     */
    static final double PLACEHOLDER = Double.longBitsToDouble(0x7ff8_0000_0bac_c0deL);

    static final int RIGHT_DIGITS = 12;
    private static final int MISTAKE_DIGITS = 6;
    private static final int FEWEST_DIGITS = 3;

    private final String id;
    private final String question;
    private final double answer;
    private final List<Mistake> mistakes;
    private final String hint;
    private final String solution;

    /**
     * @param id       the name a notebook checks it by, e.g. {@code dE/dw6}
     * @param question what is asked, in kind (never the number): e.g. "∂E_total/∂w6, the product
     *                 of ∂E_total/∂out_o1, ∂out_o1/∂net_o1 and ∂net_o1/∂w6"
     * @param answer   the right value, computed from the network
     * @param mistakes the known wrong answers, the likeliest first
     * @param hint     the next step to take, without the answer
     * @param solution Java code that computes the answer in the notebook, ending with the check
     */
    public Exercise(String id, String question, double answer, List<Mistake> mistakes, String hint,
                    String solution) {
        this.id = text("id", id);
        this.question = text("question", question);
        if (!Double.isFinite(answer)) {
            throw new IllegalArgumentException("answer must be finite (the exercise '" + id + "' has no answer "
                    + "for this network), but was " + answer);
        }
        this.answer = answer;
        if (mistakes == null || mistakes.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("mistakes must be a list without nulls, but was " + mistakes);
        }
        this.mistakes = List.copyOf(mistakes);
        this.hint = text("hint", hint);
        this.solution = text("solution", solution);
    }

    /** The name a notebook checks it by. */
    @Override
    public String id() {
        return id;
    }

    /** The right value. */
    public double answer() {
        return answer;
    }

    /** The known wrong answers, the likeliest first. */
    public List<Mistake> mistakes() {
        return mistakes;
    }

    /** The solution's code. */
    public String solutionCode() {
        return solution;
    }

    /** The verdict on {@code given}: right, a known mistake, rounded, wrong, or not answered yet. */
    public Feedback check(double given) {
        if (Question.placeholder(given)) {
            return Question.notYet(id, "your expression", question, hint);
        }
        if (Double.isNaN(given)) {
            return wrong("the answer is NaN, not a number. Either a ___ placeholder is still in the "
                    + "expression, or a step computed 0/0, ∞ − ∞ or the root of a negative number.");
        }
        if (Double.isInfinite(given)) {
            return wrong("the answer is " + given + ": a step divided by zero or overflowed.");
        }
        if (agree(given, answer, RIGHT_DIGITS)) {
            return Feedback.of(Verdict.CORRECT, id + " = " + given, List.of());
        }
        for (Mistake mistake : mistakes) {
            if (!agree(mistake.value(), answer, RIGHT_DIGITS) && agree(given, mistake.value(), RIGHT_DIGITS)) {
                return wrong(mistake.diagnosis());
            }
        }
        for (Mistake mistake : mistakes) {
            if (!agree(mistake.value(), answer, MISTAKE_DIGITS) && agree(given, mistake.value(), MISTAKE_DIGITS)) {
                return wrong(mistake.diagnosis());
            }
        }
        // a value with few digits was typed (or rounded); one with a double's full 16 or 17 was computed
        boolean typed = BigDecimal.valueOf(given).stripTrailingZeros().precision() < RIGHT_DIGITS;
        for (int digits = RIGHT_DIGITS - 1; digits >= FEWEST_DIGITS; digits--) {
            MathContext rounding = new MathContext(digits);
            if (new BigDecimal(given).round(rounding).compareTo(new BigDecimal(answer).round(rounding)) == 0) {
                return wrong(typed ? String.format(Locale.ROOT, "correct to %d significant digits only: keep full "
                        + "precision (use the variables, not numbers typed from an output).", digits)
                        : String.format(Locale.ROOT, "close, but not the same: it agrees with the answer to %d "
                        + "significant digits only, so the expression differs somewhere (a term, a factor, an "
                        + "order of steps). Hint: %s", digits, hint));
            }
        }
        return wrong("not a known mistake either. Hint: " + hint);
    }

    /** The hint, as a "?" box. */
    @Override
    public Feedback hint() {
        return Question.hint(id, question, hint);
    }

    /** The solution as code and its value, as a "?" box. */
    @Override
    public Feedback solution() {
        return Question.solution(id, solution, answer);
    }

    @Override
    public String toString() {
        return "Exercise " + id + ": " + question;
    }

    private Feedback wrong(String diagnosis) {
        return Question.wrong(id, question, diagnosis);
    }

    /**
     * True when {@code given} is {@code expected} to {@code digits} significant digits: |given −
     * expected| ≤ ½·10^(1 − digits)·|expected|, with a floor of 10⁻¹⁵ for answers at or near 0.
     */
    static boolean agree(double given, double expected, int digits) {
        return Math.abs(given - expected) <= 0.5 * Math.pow(10, 1 - digits) * Math.abs(expected) + 1e-15;
    }

    private static String text(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(parameter + " must be a non-blank text, but was "
                    + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }
}
