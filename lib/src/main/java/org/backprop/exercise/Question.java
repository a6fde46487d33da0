package org.backprop.exercise;

import java.util.ArrayList;
import java.util.List;
import org.backprop.view.Feedback;
import org.backprop.view.Feedback.Verdict;

/**
 * What every exercise has, whatever its answer: a name, a hint and a solution; and the boxes
 * every exercise answers with, written once for answers that are numbers and answers that are
 * shapes.
 */
interface Question {

    /** The name a notebook checks it by. */
    String id();

    /** The hint, as a "?" box. */
    Feedback hint();

    /** The solution as code and its value, as a "?" box. */
    Feedback solution();

    /** True for the placeholder {@link Exercises#___}, not for a NaN the student's arithmetic made. */
    static boolean placeholder(double value) {
        return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(Exercise.PLACEHOLDER);
    }

    /** The grey box of a cell that still holds a placeholder where {@code what} goes. */
    static Feedback notYet(String id, String what, String question, String hint) {
        return Feedback.of(Verdict.NOT_YET, id + ": not answered yet", List.of("Replace each ___ with " + what
                + ", then run the cell.", "Asked: " + question + ".", "Hint: " + hint));
    }

    /** The red box: what was asked, any {@code notes}, then what went wrong. */
    static Feedback wrong(String id, String question, String diagnosis, String... notes) {
        List<String> lines = new ArrayList<>(List.of("Asked: " + question + "."));
        lines.addAll(List.of(notes));
        lines.add("What went wrong: " + diagnosis);
        return Feedback.of(Verdict.WRONG, id + ": not right yet", lines);
    }

    /** The hint's box. */
    static Feedback hint(String id, String question, String hint) {
        return Feedback.of(Verdict.HELP, id + ": hint", List.of("Asked: " + question + ".", hint));
    }

    /** The solution's box: its code, shown as code, then its value. */
    static Feedback solution(String id, String code, Object value) {
        List<String> lines = new ArrayList<>();
        code.lines().forEach(line -> lines.add("    " + line));
        lines.add(id + " = " + value);
        return Feedback.of(Verdict.HELP, id + ": a solution", lines);
    }
}
