package org.backprop.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backprop.nn.Activation;
import org.backprop.nn.Network;
import org.backprop.view.Feedback;
import org.backprop.view.Feedback.Verdict;
import org.junit.jupiter.api.Test;

/** Notebook 06's shape exercises: the right shapes pass, each catalogued wrong shape is diagnosed, nonsense is named. */
class ShapeExercisesTest {

    private final Network threeFourTwo = Network.withInputs(3).layer(4, Activation.SIGMOID)
            .layer(2, Activation.SIGMOID).build();
    private final Exercises exercises = Exercises.shapes(threeFourTwo, 5);

    @Test
    void theRightShapesPass() {
        Feedback bp2 = exercises.check("shapes in BP2", Shapes.of("W²", 2, 4).and("(W²)ᵀ", 4, 2).and("δ²", 2, 1)
                .and("(W²)ᵀ δ²", 4, 1).and("σ′(net¹)", 4, 1).and("δ¹", 4, 1));
        assertEquals("✓ shapes in BP2 = W² 2 × 4, (W²)ᵀ 4 × 2, δ² 2 × 1, (W²)ᵀ δ² 4 × 1, σ′(net¹) 4 × 1, δ¹ 4 × 1",
                bp2.toText());
        Feedback batch = exercises.check("shapes for a batch", Shapes.of("Δ²", 2, 5).and("Out¹", 4, 5)
                .and("∂Ē/∂W²", 2, 4).and("Δ¹", 4, 5).and("∂Ē/∂b²", 2, 1));
        assertEquals(Verdict.CORRECT, batch.verdict(), "in any order");
        assertEquals(List.of("shapes in BP2", "shapes for a batch"), List.copyOf(exercises.ids()));
    }

    @Test
    void eachCataloguedShapeIsDiagnosedAsItselfAndTheSolutionIsTheAnswer() {
        for (String id : exercises.ids()) {
            ShapeExercise exercise = shapeExercise(id);
            assertEquals(Verdict.CORRECT, exercise.check(exercise.answer()).verdict(), id);
            assertTrue(exercise.solution().toText().contains("    exercises.check(\"" + id + "\", "), id);
            assertTrue(exercise.solutionCode().startsWith(id.equals("shapes in BP2") ? "Shapes bp2 = "
                    : "Shapes batchShapes = "), "the notebook's names; 06 has a data set called batch");
            for (ShapeExercise.Matrix matrix : exercise.matrices()) {
                assertTrue(matrix.mistakes().size() >= 1, matrix.name());
                for (ShapeExercise.Wrong mistake : matrix.mistakes()) {
                    Shapes given = replaced(exercise, matrix.name(), mistake.rows(), mistake.columns());
                    Feedback wrong = exercise.check(given);
                    assertEquals(Verdict.WRONG, wrong.verdict(), matrix.name() + ": " + mistake.diagnosis());
                    assertTrue(wrong.toText().endsWith("What went wrong: " + matrix.name() + ": "
                            + mistake.diagnosis()), wrong.toText());
                    assertTrue(wrong.toText().contains("Right: " + (exercise.matrices().size() - 1) + " of "),
                            wrong.toText());
                }
            }
        }
    }

    @Test
    void theShapesFollowTheNetwork() {
        Network deeper = Network.withInputs(2).layer(3, Activation.TANH).layer(5, Activation.TANH)
                .layer(1, Activation.SIGMOID).build();
        ShapeExercise bp2 = Exercises.shapes(deeper, 2).shapesOf("shapes in BP2");
        assertEquals("W³ 1 × 5, (W³)ᵀ 5 × 1, δ³ 1 × 1, (W³)ᵀ δ³ 5 × 1, σ′(net²) 5 × 1, δ² 5 × 1",
                bp2.answer().toString());
    }

