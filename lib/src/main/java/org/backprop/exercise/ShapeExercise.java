package org.backprop.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.view.Feedback;
import org.backprop.view.Feedback.Verdict;

/**
 * One question whose answer is the shapes, rows × columns, of several named matrices, with the
 * wrong shapes students are known to give for each, a hint and a solution. Shapes are counts, so
 * a shape is right only when it is exactly the answer.
 */
final class ShapeExercise implements Question {

    /** A matrix's right shape, why it has it, and the wrong shapes with what each tells. */
    record Matrix(String name, int rows, int columns, String why, List<Wrong> mistakes) {
    }

    /** A wrong shape and its diagnosis. */
    record Wrong(int rows, int columns, String diagnosis) {
    }

    private final String id;
    private final String question;
    private final Map<String, Matrix> matrices = new LinkedHashMap<>();
    private final String hint;
    private final String variable;

    /** {@code variable} names the {@link Shapes} of the solution. */
    ShapeExercise(String id, String question, List<Matrix> matrices, String hint, String variable) {
        this.id = id;
        this.question = question;
        matrices.forEach(matrix -> this.matrices.put(matrix.name(), withoutRepeats(matrix)));
        this.hint = hint;
        this.variable = variable;
    }

    @Override
    public String id() {
        return id;
    }

    /** The right shapes, in the question's order. */
    List<Matrix> matrices() {
        return List.copyOf(matrices.values());
    }

    /** The verdict on {@code given}: right, a known mistake, wrong, or not answered yet. */
    Feedback check(Shapes given) {
        if (given == null) {
            throw new IllegalArgumentException("answer must be the shapes of " + matrices.keySet() + ", but was null");
        }
        Map<String, double[]> shapes = given.byMatrix();
        if (shapes.values().stream().flatMapToDouble(java.util.Arrays::stream).anyMatch(Question::placeholder)) {
            return Question.notYet(id, "a number of rows or columns", question, hint);
        }
        for (String name : shapes.keySet()) {
            if (!matrices.containsKey(name)) {
                return wrong(0, "'" + name + "' is not one of the matrices asked, " + matrices.keySet() + ".");
            }
        }
        int right = 0;
        String diagnosis = null;
        for (Matrix matrix : matrices.values()) {
            double[] shape = shapes.get(matrix.name());
            String problem = shape == null ? "no shape was given for " + matrix.name() + "." : judge(matrix, shape);
            if (problem == null) {
                right++;
            } else if (diagnosis == null) {
                diagnosis = problem;
            }
        }
        if (diagnosis == null) {
            return Feedback.of(Verdict.CORRECT, id + " = " + given, List.of());
        }
        return wrong(right, diagnosis);
    }

    /** The hint, as a "?" box. */
    @Override
    public Feedback hint() {
        return Question.hint(id, question, hint);
    }

    /** The solution as code and its shapes, as a "?" box. */
    @Override
    public Feedback solution() {
        return Question.solution(id, solutionCode(), answer());
    }

    /** The solution's code: the shapes, then the check. */
    String solutionCode() {
        StringBuilder code = new StringBuilder();
        for (Matrix matrix : matrices.values()) {
            code.append(code.length() == 0 ? "Shapes " + variable + " = Shapes.of(" : "\n        .and(")
                    .append('"').append(matrix.name()).append("\", ").append(matrix.rows()).append(", ")
                    .append(matrix.columns()).append(')');
        }
        return code.append(";\nexercises.check(\"").append(id).append("\", ").append(variable).append(')')
                .toString();
    }

    /** The right shapes. */
    Shapes answer() {
        Shapes answer = null;
        for (Matrix m : matrices.values()) {
            answer = answer == null ? Shapes.of(m.name(), m.rows(), m.columns()) : answer.and(m.name(), m.rows(),
                    m.columns());
        }
        return answer;
    }

    @Override
    public String toString() {
        return "Exercise " + id + ": " + question;
    }

    /** Null when {@code shape} is {@code matrix}'s, else what is wrong with it. */
    private static String judge(Matrix matrix, double[] shape) {
        for (double count : shape) {
            if (!(count >= 1 && count == Math.rint(count) && count <= Integer.MAX_VALUE)) {
                return "rows and columns count entries: whole numbers of 1 or more, but " + matrix.name() + " was given "
                        + number(shape[0]) + " × " + number(shape[1]) + ".";
            }
        }
        if (shape[0] == matrix.rows() && shape[1] == matrix.columns()) {
            return null;
        }
        for (Wrong mistake : matrix.mistakes()) {
            if (shape[0] == mistake.rows() && shape[1] == mistake.columns()) {
                return matrix.name() + ": " + mistake.diagnosis();
            }
        }
        return matrix.name() + " is not " + number(shape[0]) + " × " + number(shape[1]) + ": " + matrix.why();
    }

    /** The matrix without mistakes that give its own shape or repeat an earlier mistake's. */
    private static Matrix withoutRepeats(Matrix matrix) {
        List<Wrong> kept = new ArrayList<>();
        for (Wrong mistake : matrix.mistakes()) {
            boolean seen = mistake.rows() == matrix.rows() && mistake.columns() == matrix.columns()
                    || kept.stream().anyMatch(k -> k.rows() == mistake.rows() && k.columns() == mistake.columns());
            if (!seen) {
                kept.add(mistake);
            }
        }
        return new Matrix(matrix.name(), matrix.rows(), matrix.columns(), matrix.why(), List.copyOf(kept));
    }

    private Feedback wrong(int right, String diagnosis) {
        return Question.wrong(id, question, diagnosis, "Right: " + right + " of " + matrices.size() + " shapes.");
    }

    /** A count as a student wrote it: 4, not 4.0; anything else as Java prints it. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
