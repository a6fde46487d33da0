package org.backprop.notebooks;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The exercise solutions run (Failsafe): for each notebook in {@code notebooks.dir} with exercise cells
 * ({@link ExerciseCell}), the solutions that the exercises show must be accepted by their own check in the
 * notebook, so that a change to a notebook or to the library cannot leave a student with a solution that
 * does not work. Two runs of a variant of the notebook held in memory, each in a fresh kernel:
 * <ol>
 *   <li>each exercise cell followed by a cell {@code exercises.solution("<id>")}, whose output holds the
 *       solution's code;</li>
 *   <li>each exercise cell's student part replaced by that code; its verdict must be "✓ <id> = …".</li>
 * </ol>
 * The first run stops after the last exercise's solution cell; the second runs to the end, so that a
 * solution that breaks a later cell (a variable of the page redefined, say) fails too: a student who
 * takes a solution must be able to run the rest of the page.
 * Notebooks without exercise cells are not run; a folder without any fails, so that this test never
 * passes by testing nothing.
 */
class ExerciseSolutionsIT {
    @TestFactory
    List<DynamicTest> solutions() throws IOException {
        Path dir = Path.of(System.getProperty("harness.notebooks.dir", "../notebooks"));
        NotebookCheck check = NotebookCheck.fromSystemProperties("exercise-solutions");
        Map<Notebook, List<ExerciseCell>> exercises = new LinkedHashMap<>();
        for (Path path : NotebookCheck.discover(dir)) {
            Notebook notebook = Notebook.read(path);
            List<ExerciseCell> cells = ExerciseCell.find(notebook);
            if (!cells.isEmpty())
                exercises.put(notebook, cells);
        }
        if (exercises.isEmpty())
            throw new NotebookFailure("No notebook in " + dir.toAbsolutePath().normalize() + " has exercise cells"
                    + " (a code cell with ___ and exercises.check(\"<id>\", …)): there are no solutions to test.");
        return exercises.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey().name(), e.getKey().path.toUri(),
                        () -> verifySolutions(check, e.getKey(), e.getValue())))
                .collect(Collectors.toList());
    }

    private static void verifySolutions(NotebookCheck check, Notebook notebook, List<ExerciseCell> exercises)
            throws IOException {
        Map<ExerciseCell, List<String>> solutions = askSolutions(check, notebook, exercises);
        List<JsonObject> cells = notebook.cells();
        for (ExerciseCell exercise : exercises)
            cells.set(exercise.index(), Notebook.withSource(cells.get(exercise.index()),
                    exercise.withSolution(solutions.get(exercise))));
        Map<Integer, NotebookRunner.CellRun> runs = run(check, notebook.withCells(cells),
                "with the exercise solutions in place of the placeholders, to its end");
        List<String> rejected = new ArrayList<>();
        for (ExerciseCell exercise : exercises) {
            NotebookRunner.CellRun run = runs.get(exercise.index());
            if (!run.valueText().startsWith(exercise.rightVerdict()))
                rejected.add(exercise.where() + ": the solution of " + exercise.id() + " is not accepted; expected"
                        + " a verdict starting \"" + exercise.rightVerdict() + "\", got:\n"
                        + NotebookRunner.indent(OutputComparison.summary(run.outputs)) + "  from the cell:\n"
                        + NotebookRunner.indent(exercise.withSolution(solutions.get(exercise))));
        }
        if (!rejected.isEmpty())
            throw new NotebookFailure(String.join("\n", rejected));
    }

    /** Runs the notebook with a cell {@code exercises.solution(id)} after each exercise cell and reads the code. */
    private static Map<ExerciseCell, List<String>> askSolutions(NotebookCheck check, Notebook notebook,
                                                                List<ExerciseCell> exercises) throws IOException {
        List<JsonObject> cells = notebook.cells();
        Map<ExerciseCell, Integer> requests = new LinkedHashMap<>();
        for (ExerciseCell exercise : exercises) {
            // Each cell inserted so far moved this exercise cell down by one.
            int at = exercise.index() + requests.size() + 1;
            cells.add(at, Notebook.codeCell("solution-" + exercise.index(), exercise.solutionRequest()));
            requests.put(exercise, at);
        }
        cells.subList(requests.get(exercises.get(exercises.size() - 1)) + 1, cells.size()).clear();
        Map<Integer, NotebookRunner.CellRun> runs = run(check, notebook.withCells(cells),
                "with a solution cell after each exercise cell");
        Map<ExerciseCell, List<String>> solutions = new LinkedHashMap<>();
        requests.forEach((exercise, at) -> solutions.put(exercise, exercise.solutionCode(runs.get(at).valueText())));
        return solutions;
    }

    /** Runs a variant of a notebook; a failing cell's message says which variant it was. */
    private static Map<Integer, NotebookRunner.CellRun> run(NotebookCheck check, Notebook variant, String which)
            throws IOException {
        try {
            return check.run(variant);
        } catch (NotebookFailure e) {
            throw new NotebookFailure("Run " + which + " failed: " + e.getMessage());
        }
    }
}
