package org.backprop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before Jupyter starts (and in Binder's image, through --install-only), ./course marks the course's
 * notebooks trusted, so that their stored SVG diagrams show before any cell runs.
 */
class TrustTest {
    /** Prints, for each notebook named, whether the nbformat of Debian's Python trusts it (from HOME's data dir). */
    private static final String CHECK = "import sys, nbformat\n"
            + "from nbformat.sign import NotebookNotary\n"
            + "notary = NotebookNotary()\n"
            + "print(' '.join(str(notary.check_signature(nbformat.read(p, 4))) for p in sys.argv[1:]))\n";

    @TempDir
    Path dir;

    @Test
    void trustsTheNotebooksWithTheServersJupyterBeforeStartingIt() {
        Sandbox sandbox = new Sandbox(dir).withJava().withIJavaZip().withJupyter("notebook", "trust");

        Sandbox.Result result = sandbox.run("--no-browser", "--port", "9131");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("Notebooks: 2 trusted (2 newly signed), so their stored diagrams show\n"),
                result.toString());
        List<String> calls = sandbox.calls("jupyter");
        assertEquals(2, calls.size(), calls.toString());
        assertTrue(calls.get(0).contains("\"argv\": [\"trust\", \"" + sandbox.root.resolve("notebooks/00-first.ipynb")
                + "\", \"" + sandbox.root.resolve("notebooks/01-second.ipynb") + "\"]"), calls.get(0));
        assertTrue(calls.get(0).contains("\"JUPYTER_PATH\": \"" + sandbox.root.resolve(".course/jupyter") + "\""),
                "the environment the server gets: " + calls.get(0));
        assertTrue(calls.get(1).contains("\"argv\": [\"notebook\""), calls.get(1));
    }

    @Test
    void signsWithDebiansNbformatWhereThereIsNoJupyterTrustAndSignsAgainWhatChanged() throws Exception {
        Sandbox sandbox = new Sandbox(dir).withJava().withIJavaZip().withDebianJupyter();
        assumeTrue(sandbox != null, "Debian's jupyter-notebook is not installed");
        Path first = sandbox.root.resolve("notebooks/00-first.ipynb");
        Path second = sandbox.root.resolve("notebooks/01-second.ipynb");

        Sandbox.Result installed = sandbox.run("--install-only");

        assertEquals(0, installed.exitCode(), installed.toString());
        assertTrue(installed.stdout().contains("Notebooks: 2 trusted (2 newly signed), so their stored diagrams show\n"),
                installed.toString());
        assertEquals("True True\n", trusted(sandbox, first, second));
        assertTrue(Files.isRegularFile(sandbox.home.resolve(".local/share/jupyter/nbsignatures.db")),
                "in the data dir jupyter notebook reads (JUPYTER_PATH holds only kernels)");

        Files.writeString(first, Files.readString(first).replace("Text.", "Text, changed by a git pull."));
        assertEquals("False True\n", trusted(sandbox, first, second));
        Sandbox.Result again = sandbox.run("--install-only");

        assertTrue(again.stdout().contains("Notebooks: 2 trusted (1 newly signed), so their stored diagrams show\n"),
                again.toString());
        assertEquals("True True\n", trusted(sandbox, first, second));
    }

    private static String trusted(Sandbox sandbox, Path... notebooks) {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3", "-c", CHECK));
        for (Path notebook : notebooks) {
            command.add(notebook.toString());
        }
        Sandbox.Result result = sandbox.runIn(sandbox.root, command);
        assertEquals(0, result.exitCode(), result.toString());
        return result.stdout();
    }
}
