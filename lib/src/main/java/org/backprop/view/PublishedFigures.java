package org.backprop.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Figures a source publishes, next to the computations that should reproduce them: the ✓ table.
 *
 * <p>A computed value matches a published one when it rounds to it at the published number of
 * decimals, half away from zero: for a figure published with {@code d} decimals,
 * {@code round(computed, d) = published}. The published figure is given as the source prints it
 * ({@code "0.511301270"}), so its trailing zeros count as decimals.
 *
 * <p>Each {@link #figure} returns a new object; {@link #table()} shows the figures, one row each:
 * the figure's name, the published text, and for every computation its value and ✓ (it matches),
 * ✗ (it does not) or nothing (the computation gives no value for that figure, passed as NaN).
 */
public final class PublishedFigures {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final String title;
    private final List<String> computations;
    private final List<Row> rows;

    private record Row(String name, String published, double[] computed) {
    }

    private PublishedFigures(String title, List<String> computations, List<Row> rows) {
        this.title = title;
        this.computations = computations;
        this.rows = rows;
    }

    /**
     * An empty table titled {@code title}, with one column of values (and one of matches) per
     * named computation.
     */
    public static PublishedFigures of(String title, String... computations) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title must be a non-blank text, but was "
                    + (title == null ? "null" : "'" + title + "'"));
        }
        if (computations == null || computations.length == 0) {
            throw new IllegalArgumentException("computations must name at least 1 computation, but "
                    + (computations == null ? "was null" : "named none"));
        }
        Set<String> seen = new HashSet<>();
        for (String computation : computations) {
            if (computation == null || computation.isBlank()) {
                throw new IllegalArgumentException("computations must be non-blank names, but held "
                        + (computation == null ? "null" : "'" + computation + "'"));
            }
            if (!seen.add(computation)) {
                throw new IllegalArgumentException("computations must have distinct names, but '"
                        + computation + "' came twice");
            }
        }
        return new PublishedFigures(title, List.of(computations), List.of());
    }

    /**
     * These figures and one more: {@code name}, published as {@code published}, and one computed
     * value per computation, in the order {@link #of} named them (NaN where a computation gives
     * none).
     */
    public PublishedFigures figure(String name, String published, double... computed) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be a non-blank text, but was "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        for (Row row : rows) {
            if (row.name().equals(name)) {
                throw new IllegalArgumentException("name must be new to the table, but '" + name
                        + "' is already a figure");
            }
        }
        requirePublished(published);
        if (computed == null || computed.length != computations.size()) {
            throw new IllegalArgumentException("computed must hold one value per computation "
                    + computations + ", expected " + computations.size() + " but "
                    + (computed == null ? "was null" : "got " + computed.length));
        }
        for (double value : computed) {
            if (Double.isInfinite(value)) {
                throw new IllegalArgumentException("computed must be finite (or NaN for no value), but "
                        + "held " + value + " for '" + name + "'");
            }
        }
        List<Row> more = new ArrayList<>(rows);
        more.add(new Row(name, published, computed.clone()));
        return new PublishedFigures(title, computations, List.copyOf(more));
    }

    /**
     * True when {@code computed} rounds to {@code published} at its number of decimals:
     * {@code round(computed, d) = published} with {@code d} the decimals printed, half away from 0.
     */
    public static boolean matches(String published, double computed) {
        requirePublished(published);
        if (!Double.isFinite(computed)) {
            throw new IllegalArgumentException("computed must be a finite number, but was " + computed);
        }
        BigDecimal figure = new BigDecimal(published);
        BigDecimal rounded = new BigDecimal(computed).setScale(figure.scale(), RoundingMode.HALF_UP);
        return rounded.compareTo(figure) == 0;
    }

    /** True when every computed value of every figure matches (ignoring NaN, "no value"). */
    public boolean allMatch() {
        for (Row row : rows) {
            for (double value : row.computed()) {
                if (!Double.isNaN(value) && !matches(row.published(), value)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The figures as a table: name, published text, and each computation's value and ✓ or ✗. */
    public TableView table() {
        Table table = Table.create(title,
                StringColumn.create("figure", rows.stream().map(Row::name)),
                StringColumn.create("published", rows.stream().map(Row::published)));
        for (int c = 0; c < computations.size(); c++) {
            DoubleColumn values = DoubleColumn.create(computations.get(c));
            StringColumn match = StringColumn.create(computations.size() == 1
                    ? "match" : "match (" + computations.get(c) + ")");
            for (Row row : rows) {
                double value = row.computed()[c];
                values.append(value);
                match.append(Double.isNaN(value) ? "" : matches(row.published(), value) ? "✓" : "✗");
            }
            table.addColumns(values, match);
        }
        return TableView.of(table);
    }

    @Override
    public String toString() {
        return table().toText();
    }

    private static void requirePublished(String published) {
        if (published == null || !DECIMAL.matcher(published).matches()) {
            throw new IllegalArgumentException("published must be a decimal number as the source prints "
                    + "it (like 0.511301270), but was " + (published == null ? "null" : "'" + published + "'"));
        }
    }
}
