package org.backprop.view;

import java.util.Arrays;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * A Tablesaw table shown with the course's number format: HTML in IJava, aligned text elsewhere.
 * {@link #table()} gives the table itself, to sort, filter or plot further.
 */
public class TableView extends View {

    private final Table table;

    TableView(Table table) {
        super("text/html", html(table), table.print(table.rowCount()));
        this.table = table;
    }

    /**
     * Shows any Tablesaw table with the course's number format: a column whose numbers stay below
     * 10 with 9 decimals, as the worked example publishes them, one that holds 10 or more with 6
     * significant digits; scientific below 0.0001 and from 10⁶ on (see {@code Decimals}). The
     * table's name becomes the caption.
     */
    public static TableView of(Table table) {
        Table formatted = require("table", table).copy();
        for (Column<?> column : formatted.columns()) {
            if (column instanceof DoubleColumn numbers) {
                double largest = Arrays.stream(numbers.asDoubleArray()).filter(Double::isFinite)
                        .map(Math::abs).max().orElse(0);
                numbers.setPrintFormatter(new NumberColumnFormatter(Decimals.forLargest(largest)));
            }
        }
        return IN_KERNEL ? Renderables.table(formatted) : new TableView(formatted);
    }

    /** A copy of the table behind this view. */
    public Table table() {
        return table.copy();
    }

    /** The table as an HTML {@code <table>}, its name as the caption. */
    public String toHtml() {
        return rendering();
    }

    private static String html(Table table) {
        StringBuilder html = new StringBuilder("<table>\n");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>\n");
        }
        html.append("<thead><tr>");
        for (Column<?> column : table.columns()) {
            html.append("<th>").append(escape(column.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int row = 0; row < table.rowCount(); row++) {
            html.append("<tr>");
            for (Column<?> column : table.columns()) {
                String align = column instanceof NumericColumn<?> ? " style=\"text-align:right\"" : "";
                html.append("<td").append(align).append('>').append(escape(column.getString(row))).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
