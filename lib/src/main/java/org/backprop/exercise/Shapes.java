package org.backprop.exercise;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shapes of named matrices, rows × columns, as a student writes them down: the answer to a
 * shape exercise ({@link Exercises#check(String, Shapes)}).
 *
 * <pre>{@code
 * Shapes bp2 = Shapes.of("W²", ___, ___).and("δ²", ___, ___);
 * }</pre>
 *
 * <p>Rows and columns are taken as {@code double}s so that the placeholder {@link Exercises#___}
 * fits where they go; they are kept as given, and the check says when one is not a whole number
 * of 1 or more.
 */
public final class Shapes {

    private final Map<String, double[]> shapes;

    private Shapes(Map<String, double[]> shapes) {
        this.shapes = shapes;
    }

    /** The shape of {@code matrix}: {@code rows} × {@code columns}. */
    public static Shapes of(String matrix, double rows, double columns) {
        return new Shapes(new LinkedHashMap<>()).and(matrix, rows, columns);
    }

    /** These shapes and that of {@code matrix}, {@code rows} × {@code columns}; a new object. */
    public Shapes and(String matrix, double rows, double columns) {
        if (matrix == null || matrix.isBlank()) {
            throw new IllegalArgumentException("matrix must name a matrix, but was "
                    + (matrix == null ? "null" : "'" + matrix + "'"));
        }
        if (shapes.containsKey(matrix)) {
            throw new IllegalArgumentException("matrix must be named once, but '" + matrix + "' was given twice");
        }
        Map<String, double[]> more = new LinkedHashMap<>(shapes);
        more.put(matrix, new double[] {rows, columns});
        return new Shapes(more);
    }

    /** The shapes by matrix, in the order given: {rows, columns}. */
    Map<String, double[]> byMatrix() {
        return Collections.unmodifiableMap(shapes);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        shapes.forEach((matrix, shape) -> text.append(text.length() == 0 ? "" : ", ").append(matrix).append(' ')
                .append(ShapeExercise.number(shape[0])).append(" × ").append(ShapeExercise.number(shape[1])));
        return text.toString();
    }
}
