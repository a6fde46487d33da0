package org.backprop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.backprop.view.Feedback.Verdict;
import org.junit.jupiter.api.Test;

/** Verdicts: the coloured box, code kept as written, the text form and bad input. */
class FeedbackTest {

    @Test
    void aVerdictIsABoxWithItsMarkTitleAndLines() {
        Feedback help = Feedback.of(Verdict.HELP, "x < 1", List.of("Asked: a & b.", "    double x = 0;",
                "    check(\"x\", x)", "x = 0.0"));
        assertEquals("<div style=\"border-left: 4px solid #0072B2; padding: 2px 10px\"><b style=\"color: #0072B2\">"
                + "? x &lt; 1</b><br>Asked: a &amp; b.<pre style=\"margin: 4px 0\">double x = 0;\ncheck(&quot;x&quot;, x)\n"
                + "</pre><br>x = 0.0</div>", help.toMimeBundle().get("text/html"));
        assertEquals("? x < 1\n  Asked: a & b.\n      double x = 0;\n      check(\"x\", x)\n  x = 0.0", help.toText());
        assertEquals("✓ y = 2.0", Feedback.of(Verdict.CORRECT, "y = 2.0", List.of()).toText());
    }

    @Test
    void badInputIsNamed() {
        assertEquals("verdict must not be null", assertThrows(IllegalArgumentException.class,
                () -> Feedback.of(null, "t", List.of())).getMessage());
        assertEquals("title must not be null", assertThrows(IllegalArgumentException.class,
                () -> Feedback.of(Verdict.WRONG, null, List.of())).getMessage());
        assertEquals("lines must not be null", assertThrows(IllegalArgumentException.class,
                () -> Feedback.of(Verdict.WRONG, "t", null)).getMessage());
        assertEquals("lines[1] must not be null", assertThrows(IllegalArgumentException.class,
                () -> Feedback.of(Verdict.WRONG, "t", Arrays.asList("a", null))).getMessage());
    }
}
