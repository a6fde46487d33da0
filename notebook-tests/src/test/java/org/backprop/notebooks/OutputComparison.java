package org.backprop.notebooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compares a notebook's committed outputs with a fresh run's.
 * <ul>
 *   <li>per code cell: execution count, number and kind of outputs;</li>
 *   <li>stream: name and text exactly;</li>
 *   <li>execute_result / display_data: the same MIME types; text/plain, text/html, text/latex,
 *       text/markdown, image/svg+xml (and any other type) exactly; image/png, image/jpeg, image/gif only
 *       by decoded pixel size, since rasterised fonts differ between machines; output metadata exactly.</li>
 * </ul>
 * One allowance: in stream text and text/plain, Java identity hash codes as printed by
 * {@code Object.toString()} ({@code BufferedImage@1b6d3586}) are masked, since they differ on every run
 * (basekernel puts {@code String.valueOf(value)} in text/plain of every rendered value).
 */
final class OutputComparison {
    private static final Pattern IDENTITY_HASH = Pattern.compile("(?<=[\\w$\\]])@[0-9a-f]{1,8}\\b");
    private static final Pattern UUID = Pattern.compile(
            "^'?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'?$");
    private static final Set<String> RASTER = Set.of("image/png", "image/jpeg", "image/gif");
    private static final int MAX_REPORTED = 10;

    private OutputComparison() {
    }

    /** Empty when committed and fresh outputs agree; otherwise one entry per difference. */
    static List<String> compare(Notebook nb, Map<Integer, NotebookRunner.CellRun> fresh) {
        List<String> problems = new ArrayList<>();
        List<JsonObject> cells = nb.cells();
        for (Map.Entry<Integer, NotebookRunner.CellRun> entry : fresh.entrySet()) {
            int index = entry.getKey();
            JsonObject cell = cells.get(index);
            NotebookRunner.CellRun run = entry.getValue();
            String where = NotebookFailure.cellLabel(index, cell, run.executionCount);
            Integer committedCount = Notebook.executionCount(cell);
            if (!java.util.Objects.equals(committedCount, run.executionCount))
                problems.add(where + ": execution_count is " + committedCount + " in the file, " + run.executionCount
                        + " when run top to bottom");
            compareCell(where, Notebook.outputs(cell), run.outputs, problems);
        }
        if (problems.size() > MAX_REPORTED) {
            int more = problems.size() - MAX_REPORTED;
            problems = new ArrayList<>(problems.subList(0, MAX_REPORTED));
            problems.add("... and " + more + " more differences");
        }
        return problems;
    }

    private static void compareCell(String where, List<JsonObject> expected, List<JsonObject> actual, List<String> problems) {
        if (!kinds(expected).equals(kinds(actual))) {
            problems.add(where + ": outputs differ\n    in the file: " + kinds(expected) + "\n    fresh run:   " + kinds(actual)
                    + firstDifferingText(expected, actual));
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            JsonObject e = expected.get(i);
            JsonObject a = actual.get(i);
            String at = where + " output " + i + " (" + NotebookRunner.type(e) + ")";
            switch (NotebookRunner.type(e)) {
                case "stream":
                    compareText(at + " " + e.get("name").getAsString(), maskHashes(JupyterJson.joined(e.get("text"))),
                            maskHashes(JupyterJson.joined(a.get("text"))), problems);
                    break;
                case "execute_result":
                case "display_data":
                    compareBundle(at, e, a, problems);
                    break;
                default:
                    if (!e.equals(a))
                        problems.add(at + ": differs\n" + Diff.shortDiff(e.toString(), a.toString()));
            }
        }
    }

    /** Kinds of outputs in order, e.g. [stream stdout, display_data, execute_result]. */
    private static List<String> kinds(List<JsonObject> outputs) {
        List<String> kinds = new ArrayList<>();
        for (JsonObject o : outputs) {
            String type = NotebookRunner.type(o);
            kinds.add(type.equals("stream") ? "stream " + o.get("name").getAsString() : type);
        }
        return kinds;
    }

    private static String firstDifferingText(List<JsonObject> expected, List<JsonObject> actual) {
        String e = summary(expected);
        String a = summary(actual);
        return e.equals(a) ? "" : "\n" + Diff.shortDiff(e, a);
    }

