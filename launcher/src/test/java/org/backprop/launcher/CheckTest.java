package org.backprop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --check executes every notebook with the java kernel and fails on a cell error or stderr output. */
class CheckTest {
    @TempDir
    Path dir;
    Sandbox sandbox;

    @BeforeEach
    void sandbox() {
        sandbox = new Sandbox(dir).withJava().withJupyter("notebook", "nbconvert").withIJavaZip();
    }

    @Test
    void executesEveryNotebookInTheNotebooksFolderWithTheJavaKernel() {
        Sandbox.Result result = sandbox.run("--check");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().matches("(?s).*  ok     00-first\\.ipynb \\(\\d+\\.\\d s\\)\n  ok     01-second\\.ipynb \\(\\d+\\.\\d s\\)\n"
                + "All 2 notebooks ran clean\\.\n"), result.toString());
        List<String> calls = sandbox.calls("jupyter");
        assertEquals(2, calls.size(), calls.toString());
        Path checked = sandbox.root.resolve(".course/checked");
        assertTrue(calls.get(0).contains("\"argv\": [\"nbconvert\", \"--to\", \"notebook\", \"--execute\", "
                + "\"--ExecutePreprocessor.kernel_name=java\", \"--ExecutePreprocessor.timeout=600\", "
                + "\"--output-dir\", \"" + checked + "\", \"" + sandbox.root.resolve("notebooks/00-first.ipynb") + "\"]"), calls.get(0));
        assertTrue(calls.get(0).contains("\"JUPYTER_PATH\": \"" + sandbox.root.resolve(".course/jupyter") + "\""), calls.get(0));
        assertTrue(Files.isRegularFile(checked.resolve("01-second.ipynb")));
    }

    @Test
    void aCellErrorFailsTheCheckWithTheCellAndTheError() {
        Sandbox.Result result = sandbox.set("FAKE_FAIL", "00-first.ipynb").run("--check");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("  FAILED 00-first.ipynb ("), result.toString());
        assertTrue(result.stdout().contains("  ok     01-second.ipynb ("), "the other notebooks still run: " + result);
        assertTrue(result.stderr().startsWith("""
                course: error: 1 problem(s) in the notebooks:

                00-first.ipynb: An error occurred while executing the following cell:
                ------------------
                network.get("w99")
                ------------------

                EvalException: unknown weight 'w99': expected w1 to w8
                """), result.toString());
    }

    @Test
    void stderrOutputFailsTheCheck() {
        Sandbox.Result result = sandbox.set("FAKE_STDERR", "01-second.ipynb").run("--check");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("""
                course: error: 1 problem(s) in the notebooks:

                01-second.ipynb: cell 2 wrote to stderr:
                careful
                """), result.toString());
    }

    @Test
    void withSiteRendersTheNotebooksJustExecuted() throws Exception {
        Path site = dir.resolve("site");
        Sandbox.Result result = sandbox.run("--check", "--site", site.toString());

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(Files.readString(site.resolve("00-first.html"))
                .contains("rendered from 00-first.ipynb (executed copy)</p>"));
    }
}
