package org.backprop.notebooks;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs fixtures/live-display.ipynb, a display updated in place as live views do, and checks that the stored
 * notebook ends with the final state, as nbclient stores it: {@code update_display_data} replaces every output
 * that carries its display id, in whichever cell it is, adding none; a new {@code display_data} under a known
 * id updates the earlier outputs too, and is stored itself; an unknown id changes nothing.
 */
class LiveDisplayTest {
    private static Path path;
    private static Map<Integer, NotebookRunner.CellRun> fresh;

    @BeforeAll
    static void runOnce() throws Exception {
        Workspace workspace = Workspace.create("live-display");
        path = workspace.add("live-display.ipynb");
        NotebookRunner runner = new NotebookRunner(KernelLauncher.fromSystemProperties(),
                workspace.root.resolve("runs"), Duration.ofSeconds(60));
        fresh = runner.run(Notebook.read(path));
    }

    private static List<String> shown(int cell) {
        return fresh.get(cell).outputs.stream()
                .map(out -> NotebookRunner.type(out) + " " + text(out))
                .collect(Collectors.toList());
    }

    private static String text(JsonObject output) {
        return JupyterJson.joined(output.getAsJsonObject("data").get("text/plain"));
    }

    @Test
    void updatesReplaceTheOutputsOfTheirIdInEveryCellAndAddNone() {
        assertEquals(List.of("display_data again"), shown(0), "shown in cell 0, updated from cells 1 and 2");
        assertEquals(List.of(), shown(1), "updates add no output");
        assertEquals(List.of("display_data again"), shown(2), "shown again under the same id: both outputs updated");
        assertEquals(List.of("display_data both", "display_data both"), shown(3),
                "one update reaches both outputs of its id; an update of an unknown id changes nothing");
    }

    @Test
    void aLibraryReachesTheKernelThroughIJavasRuntimeFunction() {
        assertEquals(List.of("execute_result true"), shown(4));
    }

    @Test
    void committedFinalStateMatchesAFreshRun() throws Exception {
        assertEquals(List.of(), OutputComparison.compare(Notebook.read(path), fresh));
    }
}