    /** The outputs as text, as a reader of a failure message wants them: stream text and each value's text/plain. */
    static String summary(List<JsonObject> outputs) {
        StringBuilder sb = new StringBuilder();
        for (JsonObject o : outputs) {
            if (o.has("text"))
                sb.append(JupyterJson.joined(o.get("text")));
            else if (o.has("data") && o.getAsJsonObject("data").has("text/plain"))
                sb.append(JupyterJson.joined(o.getAsJsonObject("data").get("text/plain"))).append('\n');
        }
        return sb.toString();
    }

    private static void compareBundle(String at, JsonObject expected, JsonObject actual, List<String> problems) {
        JsonObject e = expected.has("data") ? expected.getAsJsonObject("data") : new JsonObject();
        JsonObject a = actual.has("data") ? actual.getAsJsonObject("data") : new JsonObject();
        Set<String> eTypes = new TreeSet<>(e.keySet());
        Set<String> aTypes = new TreeSet<>(a.keySet());
        if (!eTypes.equals(aTypes)) {
            problems.add(at + ": MIME types differ: " + eTypes + " in the file, " + aTypes + " in a fresh run");
            return;
        }
        for (String mime : eTypes) {
            JsonElement ev = e.get(mime);
            JsonElement av = a.get(mime);
            if (RASTER.contains(mime)) {
                String eSize = pixelSize(ev);
                String aSize = pixelSize(av);
                if (eSize == null || aSize == null)
                    problems.add(at + " " + mime + ": not a readable image " + (eSize == null ? "in the file" : "in a fresh run"));
                else if (!eSize.equals(aSize))
                    problems.add(at + " " + mime + ": image size " + eSize + " in the file, " + aSize + " in a fresh run");
            } else if (isText(ev) && isText(av)) {
                String es = JupyterJson.joined(ev);
                String as = JupyterJson.joined(av);
                if (mime.equals("text/plain")) {
                    es = maskHashes(es);
                    as = maskHashes(as);
                }
                compareText(at + " " + mime, es, as, problems);
                if (mime.equals("text/plain") && UUID.matcher(es.strip()).matches() && UUID.matcher(as.strip()).matches()
                        && !es.equals(as)) {
                    problems.add(at + ": hint: that looks like a display id. In IJava, display(...) returns its random "
                            + "display id, so a cell ending in display(...) (with or without ';') shows the id as its result;"
                            + " make the cell's last expression the value itself, or write var id = display(...);");
                }
            } else if (!ev.equals(av)) {
                problems.add(at + " " + mime + ": differs\n" + Diff.shortDiff(ev.toString(), av.toString()));
            }
        }
        JsonElement em = expected.get("metadata");
        JsonElement am = actual.get("metadata");
        JsonObject emo = em != null && em.isJsonObject() ? em.getAsJsonObject() : new JsonObject();
        JsonObject amo = am != null && am.isJsonObject() ? am.getAsJsonObject() : new JsonObject();
        if (!emo.equals(amo))
            problems.add(at + ": output metadata differs\n" + Diff.shortDiff(emo.toString(), amo.toString()));
    }

    private static boolean isText(JsonElement v) {
        if (v.isJsonPrimitive())
            return v.getAsJsonPrimitive().isString();
        if (!v.isJsonArray())
            return false;
        for (JsonElement e : v.getAsJsonArray())
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString())
                return false;
        return true;
    }

    private static void compareText(String at, String expected, String actual, List<String> problems) {
        if (!expected.equals(actual))
            problems.add(at + " differs (- in the file, + fresh run):\n" + Diff.shortDiff(expected, actual));
    }

    static String maskHashes(String s) {
        return IDENTITY_HASH.matcher(s).replaceAll("@<hash>");
    }

    /**
     * "WIDTHxHEIGHT" of a base64 image, read from its header only (basekernel 2.3.0 never closes its base64
     * stream, so PNGs it renders lack their last bytes and a full decode may fail), or null if unreadable.
     */
    static String pixelSize(JsonElement base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(JupyterJson.joined(base64).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext())
                return null;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return reader.getWidth(0) + "x" + reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
