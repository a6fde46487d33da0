package org.backprop.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An .ipynb file (nbformat 4) held as its JSON tree, so that everything the harness does not own
 * (metadata, markdown, attachments) is written back untouched. Multi-line values are joined on read
 * (nbformat's rejoin_lines) and split again on write (split_lines).
 */
final class Notebook {
    final Path path;
    private final JsonObject root;

    private Notebook(Path path, JsonObject root) {
        this.path = path;
        this.root = root;
    }

    static Notebook read(Path path) throws IOException {
        JsonElement json;
        try {
            json = JupyterJson.parse(path);
        } catch (RuntimeException e) {
            throw new IOException(path.getFileName() + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!json.isJsonObject() || !json.getAsJsonObject().has("cells"))
            throw new IOException(path.getFileName() + " is not an nbformat 4 notebook (no \"cells\")");
        JsonObject root = json.getAsJsonObject();
        if (root.has("nbformat") && root.get("nbformat").getAsInt() != 4)
            throw new IOException(path.getFileName() + " is nbformat " + root.get("nbformat") + ", expected 4");
        return new Notebook(path, root);
    }

    String name() {
        return this.path.getFileName().toString();
    }

    List<JsonObject> cells() {
        List<JsonObject> cells = new ArrayList<>();
        for (JsonElement e : this.root.getAsJsonArray("cells"))
            cells.add(e.getAsJsonObject());
        return cells;
    }

    /**
     * A copy of this notebook with {@code cells} in place of its own, at the same path so that it runs in the
     * same folder (%jars paths are relative to it); for running a variant of a notebook without writing it.
     */
    Notebook withCells(List<JsonObject> cells) {
        JsonObject copy = this.root.deepCopy();
        JsonArray array = new JsonArray();
        cells.forEach(cell -> array.add(cell.deepCopy()));
        copy.add("cells", array);
        return new Notebook(this.path, copy);
    }

    /** A new, not yet run code cell with this id and source. */
    static JsonObject codeCell(String id, String source) {
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.addProperty("id", id);
        cell.add("metadata", new JsonObject());
        cell.addProperty("source", source);
        setOutputs(cell, List.of(), null);
        return cell;
    }

    /** A copy of {@code cell} with {@code source} in place of its own. */
    static JsonObject withSource(JsonObject cell, String source) {
        JsonObject copy = cell.deepCopy();
        copy.addProperty("source", source);
        return copy;
    }

    /** The cell's id (nbformat 4.5), or null if it has none. */
    static String id(JsonObject cell) {
        JsonElement id = cell.get("id");
        return id != null && id.isJsonPrimitive() ? id.getAsString() : null;
    }

    static boolean isCode(JsonObject cell) {
        return cell.has("cell_type") && "code".equals(cell.get("cell_type").getAsString());
    }

    static String source(JsonObject cell) {
        return JupyterJson.joined(cell.get("source"));
    }

    /** The committed outputs of a code cell, with multi-line values joined. */
    static List<JsonObject> outputs(JsonObject cell) {
        List<JsonObject> outputs = new ArrayList<>();
        JsonElement outs = cell.get("outputs");
        if (outs == null || !outs.isJsonArray())
            return outputs;
        for (JsonElement e : outs.getAsJsonArray())
            outputs.add(rejoin(e.getAsJsonObject().deepCopy()));
        return outputs;
    }

    static Integer executionCount(JsonObject cell) {
        JsonElement count = cell.get("execution_count");
        return count == null || count.isJsonNull() ? null : count.getAsInt();
    }

    private static JsonObject rejoin(JsonObject output) {
        if (output.has("text"))
            output.addProperty("text", JupyterJson.joined(output.get("text")));
        if (output.has("data") && output.get("data").isJsonObject()) {
            JsonObject data = output.getAsJsonObject("data");
            for (Map.Entry<String, JsonElement> entry : new ArrayList<>(data.entrySet())) {
                JsonElement v = entry.getValue();
                if (!JupyterJson.isJsonMime(entry.getKey()) && v.isJsonArray() && allStrings(v.getAsJsonArray()))
                    data.addProperty(entry.getKey(), JupyterJson.joined(v));
            }
        }
        return output;
    }

    private static boolean allStrings(JsonArray a) {
        for (JsonElement e : a)
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString())
                return false;
        return true;
    }

    /** Replaces a code cell's outputs (given joined) and execution count. */
    static void setOutputs(JsonObject cell, List<JsonObject> outputs, Integer executionCount) {
        JsonArray array = new JsonArray();
        outputs.forEach(o -> array.add(o.deepCopy()));
        cell.add("outputs", array);
        cell.add("execution_count", executionCount == null ? JsonNull.INSTANCE : new JsonPrimitive(executionCount));
    }

    /** The file as Jupyter would save it: ids on every cell (nbformat 4.5), lines split, keys sorted. */
    String toJupyterJson() {
        JsonObject copy = this.root.deepCopy();
        ensureCellIds(copy);
        int minor = copy.has("nbformat_minor") ? copy.get("nbformat_minor").getAsInt() : 0;
        copy.addProperty("nbformat", 4);
        copy.addProperty("nbformat_minor", Math.max(minor, 5));
        if (!copy.has("metadata"))
            copy.add("metadata", new JsonObject());
        // nbformat's strip_transient
        JsonObject meta = copy.getAsJsonObject("metadata");
        meta.remove("orig_nbformat");
        meta.remove("orig_nbformat_minor");
        meta.remove("signature");
        for (JsonElement c : copy.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!cell.has("metadata"))
                cell.add("metadata", new JsonObject());
            cell.getAsJsonObject("metadata").remove("trusted");
            splitLines(cell);
        }
        return JupyterJson.write(copy);
    }

    void write() throws IOException {
        Files.writeString(this.path, toJupyterJson(), StandardCharsets.UTF_8);
    }

    private void ensureCellIds(JsonObject nb) {
        Set<String> used = new HashSet<>();
        JsonArray cells = nb.getAsJsonArray("cells");
        for (JsonElement c : cells) {
            String id = id(c.getAsJsonObject());
            if (id != null)
                used.add(id);
        }
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            if (id(cell) != null)
                continue;
            // Stable: derived from the file name and position, so a refresh gives the same ids every time.
            String id = stableId(name() + "#" + i);
            for (int n = 1; used.contains(id); n++)
                id = stableId(name() + "#" + i + "#" + n);
            used.add(id);
            cell.addProperty("id", id);
        }
    }

    private static String stableId(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 4; i++)
                hex.append(String.format("%02x", hash[i]));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void splitLines(JsonObject cell) {
        JsonElement source = cell.get("source");
        if (source != null && source.isJsonPrimitive())
            cell.add("source", JupyterJson.lines(source.getAsString()));
        if (cell.has("attachments") && cell.get("attachments").isJsonObject()) {
            for (Map.Entry<String, JsonElement> a : cell.getAsJsonObject("attachments").entrySet())
                if (a.getValue().isJsonObject())
                    splitBundle(a.getValue().getAsJsonObject());
        }
        if (!isCode(cell) || !cell.has("outputs"))
            return;
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            JsonObject output = o.getAsJsonObject();
            String type = output.has("output_type") ? output.get("output_type").getAsString() : "";
            if ((type.equals("execute_result") || type.equals("display_data")) && output.has("data")) {
                splitBundle(output.getAsJsonObject("data"));
            } else if (type.equals("stream") && output.has("text") && output.get("text").isJsonPrimitive()) {
                output.add("text", JupyterJson.lines(output.get("text").getAsString()));
            }
        }
    }

    private static void splitBundle(JsonObject data) {
        for (Map.Entry<String, JsonElement> entry : new ArrayList<>(data.entrySet())) {
            JsonElement v = entry.getValue();
            if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString() && JupyterJson.isSplitMime(entry.getKey()))
                data.add(entry.getKey(), JupyterJson.lines(v.getAsString()));
        }
    }
}
