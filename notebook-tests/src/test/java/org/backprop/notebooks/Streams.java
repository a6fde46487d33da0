package org.backprop.notebooks;

/**
 * What JupyterLab does to stream text before storing it (its {@code removeOverwrittenChars}): a
 * backspace deletes the character before it, and a carriage return not followed by a newline moves back
 * to the start of the line so that later text overwrites earlier text ("50%\r100%" is stored as "100%").
 */
final class Streams {
    private Streams() {
    }

    static String removeOverwrittenChars(String text) {
        return fixCarriageReturn(fixBackspace(text));
    }

    private static String fixBackspace(String text) {
        if (text.indexOf('\b') < 0)
            return text;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\b' && out.length() > 0 && out.charAt(out.length() - 1) != '\n' && out.charAt(out.length() - 1) != '\b')
                out.setLength(out.length() - 1);
            else
                out.append(c);
        }
        return out.toString();
    }

    private static String fixCarriageReturn(String text) {
        if (text.indexOf('\r') < 0)
            return text;
        text = text.replaceAll("\r+\n", "\n");
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            boolean trailingReturn = l == lines.length - 1 && line.endsWith("\r");
            String[] parts = line.split("\r+", -1);
            String shown = parts[0];
            for (int p = 1; p < parts.length; p++) {
                String part = parts[p];
                shown = part + shown.substring(Math.min(part.length(), shown.length()));
            }
            out.append(shown);
            if (trailingReturn)
                out.append('\r'); // kept until more text arrives, as JupyterLab does
            if (l < lines.length - 1)
                out.append('\n');
        }
        return out.toString();
    }
}
