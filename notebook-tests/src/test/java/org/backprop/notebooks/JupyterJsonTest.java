package org.backprop.notebooks;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notebook files are written byte for byte as Jupyter writes them. */
class JupyterJsonTest {
    @Test
    void writesLikePythonJsonDumpsWithNbformatOptions() {
        JsonObject o = JupyterJson.parse("{\"b\": [1, {}], \"a\": \"ü <&> \\\"q\\\" \\\\ \\u0001\\t\", \"c\": [], \"d\": {\"z\": null, \"y\": true}}")
                .getAsJsonObject();
        String expected = "{\n"
                + " \"a\": \"ü <&> \\\"q\\\" \\\\ \\u0001\\t\",\n"
                + " \"b\": [\n  1,\n  {}\n ],\n"
                + " \"c\": [],\n"
                + " \"d\": {\n  \"y\": true,\n  \"z\": null\n }\n"
                + "}\n";
        assertEquals(expected, JupyterJson.write(o));
    }

    @Test
    void splitsLinesLikePython() {
        assertEquals(List.of("a\n", "b\r\n", "c\r", "d"), JupyterJson.splitLines("a\nb\r\nc\rd"));
        assertEquals(List.of(), JupyterJson.splitLines(""));
        assertEquals(List.of("x\n"), JupyterJson.splitLines("x\n"));
    }

    @Test
    void streamTextIsStoredAsJupyterLabStoresIt() {
        assertEquals("100%\n", Streams.removeOverwrittenChars(" 50%\r100%\n"));
        assertEquals("abd", Streams.removeOverwrittenChars("abc\bd"));
        assertEquals("done\r", Streams.removeOverwrittenChars("done\r"));
    }

    @Test
    void refreshWritesJupyterFormatWithFreshOutputs() throws Exception {
        Workspace ws = Workspace.create("refresh");
        Path fixture = ws.add("renders.ipynb");
        String committed = Files.readString(fixture, StandardCharsets.UTF_8);

        // Same notebook with no outputs, no cell ids, compact JSON on one line, as an editor might leave it.
        JsonObject stripped = JupyterJson.parse(committed).getAsJsonObject();
        stripped.addProperty("nbformat_minor", 4);
        stripped.getAsJsonArray("cells").forEach(c -> {
            JsonObject cell = c.getAsJsonObject();
            cell.remove("id");
            if (Notebook.isCode(cell))
                Notebook.setOutputs(cell, List.of(), null);
        });
        Files.writeString(fixture, stripped.toString(), StandardCharsets.UTF_8);

        assertTrue(ws.check().refresh(fixture));
        String refreshed = Files.readString(fixture, StandardCharsets.UTF_8);
        assertEquals(OutputComparison.maskHashes(committed), OutputComparison.maskHashes(refreshed));
        assertTrue(refreshed.contains("\n   \"id\": \""), "cell ids generated");
        assertTrue(refreshed.endsWith("}\n"));
        assertFalse(refreshed.contains("\\u00"), "non-ASCII kept as is");
    }
}
