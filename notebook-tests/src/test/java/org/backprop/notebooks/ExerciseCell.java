package org.backprop.notebooks;

import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An exercise cell of a notebook (see org.backprop.exercise.Exercises): a code cell with the placeholders
 * {@code ___} where the student's expressions go and one call {@code <receiver>.check("<id>", …)} that
 * checks the answer. It knows how to ask the kernel for the exercise's solution, how to read the solution's
 * code from the answer, and how to put that code in place of the student's part; ExerciseSolutionsIT runs
 * both. Text only: no kernel here, so that the rules are unit-tested on their own (ExerciseCellTest).
 *
 * @param where    the notebook and cell, for messages: {@code 02-output-layer.ipynb cell nb02-e1}
 * @param index    the cell's position in the notebook's cells
 * @param receiver the variable {@code check} is called on, usually {@code exercises}
 * @param id       the exercise's id, the first argument of {@code check}
 * @param source   the cell's source as committed, placeholders and all
 */
record ExerciseCell(String where, int index, String receiver, String id, String source) {
    /** A placeholder on its own: the {@code Exercises.___} of the static import that brings it in is none. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<![\\w$.])___(?![\\w$])");
    /**
     * Any call of a method named check: group 1 is the variable before the dot (absent when an expression
     * stands there), group 2 the first argument if that is a string literal without escapes.
     */
    private static final Pattern CHECK = Pattern.compile(
            "(?:([A-Za-z_$][\\w$]*)\\s*)?\\.\\s*check\\s*\\(\\s*(?:\"([^\"\\\\\\n]*)\"\\s*,)?");
    /** A solution's code lines are indented by Feedback's two spaces and Exercise.solution's four. */
    private static final String CODE_INDENT = " ".repeat(6);

    /** The exercise cells of {@code notebook}, in order; fails on a cell that is half an exercise cell. */
    static List<ExerciseCell> find(Notebook notebook) {
        List<ExerciseCell> exercises = new ArrayList<>();
        List<JsonObject> cells = notebook.cells();
        for (int i = 0; i < cells.size(); i++)
            if (Notebook.isCode(cells.get(i)))
                of(notebook.name(), i, cells.get(i)).ifPresent(exercises::add);
        return exercises;
    }

    /**
     * The exercise in code cell {@code index} of notebook {@code notebook}, or empty when the cell has neither
     * a placeholder nor a check call. Throws {@link NotebookFailure} when it has only one of them, more than one
     * check call, or a check call whose receiver is no variable or whose id is no string literal: each would
     * make the solution test test something else than the exercise, or nothing.
     */
    static Optional<ExerciseCell> of(String notebook, int index, JsonObject cell) {
        String id = Notebook.id(cell);
        String where = notebook + " cell " + (id != null ? id : "[" + index + "]");
        String source = Notebook.source(cell);
        boolean placeholder = PLACEHOLDER.matcher(source).find();
        List<MatchResult> checks = checkCalls(source);
        if (checks.isEmpty() && !placeholder)
            return Optional.empty();
        if (checks.isEmpty())
            throw new NotebookFailure(where + ": has a ___ placeholder but no exercises.check(\"<id>\", …) call;"
                    + " an exercise cell checks its answer");
        if (checks.size() > 1)
            throw new NotebookFailure(where + ": has " + checks.size() + " check calls ("
                    + checks.stream().map(m -> lineAt(source, m.start())).collect(Collectors.joining(", "))
                    + "); an exercise cell checks exactly one exercise");
        MatchResult check = checks.get(0);
        if (!placeholder)
            throw new NotebookFailure(where + ": calls " + lineAt(source, check.start()) + " but has no ___ placeholder;"
                    + " an exercise cell is committed unanswered, with ___ where the student's expressions go");
        if (check.group(1) == null)
            throw new NotebookFailure(where + ": check must be called on a variable holding the Exercises"
                    + " (usually exercises), so that the test can ask it for the solution; found "
                    + lineAt(source, check.start()));
        if (check.group(2) == null)
            throw new NotebookFailure(where + ": the first argument of " + check.group(1) + ".check must be the"
                    + " exercise's id as a string literal without escapes, like check(\"dE/dw6\", …); found "
                    + lineAt(source, check.start()));
        return Optional.of(new ExerciseCell(where, index, check.group(1), check.group(2), source));
    }

    /** The code of a cell that shows the exercise's solution: {@code exercises.solution("dE/dw6")}. */
    String solutionRequest() {
        return this.receiver + ".solution(\"" + this.id + "\")";
    }

    /**
     * The solution's code in {@code text}, the text/plain of {@link #solutionRequest()}'s value: the lines
     * indented by six spaces, without them. Fails unless the text is this exercise's solution and its code
     * checks this exercise.
     */
    List<String> solutionCode(String text) {
        String title = "? " + this.id + ": a solution";
        if (!text.startsWith(title))
            throw new NotebookFailure(this.where + ": " + solutionRequest() + " should show \"" + title
                    + "\" and the solution's code, but showed:\n" + text);
        List<String> code = text.lines()
                .filter(line -> line.startsWith(CODE_INDENT))
                .map(line -> line.substring(CODE_INDENT.length()))
                .collect(Collectors.toList());
        List<MatchResult> checks = checkCalls(String.join("\n", code));
        if (checks.size() != 1 || !this.id.equals(checks.get(0).group(2)))
            throw new NotebookFailure(this.where + ": the solution of " + this.id + " should be code that ends with"
                    + " exercises.check(\"" + this.id + "\", …), but " + solutionRequest() + " showed:\n" + text);
        return code;
    }

    /**
     * The cell's source with the student's part, from the first line with a placeholder on, replaced by
     * {@code solution}: the lines before it make the objects the solution needs (the Exercises object, say).
     */
    String withSolution(List<String> solution) {
        Stream<String> setup = this.source.lines().takeWhile(line -> !PLACEHOLDER.matcher(line).find());
        return Stream.concat(setup, solution.stream()).collect(Collectors.joining("\n"));
    }

    /** How the verdict on a right answer starts: {@code ✓ dE/dw6 = }. */
    String rightVerdict() {
        return "✓ " + this.id + " = ";
    }

    private static List<MatchResult> checkCalls(String source) {
        return CHECK.matcher(source).results().collect(Collectors.toList());
    }

    /** The line of {@code source} that holds position {@code at}, stripped. */
    private static String lineAt(String source, int at) {
        int start = source.lastIndexOf('\n', at) + 1;
        int end = source.indexOf('\n', at);
        return source.substring(start, end < 0 ? source.length() : end).strip();
    }
}
