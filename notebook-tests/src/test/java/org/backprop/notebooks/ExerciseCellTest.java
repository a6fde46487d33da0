package org.backprop.notebooks;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which cells are exercise cells, how a solution is read from its view and put in the cell's place. */
class ExerciseCellTest {
    private static final String EXERCISE = String.join("\n",
            "GradientDescent descent = example.descent();          // η = 0.5",
            "Exercises exercises = Exercises.outputLayer(backward, descent);",
            "double dE_dout_o1 = ___;        // ∂E_total/∂out_o1",
            "double dnet_o1_dw6 = ___;       // ∂net_o1/∂w6",
            "exercises.check(\"dE/dw6\", dE_dout_o1 * dnet_o1_dw6)");
    private static final String SOLUTION_VIEW = String.join("\n",
            "? dE/dw6: a solution",
            "      double dE_dout_o1 = -(pass.get(\"target_o1\") - pass.get(\"out_o1\"));",
            "      double dE = dE_dout_o1",
            "              * pass.get(\"out_h2\");",
            "      exercises.check(\"dE/dw6\", dE)",
            "  dE/dw6 = 0.08216704056423078");

    private static Optional<ExerciseCell> exercise(String source) {
        return ExerciseCell.of("02-output-layer.ipynb", 18, Notebook.codeCell("nb02-e1", source));
    }

    private static ExerciseCell dEdw6() {
        return exercise(EXERCISE).orElseThrow();
    }

    private static String failure(String source) {
        return assertThrows(NotebookFailure.class, () -> exercise(source)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts)
            assertTrue(message.contains(part), () -> "expected <" + part + "> in:\n" + message);
    }

    @Test
    void findsTheReceiverAndIdOfTheCheck() {
        ExerciseCell cell = dEdw6();
        assertEquals("exercises", cell.receiver());
        assertEquals("dE/dw6", cell.id());
        assertEquals(18, cell.index());
        assertEquals("02-output-layer.ipynb cell nb02-e1", cell.where());
        assertEquals("exercises.solution(\"dE/dw6\")", cell.solutionRequest());
        assertEquals("✓ dE/dw6 = ", cell.rightVerdict());
    }

    @Test
    void takesAnyVariableAsReceiverAndSpacesAroundTheCall() {
        ExerciseCell cell = exercise("double x = ___;\nex . check ( \"new w6\" , x)").orElseThrow();
        assertEquals("ex", cell.receiver());
        assertEquals("new w6", cell.id());
    }

    @Test
    void aCellWithNeitherPlaceholderNorCheckIsNoExercise() {
        assertEquals(Optional.empty(), exercise("double checked = network.get(\"w6\");\nrecheck(checked)"));
    }

    @Test
    void theStaticImportOfThePlaceholderIsNoPlaceholder() {
        assertEquals(Optional.empty(), exercise("import org.backprop.exercise.*;\n"
                + "import static org.backprop.exercise.Exercises.___;"));
    }

    @Test
    void findsTheExerciseCellsOfANotebookAndNothingInMarkdown() throws Exception {
        Notebook notebook = Notebook.read(Path.of(ExerciseCellTest.class.getResource("/fixtures/exercise-cells.ipynb").toURI()));
        List<ExerciseCell> cells = ExerciseCell.find(notebook);
        assertEquals(List.of("exercise-cells.ipynb cell ex-e1", "exercise-cells.ipynb cell ex-e2"),
                cells.stream().map(ExerciseCell::where).toList());
        assertEquals(List.of(2, 4), cells.stream().map(ExerciseCell::index).toList());
        assertEquals(List.of("exercises", "ex"), cells.stream().map(ExerciseCell::receiver).toList());
        assertEquals(List.of("a", "b"), cells.stream().map(ExerciseCell::id).toList());
    }

    @Test
    void aCheckWithoutPlaceholderFails() {
        assertContains(failure("double x = 1;\nexercises.check(\"dE/dw6\", x)"),
                "02-output-layer.ipynb cell nb02-e1: calls exercises.check(\"dE/dw6\", x) but has no ___ placeholder");
    }

    @Test
    void aPlaceholderWithoutCheckFails() {
        assertContains(failure("double x = ___;\nx"),
                "02-output-layer.ipynb cell nb02-e1: has a ___ placeholder but no exercises.check(\"<id>\", …) call");
    }

