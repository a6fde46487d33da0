package org.backprop.view;

import static org.backprop.view.TextTable.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The ✓ table: a computed value matches when it rounds to the figure at its printed decimals. */
class PublishedFiguresTest {

    @Test
    void matchesAtThePublishedDecimalsCountingTrailingZeros() {
        assertTrue(PublishedFigures.matches("0.35891648", 0.358916479749));
        assertTrue(PublishedFigures.matches("0.511301270", 0.5113012702));
        assertFalse(PublishedFigures.matches("0.511301270", 0.5113012706));
        assertTrue(PublishedFigures.matches("0.0000351085", 3.51085e-5));
        assertFalse(PublishedFigures.matches("0.0000351085", 3.50848e-5));
        assertTrue(PublishedFigures.matches("-0.02260254", -0.022602540));
        assertTrue(PublishedFigures.matches("0.5", 0.45), "half rounds away from zero");
        assertTrue(PublishedFigures.matches("2", 1.5));
    }

    @Test
    void tableShowsEachComputationWithItsMatch() {
        TableView view = PublishedFigures.of("Mazur", "text", "layered")
                .figure("E after 1", "0.291027924", 0.291027774, 0.291027924)
                .figure("out_o1", "0.015912196", Double.NaN, 0.0159121961)
                .table();
        assertEquals(List.of("E after 1", "0.291027924", "0.291027774", "✗", "0.291027924", "✓"),
                row(view, "E after 1"));
        assertEquals(List.of("out_o1", "0.015912196", "", "", "0.015912196", "✓"), row(view, "out_o1"));
        assertEquals("Mazur", view.table().name());
        assertEquals(List.of("figure", "published", "text", "match (text)", "layered", "match (layered)"),
                view.table().columnNames());
    }

    @Test
    void oneComputationHasAPlainMatchColumn() {
        PublishedFigures figures = PublishedFigures.of("one", "computed").figure("w5", "0.35891648", 0.35891648);
        assertEquals(List.of("figure", "published", "computed", "match"), figures.table().table().columnNames());
        assertTrue(figures.allMatch());
        assertFalse(figures.figure("w6", "0.408666186", 0.4).allMatch());
    }

    @Test
    void figureReturnsANewObject() {
        PublishedFigures empty = PublishedFigures.of("t", "c");
        empty.figure("w5", "0.4", 0.4);
        assertEquals(0, empty.table().table().rowCount());
    }

    @Test
    void badInputIsRejectedWithItsParameter() {
        PublishedFigures figures = PublishedFigures.of("t", "a", "b").figure("w5", "0.4", 0.4, 0.4);
        refuses("title must be a non-blank text, but was null", () -> PublishedFigures.of(null, "a"));
        refuses("title must be a non-blank text, but was ' '", () -> PublishedFigures.of(" ", "a"));
        refuses("computations must name at least 1 computation, but was null",
                () -> PublishedFigures.of("t", (String[]) null));
        refuses("computations must name at least 1 computation, but named none", () -> PublishedFigures.of("t"));
        refuses("computations must be non-blank names, but held null", () -> PublishedFigures.of("t", "a", null));
        refuses("computations must be non-blank names, but held ''", () -> PublishedFigures.of("t", ""));
        refuses("computations must have distinct names, but 'a' came twice", () -> PublishedFigures.of("t", "a", "a"));
        refuses("name must be a non-blank text, but was null", () -> figures.figure(null, "0.4", 1, 1));
        refuses("name must be new to the table, but 'w5' is already a figure",
                () -> figures.figure("w5", "0.4", 1, 1));
        refuses("published must be a decimal number as the source prints it (like 0.511301270), but was null",
                () -> figures.figure("w6", null, 1, 1));
        refuses("published must be a decimal number as the source prints it (like 0.511301270), but was '3.5e-5'",
                () -> figures.figure("w6", "3.5e-5", 1, 1));
        refuses("published must be a decimal number as the source prints it (like 0.511301270), but was 'NaN'",
                () -> PublishedFigures.matches("NaN", 1));
        refuses("computed must hold one value per computation [a, b], expected 2 but got 1",
                () -> figures.figure("w6", "0.4", 1));
        refuses("computed must hold one value per computation [a, b], expected 2 but was null",
                () -> figures.figure("w6", "0.4", (double[]) null));
        refuses("computed must be finite (or NaN for no value), but held Infinity for 'w6'",
                () -> figures.figure("w6", "0.4", 1, Double.POSITIVE_INFINITY));
        refuses("computed must be a finite number, but was NaN", () -> PublishedFigures.matches("0.4", Double.NaN));
        refuses("computed must be a finite number, but was -Infinity",
                () -> PublishedFigures.matches("0.4", Double.NEGATIVE_INFINITY));
    }

    private static void refuses(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
