package org.backprop.view;

import java.util.Arrays;
import java.util.List;

/** Reads a table view's plain text back: the cells of the row that starts with a given cell. */
final class TextTable {

    private TextTable() {
    }

    static List<String> row(TableView view, String firstCell) {
        return view.toText().lines()
                .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toList())
                .filter(cells -> cells.get(0).equals(firstCell))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + firstCell + "' in\n" + view.toText()));
    }

    /** The first cell of every row below the header rule. */
    static List<String> rowNames(TableView view) {
        List<String> lines = view.toText().lines().toList();
        int rule = lines.indexOf(lines.stream().filter(line -> line.startsWith("---")).findFirst().orElseThrow());
        return lines.subList(rule + 1, lines.size()).stream().map(line -> line.split("\\|")[0].strip()).toList();
    }
}