    @Test
    void twoChecksInOneCellFail() {
        assertContains(failure("double x = ___;\nexercises.check(\"a\", x);\nexercises.check(\"b\", x)"),
                "cell nb02-e1: has 2 check calls (exercises.check(\"a\", x);, exercises.check(\"b\", x));"
                        + " an exercise cell checks exactly one exercise");
    }

    @Test
    void anIdThatIsNoStringLiteralFails() {
        assertContains(failure("String id = \"dE/dw6\";\ndouble x = ___;\nexercises.check(id, x)"),
                "cell nb02-e1: the first argument of exercises.check must be the exercise's id as a string literal",
                "found exercises.check(id, x)");
        assertContains(failure("double x = ___;\nexercises.check(\"dE/\" + \"dw6\", x)"),
                "found exercises.check(\"dE/\" + \"dw6\", x)");
    }

    @Test
    void aCheckOnAnExpressionFails() {
        assertContains(failure("double x = ___;\nExercises.outputLayer(backward, descent).check(\"dE/dw6\", x)"),
                "cell nb02-e1: check must be called on a variable holding the Exercises",
                "found Exercises.outputLayer(backward, descent).check(\"dE/dw6\", x)");
    }

    @Test
    void aCellWithoutIdIsNamedByItsPosition() {
        JsonObject cell = Notebook.codeCell("nb02-e1", "double x = ___;");
        cell.remove("id");
        NotebookFailure failure = assertThrows(NotebookFailure.class, () -> ExerciseCell.of("02-output-layer.ipynb", 18, cell));
        assertContains(failure.getMessage(), "02-output-layer.ipynb cell [18]: has a ___ placeholder");
    }

    @Test
    void readsTheSolutionCodeWithoutItsIndent() {
        assertEquals(List.of(
                "double dE_dout_o1 = -(pass.get(\"target_o1\") - pass.get(\"out_o1\"));",
                "double dE = dE_dout_o1",
                "        * pass.get(\"out_h2\");",
                "exercises.check(\"dE/dw6\", dE)"), dEdw6().solutionCode(SOLUTION_VIEW));
    }

    @Test
    void aSolutionOfAnotherExerciseFails() {
        String message = assertThrows(NotebookFailure.class,
                () -> dEdw6().solutionCode(SOLUTION_VIEW.replace("? dE/dw6", "? new w6"))).getMessage();
        assertContains(message, "02-output-layer.ipynb cell nb02-e1: exercises.solution(\"dE/dw6\") should show"
                + " \"? dE/dw6: a solution\"", "? new w6: a solution");
    }

    @Test
    void aSolutionThatChecksAnotherIdFails() {
        String message = assertThrows(NotebookFailure.class,
                () -> dEdw6().solutionCode(SOLUTION_VIEW.replace("check(\"dE/dw6\"", "check(\"new w6\""))).getMessage();
        assertContains(message, "the solution of dE/dw6 should be code that ends with exercises.check(\"dE/dw6\", …)",
                "check(\"new w6\", dE)");
    }

    @Test
    void aSolutionWithoutCodeFails() {
        String message = assertThrows(NotebookFailure.class,
                () -> dEdw6().solutionCode("? dE/dw6: a solution\n  dE/dw6 = 0.08")).getMessage();
        assertContains(message, "should be code that ends with exercises.check(\"dE/dw6\", …)");
    }

    @Test
    void theSolutionReplacesTheCellFromTheFirstPlaceholderOn() {
        assertEquals(String.join("\n",
                "GradientDescent descent = example.descent();          // η = 0.5",
                "Exercises exercises = Exercises.outputLayer(backward, descent);",
                "double dE = 0.5;",
                "exercises.check(\"dE/dw6\", dE)"),
                dEdw6().withSolution(List.of("double dE = 0.5;", "exercises.check(\"dE/dw6\", dE)")));
    }

    @Test
    void aCellThatStartsWithAPlaceholderIsAllSolution() {
        ExerciseCell cell = exercise("double new_w6 = ___;\nexercises.check(\"new w6\", new_w6)").orElseThrow();
        assertEquals("exercises.check(\"new w6\", 1.0)", cell.withSolution(List.of("exercises.check(\"new w6\", 1.0)")));
    }
}
