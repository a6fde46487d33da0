package org.backprop.view;

import java.util.List;

/**
 * The verdict on a student's answer: a green ✓ with the value, a red ✗ with what was expected and
 * what went wrong, or a grey "not yet" with a hint. A coloured box in IJava, lines of text elsewhere.
 */
public class Feedback extends View {

    /** What the verdict says. */
    public enum Verdict {
        /** The answer is right. */
        CORRECT("✓", "#009E73"),
        /** The answer is wrong. */
        WRONG("✗", "#D55E00"),
        /** No answer yet: the placeholder is still in place. */
        NOT_YET("…", "#777777"),
        /** Not a verdict: a hint or a solution asked for. */
        HELP("?", "#0072B2");

        private final String mark;
        private final String colour;

        Verdict(String mark, String colour) {
            this.mark = mark;
            this.colour = colour;
        }
    }

    private final Verdict verdict;

    Feedback(Verdict verdict, String title, List<String> lines) {
        super("text/html", html(verdict, title, lines), text(verdict, title, lines));
        this.verdict = verdict;
    }

    /**
     * A verdict with its title (one line: the mark goes before it) and the lines under it, which
     * may be empty. Lines that start with four spaces are code, shown as written.
     */
    public static Feedback of(Verdict verdict, String title, List<String> lines) {
        require("verdict", verdict);
        require("title", title);
        for (int i = 0; i < require("lines", lines).size(); i++) {
            require("lines[" + i + "]", lines.get(i));
        }
        List<String> copy = List.copyOf(lines);
        return IN_KERNEL ? Renderables.feedback(verdict, title, copy) : new Feedback(verdict, title, copy);
    }

    /** What the verdict says. */
    public Verdict verdict() {
        return verdict;
    }

    private static String text(Verdict verdict, String title, List<String> lines) {
        StringBuilder text = new StringBuilder(verdict.mark).append(' ').append(title);
        lines.forEach(line -> text.append("\n  ").append(line));
        return text.toString();
    }

    private static String html(Verdict verdict, String title, List<String> lines) {
        StringBuilder html = new StringBuilder("<div style=\"border-left: 4px solid " + verdict.colour
                + "; padding: 2px 10px\"><b style=\"color: " + verdict.colour + "\">" + verdict.mark + " "
                + TableView.escape(title) + "</b>");
        StringBuilder code = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("    ")) {
                code.append(TableView.escape(line.substring(4))).append('\n');
                continue;
            }
            flush(html, code);
            html.append("<br>").append(TableView.escape(line));
        }
        flush(html, code);
        return html.append("</div>").toString();
    }

    private static void flush(StringBuilder html, StringBuilder code) {
        if (!code.isEmpty()) {
            html.append("<pre style=\"margin: 4px 0\">").append(code).append("</pre>");
            code.setLength(0);
        }
    }
}
