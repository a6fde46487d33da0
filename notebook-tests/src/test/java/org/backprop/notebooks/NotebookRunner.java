package org.backprop.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a notebook top to bottom in a fresh kernel, like "Run All" in Jupyter: every code cell with
 * non-blank source is sent as one execute_request, in order (blank cells are skipped and keep no
 * execution count), and the iopub messages are turned into nbformat outputs the way a Jupyter client
 * stores them. The run stops at the first cell that fails.
 */
final class NotebookRunner {
    private static final Pattern UNDEFINED_MAGIC = Pattern.compile("Undefined (line|cell) magic '([^']*)'");
    private static final Pattern REFUSED_MAGIC = Pattern.compile("(%%?\\w+) is an IJava magic the notebooks must not use");

    /** Fresh outputs of one code cell (multi-line values joined). */
    static final class CellRun {
        final Integer executionCount;
        final List<JsonObject> outputs;

        CellRun(Integer executionCount, List<JsonObject> outputs) {
            this.executionCount = executionCount;
            this.outputs = outputs;
        }

        /** The text/plain of the cell's value (its execute_result), or "" when the cell has no value. */
        String valueText() {
            for (JsonObject out : this.outputs)
                if ("execute_result".equals(type(out)) && out.getAsJsonObject("data").has("text/plain"))
                    return JupyterJson.joined(out.getAsJsonObject("data").get("text/plain"));
            return "";
        }
    }

    private final KernelLauncher launcher;
    private final Path runDir;
    private final Duration cellTimeout;

    NotebookRunner(KernelLauncher launcher, Path runDir, Duration cellTimeout) {
        this.launcher = launcher;
        this.runDir = runDir;
        this.cellTimeout = cellTimeout;
    }

    /** Fresh outputs by cell index (code cells only). */
    Map<Integer, CellRun> run(Notebook notebook) throws IOException {
        String label = notebook.name().replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = notebook.path.toAbsolutePath().getParent();
        Map<Integer, CellRun> runs = new LinkedHashMap<>();
        Outputs outputs = new Outputs();
        KernelSession kernel = null;
        for (int attempt = 1; kernel == null; attempt++) {
            try {
                kernel = KernelSession.start(this.launcher, dir, this.runDir, label);
            } catch (KernelSession.KernelException e) {
                // A second try with new ports, in case another process took one of the free ports we picked.
                if (attempt == 2)
                    throw new NotebookFailure(notebook.name() + ": the kernel did not start: " + e.getMessage());
            }
        }
        try (KernelSession k = kernel) {
            List<JsonObject> cells = notebook.cells();
            for (int i = 0; i < cells.size(); i++) {
                JsonObject cell = cells.get(i);
                if (!Notebook.isCode(cell))
                    continue;
                String source = Notebook.source(cell);
                if (source.isBlank()) {
                    runs.put(i, new CellRun(null, new ArrayList<>()));
                    continue;
                }
                KernelSession.Execution execution;
                try {
                    execution = k.execute(source, this.cellTimeout);
                } catch (KernelSession.KernelException e) {
                    throw new NotebookFailure(notebook.name() + " " + NotebookFailure.cellLabel(i, cell, null)
                            + ": " + e.getMessage());
                }
                Integer count = execution.reply != null && execution.reply.has("execution_count")
                        && !execution.reply.get("execution_count").isJsonNull()
                        ? execution.reply.get("execution_count").getAsInt() : null;
                List<JsonObject> cellOutputs = outputs.collect(execution.iopub);
                runs.put(i, new CellRun(count, cellOutputs));
                checkCell(notebook, i, cell, count, cellOutputs, execution.reply);
            }
        }
        return runs;
    }