    @Test
    void placeholdersUnknownNamesAndNonCountsGetTheirOwnMessages() {
        String id = "shapes in BP2";
        Feedback notYet = exercises.check(id, Shapes.of("W²", Exercises.___, 4));
        assertEquals(Verdict.NOT_YET, notYet.verdict());
        assertTrue(notYet.toText().contains("Asked: the rows × columns of each matrix in BP2, δ¹ = ((W²)ᵀ δ²) ⊙ "
                + "σ′(net¹), for this 3-4-2 network and one sample."), notYet.toText());
        assertTrue(exercises.check(id, Shapes.of("W2", 2, 4)).toText().endsWith("What went wrong: 'W2' is not one of "
                + "the matrices asked, [W², (W²)ᵀ, δ², (W²)ᵀ δ², σ′(net¹), δ¹]."));
        assertTrue(exercises.check(id, Shapes.of("W²", 2, 4)).toText().endsWith("What went wrong: no shape was given "
                + "for (W²)ᵀ."));
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 0, -2, 2.5, 1e300}) {
            assertTrue(exercises.check(id, Shapes.of("W²", bad, 4)).toText().contains("What went wrong: rows and "
                    + "columns count entries: whole numbers of 1 or more, but W² was given "), "rows " + bad);
        }
        assertTrue(exercises.check(id, replaced(shapeExercise(id), "δ¹", 7, 1)).toText().endsWith(
                "What went wrong: δ¹ is not 7 × 1: a delta is a column, one row per neuron of its layer."));
    }

    @Test
    void badArgumentsAreNamed() {
        assertEquals("network must not be null", assertThrows(IllegalArgumentException.class,
                () -> Exercises.shapes(null, 5)).getMessage());
        assertEquals("network must have a hidden layer for BP2 (2 or more layers of neurons), but had 1",
                assertThrows(IllegalArgumentException.class, () -> Exercises.shapes(
                        Network.withInputs(3).layer(2, Activation.SIGMOID).build(), 5)).getMessage());
        assertEquals("samples must be 2 or more, so that a batch has columns to count, but was 1",
                assertThrows(IllegalArgumentException.class, () -> Exercises.shapes(threeFourTwo, 1)).getMessage());
        assertEquals("matrix must name a matrix, but was null", assertThrows(IllegalArgumentException.class,
                () -> Shapes.of(null, 1, 1)).getMessage());
        assertEquals("matrix must be named once, but 'W²' was given twice", assertThrows(
                IllegalArgumentException.class, () -> Shapes.of("W²", 1, 1).and("W²", 2, 2)).getMessage());
        assertEquals("answer must be the shapes of [W², (W²)ᵀ, δ², (W²)ᵀ δ², σ′(net¹), δ¹], but was null",
                assertThrows(IllegalArgumentException.class, () -> exercises.check("shapes in BP2", (Shapes) null))
                        .getMessage());
        assertEquals("id must name an exercise whose answer is shapes, but 'x' asks for a number", assertThrows(
                IllegalArgumentException.class, () -> Exercises.of(List.of(new Exercise("x", "q", 1, List.of(), "h",
                        "s"))).check("x", Shapes.of("W", 1, 1))).getMessage());
        assertEquals("id must name an exercise whose answer is a number, but 'shapes in BP2' asks for shapes: check "
                + "it with a Shapes", assertThrows(IllegalArgumentException.class,
                () -> exercises.check("shapes in BP2", 4)).getMessage());
    }

    private ShapeExercise shapeExercise(String id) {
        return exercises.shapesOf(id);
    }

    /** The right shapes with {@code name}'s replaced. */
    private static Shapes replaced(ShapeExercise exercise, String name, int rows, int columns) {
        Shapes shapes = null;
        for (ShapeExercise.Matrix m : exercise.matrices()) {
            int r = m.name().equals(name) ? rows : m.rows(), c = m.name().equals(name) ? columns : m.columns();
            shapes = shapes == null ? Shapes.of(m.name(), r, c) : shapes.and(m.name(), r, c);
        }
        return shapes;
    }
}
