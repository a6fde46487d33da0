package org.backprop.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON the way Jupyter (nbformat) writes notebooks: Python's {@code json.dumps(nb, indent=1,
 * sort_keys=True, separators=(",", ": "), ensure_ascii=False)} plus a final newline, after nbformat's
 * {@code split_lines} has turned multi-line strings into lists of lines.
 */
final class JupyterJson {
    private JupyterJson() {
    }

    static JsonElement parse(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new JsonParser().parse(in);
        }
    }

    static JsonElement parse(String json) {
        return new JsonParser().parse(json);
    }

    /** Serialises like Python's json.dumps with the options nbformat uses, with a trailing newline. */
    static String write(JsonElement root) {
        StringBuilder out = new StringBuilder();
        write(root, 0, out);
        out.append('\n');
        return out.toString();
    }

    private static void write(JsonElement e, int depth, StringBuilder out) {
        if (e == null || e.isJsonNull()) {
            out.append("null");
        } else if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isString())
                string(p.getAsString(), out);
            else if (p.isBoolean())
                out.append(p.getAsBoolean() ? "true" : "false");
            else
                out.append(p.getAsNumber().toString());
        } else if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            if (a.size() == 0) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < a.size(); i++) {
                out.append(i == 0 ? "\n" : ",\n");
                indent(depth + 1, out);
                write(a.get(i), depth + 1, out);
            }
            out.append('\n');
            indent(depth, out);
            out.append(']');
        } else {
            JsonObject o = e.getAsJsonObject();
            if (o.size() == 0) {
                out.append("{}");
                return;
            }
            // Python sorts str keys by code point; TreeMap's String order only differs beyond the BMP.
            Map<String, JsonElement> sorted = new TreeMap<>(JupyterJson::compareCodePoints);
            for (Map.Entry<String, JsonElement> entry : o.entrySet())
                sorted.put(entry.getKey(), entry.getValue());
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonElement> entry : sorted.entrySet()) {
                out.append(first ? "\n" : ",\n");
                first = false;
                indent(depth + 1, out);
                string(entry.getKey(), out);
                out.append(": ");
                write(entry.getValue(), depth + 1, out);
            }
            out.append('\n');
            indent(depth, out);
            out.append('}');
        }
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb)
                return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static void indent(int depth, StringBuilder out) {
        for (int i = 0; i < depth; i++)
            out.append(' ');
    }

    /** Python's escaping with ensure_ascii=False: quotes, backslash and control characters only. */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c < 0x20)
                        out.append(String.format("\\u%04x", (int) c));
                    else
                        out.append(c);
            }
        }
        out.append('"');
    }

    /** Python's {@code str.splitlines(True)}: every line keeps its terminator. */
    static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end = -1;
            if (c == '\r') {
                end = (i + 1 < s.length() && s.charAt(i + 1) == '\n') ? i + 2 : i + 1;
            } else if (c == '\n' || c == '\u000b' || c == '\u000c' || c == '\u001c' || c == '\u001d'
                    || c == '\u001e' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                end = i + 1;
            }
            if (end >= 0) {
                lines.add(s.substring(start, end));
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        if (start < s.length())
            lines.add(s.substring(start));
        return lines;
    }

    static JsonArray lines(String s) {
        JsonArray a = new JsonArray();
        for (String line : splitLines(s))
            a.add(line);
        return a;
    }

    /** A multi-line field as stored in a notebook (string or list of strings) joined into one string. */
    static String joined(JsonElement e) {
        if (e == null || e.isJsonNull())
            return "";
        if (e.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonElement part : e.getAsJsonArray())
                sb.append(part.getAsString());
            return sb.toString();
        }
        return e.getAsString();
    }

    /** Whether nbformat stores this MIME type's string value as a list of lines. */
    static boolean isSplitMime(String mime) {
        return mime.startsWith("text/") || mime.equals("application/javascript") || mime.equals("image/svg+xml");
    }

    /** Whether nbformat leaves a list value of this MIME type alone instead of joining it on read. */
    static boolean isJsonMime(String mime) {
        return mime.equals("application/json") || (mime.startsWith("application/") && mime.endsWith("+json"));
    }
}