    /** Fails on an error output, on anything written to stderr, or on a non-ok reply. */
    private static void checkCell(Notebook nb, int index, JsonObject cell, Integer count, List<JsonObject> outputs,
                                  JsonObject reply) {
        String where = nb.name() + " " + NotebookFailure.cellLabel(index, cell, count);
        StringBuilder problems = new StringBuilder();
        for (JsonObject out : outputs) {
            if ("error".equals(type(out)))
                problems.append(describeError(out));
        }
        StringBuilder stderr = new StringBuilder();
        for (JsonObject out : outputs) {
            if ("stream".equals(type(out)) && "stderr".equals(out.get("name").getAsString()))
                stderr.append(out.get("text").getAsString());
        }
        if (stderr.length() > 0)
            problems.append("\n  wrote to stderr (not allowed in a notebook):\n").append(indent(limit(stderr.toString(), 30)));
        String status = reply != null && reply.has("status") ? reply.get("status").getAsString() : "missing";
        if (problems.length() == 0 && !"ok".equals(status))
            problems.append("\n  execute_reply status is '").append(status).append("'");
        if (problems.length() > 0)
            throw new NotebookFailure(where + ":" + problems + missingJars(nb, index));
    }

    private static final Pattern JARS_MAGIC = Pattern.compile("(?m)^\\s*%(jars|classpath)\\s+(.*)$");

    /**
     * A hint for the most likely cause of a compile error: a %jars/%classpath path (without wildcards) in
     * this or an earlier cell that names nothing, relative to the notebook's folder. IJava ignores such
     * paths silently, and so does the kernel here.
     */
    private static String missingJars(Notebook nb, int upTo) {
        Path dir = nb.path.toAbsolutePath().getParent();
        StringBuilder notes = new StringBuilder();
        List<JsonObject> cells = nb.cells();
        for (int i = 0; i <= upTo && i < cells.size(); i++) {
            if (!Notebook.isCode(cells.get(i)))
                continue;
            Matcher m = JARS_MAGIC.matcher(Notebook.source(cells.get(i)));
            while (m.find()) {
                for (String arg : m.group(2).trim().split("\\s+")) {
                    String path = arg.replace("\"", "");
                    if (path.isEmpty() || path.contains("*") || path.contains("?"))
                        continue;
                    if (!java.nio.file.Files.exists(dir.resolve(path)))
                        notes.append("\n  note: %").append(m.group(1)).append(' ').append(path)
                                .append(" (cell[").append(i).append("]) names nothing in ").append(dir)
                                .append(path.endsWith("backprop.jar") ? " (build lib first: ./mvnw -pl lib package)" : "");
                }
            }
        }
        return notes.toString();
    }

    private static String describeError(JsonObject error) {
        String ename = error.has("ename") ? error.get("ename").getAsString() : "?";
        String evalue = error.has("evalue") ? NotebookFailure.plain(error.get("evalue").getAsString()) : "";
        StringBuilder trace = new StringBuilder();
        if (error.has("traceback"))
            for (JsonElement line : error.getAsJsonArray("traceback"))
                trace.append(NotebookFailure.plain(line.getAsString())).append('\n');
        String what;
        Matcher undefined = UNDEFINED_MAGIC.matcher(evalue);
        Matcher refused = REFUSED_MAGIC.matcher(evalue);
        if (undefined.find()) {
            String prefix = undefined.group(1).equals("cell") ? "%%" : "%";
            what = "unknown " + undefined.group(1) + " magic " + prefix + undefined.group(2)
                    + " (the IJava kernel has no such magic)";
        } else if (refused.find()) {
            what = "magic " + refused.group(1) + " is not allowed (only %jars and %classpath are)";
        } else if (ename.equals("CompilationException")) {
            what = "compile error: JShell rejected a snippet";
        } else if (ename.equals("IncompleteSourceException")) {
            what = "the cell ends with incomplete source";
        } else if (ename.equals("EvalException") || ename.equals("UnresolvedReferenceException")) {
            String first = trace.toString().lines().findFirst().orElse(evalue);
            what = "exception: " + first;
        } else {
            what = ename + ": " + evalue;
        }
        return "\n  " + what + "\n" + indent(limit(trace.toString(), 25));
    }

    private static String limit(String text, int maxLines) {
        List<String> lines = text.lines().toList();
        if (lines.size() <= maxLines)
            return String.join("\n", lines);
        return String.join("\n", lines.subList(0, maxLines)) + "\n... (" + (lines.size() - maxLines) + " more lines)";
    }

    /** {@code text} with each line set off by "    | ", as the failure messages quote outputs and code. */
    static String indent(String text) {
        StringBuilder sb = new StringBuilder();
        text.lines().forEach(l -> sb.append("    | ").append(l).append('\n'));
        return sb.toString();
    }

