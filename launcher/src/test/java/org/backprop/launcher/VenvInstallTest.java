package org.backprop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without Jupyter on the PATH, ./course makes .course/venv with the real Python and pip and installs
 * binder/requirements.txt into it, here from a package index on disk that holds one stand-in
 * "Jupyter" wheel (its programs jupyter and jupyter-notebook record their calls).
 */
class VenvInstallTest {
    private static final String PIN = "jupyter-standin==1.0\n";

    @TempDir
    Path dir;

    /** The venv links to the real Python; deleting them here spares the temporary folder's clean-up warnings. */
    @AfterEach
    void deleteVenv() {
        Path venv = dir.resolve("project/.course/venv");
        if (Files.exists(venv)) {
            Sandbox.deleteTree(venv);
        }
    }

    @Test
    void installsThePinsIntoTheProjectsVenvOnceThenUsesIt() throws Exception {
        Sandbox sandbox = new Sandbox(dir).withJava()
                .withIJavaZip()
                .set("PIP_INDEX_URL", packageIndex(dir.resolve("index")).toUri().toString());
        Sandbox.write(sandbox.root.resolve("binder/requirements.txt"), PIN);
        Path venv = sandbox.root.resolve(".course/venv");

        Sandbox.Result first = sandbox.run("--install-only");

        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.stdout().contains("Jupyter is not on the PATH.\n"
                + "Jupyter: installing the versions pinned in binder/requirements.txt into .course/venv (a few minutes, once)\n"), first.toString());
        assertTrue(first.stdout().contains("Jupyter: " + venv.resolve("bin/jupyter") + " (from .course/venv)\n"), first.toString());
        assertEquals(PIN, Files.readString(venv.resolve("installed-requirements.txt")));

        Sandbox.Result second = sandbox.run("--no-browser", "--port", "9126");

        assertEquals(0, second.exitCode(), second.toString());
        assertTrue(second.stdout().contains("Jupyter: " + venv.resolve("bin/jupyter") + " (from .course/venv)\n"), second.toString());
        List<String> calls = sandbox.calls("jupyter");
        assertEquals(1, calls.size(), calls.toString());
        assertTrue(calls.get(0).contains("\"argv\": [\"notebook\", \"--port=9126\""), calls.get(0));
    }

    @Test
    void aPackageThePinsNameButTheIndexLacksLeavesNoVenv() {
        Sandbox sandbox = new Sandbox(dir).withJava()
                .withIJavaZip()
                .set("PIP_INDEX_URL", packageIndex(dir.resolve("index")).toUri().toString());
        Sandbox.write(sandbox.root.resolve("binder/requirements.txt"), "jupyter-standin==2.0\n");

        Sandbox.Result result = sandbox.run("--install-only");

        assertEquals(1, result.exitCode(), result.toString());
        String pipSaid = "ERROR: No matching distribution found for jupyter-standin==2.0\n";
        assertTrue(result.stderr().contains(pipSaid + "course: error: pip could not install binder/requirements.txt into .course/venv "
                + "(its output is above).\nInstall Jupyter another way, then run ./course again:\n"), result.toString());
        assertFalse(Files.exists(sandbox.root.resolve(".course/venv")), "no half-made venv left behind");
    }

    /** A PEP 503 index in a folder: simple/jupyter-standin/ links the one wheel. */
    private static Path packageIndex(Path index) {
        String wheel = "jupyter_standin-1.0-py3-none-any.whl";
        Sandbox.write(index.resolve("simple/jupyter-standin/index.html"),
                "<html><body><a href=\"../../" + wheel + "\">" + wheel + "</a></body></html>\n");
        String main = """
                import json, os, sys


                def main():
                    with open(os.environ["FAKE_CALLS"], "a") as log:
                        log.write(json.dumps({"program": "jupyter", "argv": sys.argv[1:]}) + "\\n")
                """;
        Map<String, String> files = Map.of(
                "jupyter_standin/__init__.py", main,
                "jupyter_standin-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: jupyter-standin\nVersion: 1.0\n",
                "jupyter_standin-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: VenvInstallTest\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
                "jupyter_standin-1.0.dist-info/entry_points.txt",
                "[console_scripts]\njupyter = jupyter_standin:main\njupyter-notebook = jupyter_standin:main\n",
                "jupyter_standin-1.0.dist-info/RECORD", "");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(index.resolve(wheel)))) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return index.resolve("simple/");
    }
}
