package org.backprop.notebooks;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs fixtures/renders.ipynb once in a real kernel and checks what each kind of cell produces, then
 * checks the output comparison against doctored copies of the committed outputs.
 */
class RenderingTest {
    private static Workspace workspace;
    private static Path path;
    private static Map<Integer, NotebookRunner.CellRun> fresh;

    @BeforeAll
    static void runOnce() throws Exception {
        workspace = Workspace.create("rendering");
        path = workspace.add("renders.ipynb");
        NotebookRunner runner = new NotebookRunner(KernelLauncher.fromSystemProperties(),
                workspace.root.resolve("runs"), Duration.ofSeconds(60));
        fresh = runner.run(Notebook.read(path));
    }

    private static List<JsonObject> outputs(int cell) {
        return fresh.get(cell).outputs;
    }

    private static String text(JsonObject output, String mime) {
        return JupyterJson.joined(output.getAsJsonObject("data").get(mime));
    }

    @Test
    void magicsAndDeclarationsProduceNoResult() {
        assertEquals(List.of(), outputs(1), "%jars (its value, the jar list, is not shown)");
        assertEquals(List.of(), outputs(2), "int x = 5; (a declaration)");
        assertEquals(List.of(), outputs(4), "x = 6 (an assignment)");
        assertEquals(List.of(), outputs(9), "a variable whose value is null");
        assertEquals(List.of(), outputs(10), "a void method call");
    }

    @Test
    void expressionResultRendersAsTextPlain() {
        JsonObject variable = outputs(3).get(0);
        assertEquals("execute_result", NotebookRunner.type(variable));
        assertEquals("5", text(variable, "text/plain"));
        JsonObject sum = outputs(5).get(0);
        assertEquals("execute_result", NotebookRunner.type(sum));
        assertEquals("2", text(sum, "text/plain"));
        assertEquals(5, sum.get("execution_count").getAsInt());
        assertEquals(List.of("text/plain"), List.copyOf(sum.getAsJsonObject("data").keySet()));
    }

    @Test
    void displayDataRenderableFromAJarRendersItsOwnBundle() {
        JsonObject badge = outputs(6).get(0);
        assertEquals("execute_result", NotebookRunner.type(badge));
        assertEquals("<b>hi</b>", text(badge, "text/html"));
        assertEquals("**hi**", text(badge, "text/markdown"));
        assertEquals("Badge(hi)", text(badge, "text/plain"));
        // Why the kernel recognises it: the jar's loader has the system loader (the kernel's) as parent.
        assertEquals("true", text(outputs(13).get(0), "text/plain"));
    }

    @Test
    void streamsAndDisplaysKeepTheirOrder() {
        List<JsonObject> outs = outputs(7);
        assertEquals(3, outs.size(), outs.toString());
        assertEquals("ab\n", JupyterJson.joined(outs.get(0).get("text")), "print + println merged into one stream output");
        assertEquals("display_data", NotebookRunner.type(outs.get(1)));
        assertEquals("<b>middle</b>", text(outs.get(1), "text/html"));
        assertEquals("after\n", JupyterJson.joined(outs.get(2).get("text")));
        assertEquals("3 items\n", JupyterJson.joined(outputs(11).get(0).get("text")), "IJava's printf start-up method");
    }

    @Test
    void bufferedImageBecomesPng() {
        JsonObject image = outputs(8).get(0);
        assertTrue(image.getAsJsonObject("data").has("image/png"), image.toString());
        assertEquals("3x2", OutputComparison.pixelSize(image.getAsJsonObject("data").get("image/png")));
        assertTrue(text(image, "text/plain").startsWith("BufferedImage@"));
    }

    @Test
    void blankCellsAreSkippedAndTheWorkingDirectoryIsTheNotebooks() {
        assertEquals(null, fresh.get(12).executionCount);
        assertEquals(12, fresh.get(13).executionCount);
        assertEquals("notebooks", text(outputs(14).get(0), "text/plain"));
    }

    @Test
    void updateDisplayReplacesTheShownOutputEvenFromALaterCell() {
        List<JsonObject> outs = outputs(15);
        assertEquals(1, outs.size(), outs.toString());
        assertEquals("display_data", NotebookRunner.type(outs.get(0)));
        assertEquals("third", text(outs.get(0), "text/plain"));
        assertEquals(List.of(), outputs(16));
    }