    static String type(JsonObject output) {
        return output.has("output_type") ? output.get("output_type").getAsString() : "";
    }

    /**
     * Turns iopub messages into stored outputs, keeping the state a Jupyter front end keeps across the
     * whole notebook (display ids, for update_display_data).
     */
    static final class Outputs {
        private final Map<String, List<JsonObject>> displays = new HashMap<>();

        List<JsonObject> collect(List<KernelSession.Msg> messages) {
            List<JsonObject> outs = new ArrayList<>();
            boolean clearOnNext = false;
            for (KernelSession.Msg m : messages) {
                JsonObject c = m.content;
                switch (m.type) {
                    case "clear_output":
                        if (c.has("wait") && c.get("wait").getAsBoolean())
                            clearOnNext = true;
                        else
                            clear(outs);
                        continue;
                    case "update_display_data":
                        update(displayId(c), c);
                        continue;
                    case "stream":
                    case "display_data":
                    case "execute_result":
                    case "error":
                        break;
                    default:
                        continue; // comm messages and the like are not stored in notebooks
                }
                if (clearOnNext) {
                    clear(outs);
                    clearOnNext = false;
                }
                switch (m.type) {
                    case "stream": {
                        String name = c.get("name").getAsString();
                        String text = c.get("text").getAsString();
                        JsonObject last = outs.isEmpty() ? null : outs.get(outs.size() - 1);
                        if (last != null && "stream".equals(type(last)) && name.equals(last.get("name").getAsString())) {
                            last.addProperty("text", Streams.removeOverwrittenChars(last.get("text").getAsString() + text));
                        } else {
                            JsonObject out = new JsonObject();
                            out.addProperty("output_type", "stream");
                            out.addProperty("name", name);
                            out.addProperty("text", Streams.removeOverwrittenChars(text));
                            outs.add(out);
                        }
                        break;
                    }
                    case "display_data":
                    case "execute_result": {
                        JsonObject out = new JsonObject();
                        out.addProperty("output_type", m.type);
                        out.add("data", bundle(c));
                        out.add("metadata", metadata(c));
                        if (m.type.equals("execute_result"))
                            out.add("execution_count", c.get("execution_count"));
                        String id = displayId(c);
                        if (id != null) {
                            // As nbclient does: a new output under a known display id updates the earlier ones too.
                            update(id, c);
                            this.displays.computeIfAbsent(id, k -> new ArrayList<>()).add(out);
                        }
                        outs.add(out);
                        break;
                    }
                    default: { // error
                        JsonObject out = new JsonObject();
                        out.addProperty("output_type", "error");
                        out.add("ename", c.get("ename"));
                        out.add("evalue", c.get("evalue"));
                        out.add("traceback", c.has("traceback") ? c.get("traceback") : new JsonArray());
                        outs.add(out);
                        break;
                    }
                }
            }
            return outs;
        }

        /**
         * Replaces the data and metadata of every stored output that carries display id {@code id}, in whichever
         * cell it is (nbclient's {@code _update_display_id}); an unknown or missing id changes nothing.
         */
        private void update(String id, JsonObject content) {
            if (id == null)
                return;
            for (JsonObject target : this.displays.getOrDefault(id, List.of())) {
                target.add("data", bundle(content));
                target.add("metadata", metadata(content));
            }
        }

        private void clear(List<JsonObject> outs) {
            for (List<JsonObject> targets : this.displays.values())
                targets.removeIf(t -> outs.stream().anyMatch(o -> o == t));
            outs.clear();
        }

        private static String displayId(JsonObject content) {
            JsonElement t = content.get("transient");
            if (t == null || !t.isJsonObject())
                return null;
            JsonElement id = t.getAsJsonObject().get("display_id");
            return id == null || id.isJsonNull() ? null : id.getAsString();
        }

        private static JsonObject bundle(JsonObject content) {
            JsonElement data = content.get("data");
            return data != null && data.isJsonObject() ? data.getAsJsonObject().deepCopy() : new JsonObject();
        }

        private static JsonObject metadata(JsonObject content) {
            JsonElement meta = content.get("metadata");
            return meta != null && meta.isJsonObject() ? meta.getAsJsonObject().deepCopy() : new JsonObject();
        }
    }
}
