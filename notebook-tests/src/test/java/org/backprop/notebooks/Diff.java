package org.backprop.notebooks;

import java.util.List;

/** A short line diff: the differing middle of two texts, with a little context, capped in length. */
final class Diff {
    private static final int CONTEXT = 2;
    private static final int MAX_LINES = 8;
    private static final int MAX_WIDTH = 160;

    private Diff() {
    }

    static String shortDiff(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int prefix = 0;
        while (prefix < e.size() && prefix < a.size() && e.get(prefix).equals(a.get(prefix)))
            prefix++;
        int suffix = 0;
        while (suffix < e.size() - prefix && suffix < a.size() - prefix
                && e.get(e.size() - 1 - suffix).equals(a.get(a.size() - 1 - suffix)))
            suffix++;
        StringBuilder out = new StringBuilder();
        if (prefix == e.size() && prefix == a.size()) {
            // Same lines: the difference is in line endings or trailing newline.
            out.append("      (texts differ only in line endings or a trailing newline: ")
                    .append(visible(tail(expected))).append(" vs ").append(visible(tail(actual))).append(")\n");
            return out.toString();
        }
        int from = Math.max(0, prefix - CONTEXT);
        if (from > 0)
            out.append("      @@ line ").append(from + 1).append(" @@\n");
        for (int i = from; i < prefix; i++)
            out.append("        ").append(clip(e.get(i))).append('\n');
        append(out, "      - ", e.subList(prefix, e.size() - suffix));
        append(out, "      + ", a.subList(prefix, a.size() - suffix));
        for (int i = e.size() - suffix; i < Math.min(e.size(), e.size() - suffix + CONTEXT); i++)
            out.append("        ").append(clip(e.get(i))).append('\n');
        return out.toString();
    }

    private static void append(StringBuilder out, String marker, List<String> lines) {
        for (int i = 0; i < Math.min(lines.size(), MAX_LINES); i++)
            out.append(marker).append(clip(lines.get(i))).append('\n');
        if (lines.size() > MAX_LINES)
            out.append(marker).append("... (").append(lines.size() - MAX_LINES).append(" more lines)\n");
    }

    private static String clip(String line) {
        return line.length() <= MAX_WIDTH ? line : line.substring(0, MAX_WIDTH - 3) + "...";
    }

    private static String tail(String s) {
        return s.length() <= 12 ? s : s.substring(s.length() - 12);
    }

    private static String visible(String s) {
        return "\"" + s.replace("\r", "\\r").replace("\n", "\\n") + "\"";
    }
}