    @Test
    void displayAsLastSnippetShowsItsIdAsTheResultAsInIJava() throws Exception {
        Path nb = workspace.add("display-id.ipynb");
        NotebookRunner runner = new NotebookRunner(KernelLauncher.fromSystemProperties(),
                workspace.root.resolve("runs"), Duration.ofSeconds(60));
        Map<Integer, NotebookRunner.CellRun> run = runner.run(Notebook.read(nb));
        for (int cell : new int[] {0, 1}) {
            List<JsonObject> outs = run.get(cell).outputs;
            assertEquals(List.of("display_data", "execute_result"),
                    outs.stream().map(NotebookRunner::type).collect(java.util.stream.Collectors.toList()));
            assertTrue(text(outs.get(1), "text/plain").matches("[0-9a-f-]{36}"), outs.toString());
        }
        assertEquals(List.of("display_data"),
                run.get(2).outputs.stream().map(NotebookRunner::type).collect(java.util.stream.Collectors.toList()));
        // Comparing two runs of it fails, with a hint naming the cause.
        Path copy = workspace.notebooks.resolve("display-id-committed.ipynb");
        Notebook committed = Notebook.read(nb);
        List<JsonObject> cells = committed.cells();
        for (Map.Entry<Integer, NotebookRunner.CellRun> e : run.entrySet())
            Notebook.setOutputs(cells.get(e.getKey()), e.getValue().outputs, e.getValue().executionCount);
        Files.writeString(copy, committed.toJupyterJson(), StandardCharsets.UTF_8);
        NotebookFailure failure = assertThrows(NotebookFailure.class, () -> workspace.check().verify(copy));
        assertTrue(failure.getMessage().contains("hint: that looks like a display id"), failure.getMessage());
    }

    @Test
    void committedOutputsMatchAFreshRun() throws Exception {
        assertEquals(List.of(), OutputComparison.compare(Notebook.read(path), fresh));
    }

    @Test
    void changedHtmlOutputIsCaught() throws Exception {
        Path copy = workspace.notebooks.resolve("renders-html.ipynb");
        String json = Files.readString(path, StandardCharsets.UTF_8);
        Files.writeString(copy, json.replace("\"<b>hi</b>\"", "\"<b>bye</b>\""), StandardCharsets.UTF_8);
        NotebookFailure failure = assertThrows(NotebookFailure.class, () -> workspace.check().verify(copy));
        String message = failure.getMessage();
        assertTrue(message.startsWith("renders-html.ipynb: committed outputs differ from a fresh run"), message);
        assertTrue(message.contains("cell[6] (In [6]) \"new demo.Badge(\"hi\")\" output 0 (execute_result) text/html differs"), message);
        assertTrue(message.contains("- <b>bye</b>"), message);
        assertTrue(message.contains("+ <b>hi</b>"), message);
        assertTrue(message.contains("-Dnotebooks.refresh=true"), message);
    }

    @Test
    void pngWithOtherBytesButSameSizeIsAccepted() throws Exception {
        Notebook doctored = withPng(path, png(3, 2, 0xff0000));
        assertEquals(List.of(), OutputComparison.compare(doctored, fresh));
    }

    @Test
    void pngOfAnotherSizeIsCaught() throws Exception {
        Notebook doctored = withPng(path, png(4, 2, 0));
        List<String> problems = OutputComparison.compare(doctored, fresh);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("cell[8]") && problems.get(0).contains("image/png: image size 4x2 in the file, 3x2 in a fresh run"),
                problems.get(0));
    }

    private static Notebook withPng(Path original, String base64) throws Exception {
        Path copy = workspace.notebooks.resolve("renders-png.ipynb");
        JsonObject root = JupyterJson.parse(original).getAsJsonObject();
        JsonObject data = root.getAsJsonArray("cells").get(8).getAsJsonObject()
                .getAsJsonArray("outputs").get(0).getAsJsonObject().getAsJsonObject("data");
        String before = data.get("image/png").getAsString();
        data.addProperty("image/png", base64);
        assertTrue(!before.equals(base64));
        Files.writeString(copy, JupyterJson.write(root), StandardCharsets.UTF_8);
        return Notebook.read(copy);
    }

    private static String png(int w, int h, int rgb) throws Exception {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++)
            for (int y = 0; y < h; y++)
                image.setRGB(x, y, rgb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
