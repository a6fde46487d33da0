package org.backprop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing or unsuitable JDK, Python or Jupyter stops ./course with what is missing and how to get it. */
class PrerequisitesTest {
    @TempDir
    Path dir;

    @Test
    void withoutPythonSaysHowToInstallIt() {
        Sandbox.Result result = new Sandbox(dir).withJava().withoutPython().run();

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("course: error: no Python 3 found ('python3' is not on the PATH)."), result.toString());
        assertTrue(result.stderr().contains("sudo apt-get install python3 python3-venv"), result.toString());
        assertTrue(result.stderr().contains("PYTHON=/path/to/python3 ./course"), result.toString());
    }

    @Test
    void withAnOldPythonNamesItsVersion() {
        Sandbox.Result result = new Sandbox(dir).withJava().withOldPython().run();

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith(
                "course: error: ./course needs Python 3.8 or newer; 'python3' is Python 3.6.9."), result.toString());
    }

    @Test
    void withoutJavaSaysHowToInstallAJdk() {
        Sandbox sandbox = new Sandbox(dir).withJupyter("notebook");
        Sandbox.Result result = sandbox.run();

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith(
                "course: error: no Java found: 'java' is not on the PATH and JAVA_HOME is not set.\n"
                        + "Install a JDK 17 or newer, then run ./course again:\n"
                        + "  Debian/Ubuntu: sudo apt-get install openjdk-17-jdk\n"), result.toString());
        assertTrue(sandbox.calls("mvnw").isEmpty(), "nothing built without a JDK");
    }

    @Test
    void withAJavaHomeThatHasNoJava() {
        Path nowhere = dir.resolve("no-jdk");
        Sandbox.Result result = new Sandbox(dir).withJava().set("JAVA_HOME", nowhere.toString()).run();

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("course: error: JAVA_HOME is '" + nowhere + "', but there is no "
                + nowhere.resolve("bin/java") + ".\n"), result.toString());
    }

    @Test
    void withJava11NamesTheVersionFoundAndTheOneNeeded() {
        Sandbox sandbox = new Sandbox(dir).withFakeJava("openjdk version \"11.0.22\" 2024-01-16", "java.base@11 jdk.jshell@11");
        Sandbox.Result result = sandbox.run();

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("course: error: " + sandbox.bin.resolve("java")
                + " is Java 11; the course needs Java 17 or newer.\n"), result.toString());
    }

    @Test
    void readsTheOldVersionScheme() {
        Sandbox sandbox = new Sandbox(dir).withFakeJava("java version \"1.8.0_392\"", "");
        Sandbox.Result result = sandbox.run();

        assertTrue(result.stderr().contains(" is Java 8; the course needs Java 17 or newer."), result.toString());
    }

    @Test
    void withARuntimeWithoutJShellAsksForAFullJdk() {
        Sandbox sandbox = new Sandbox(dir).withFakeJava("openjdk version \"17.0.9\" 2023-10-17", "java.base@17.0.9 java.desktop@17.0.9");
        Sandbox.Result result = sandbox.run();

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("course: error: " + sandbox.bin.resolve("java")
                + " is a Java runtime without JShell (module jdk.jshell), which IJava needs: a full JDK has it."), result.toString());
    }

    @Test
    void withoutJupyterAndWithoutAPackageIndexNamesTheAlternatives() {
        String index = "http://127.0.0.1:" + Sandbox.closedPort() + "/simple/";
        Sandbox sandbox = new Sandbox(dir).withJava().set("PIP_INDEX_URL", index);
        Sandbox.Result result = sandbox.run();

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("course: error: Jupyter is not on the PATH.\n"
                + "./course would install Jupyter into .course/venv from the Python package index " + index
                + ", but it cannot be reached ("), result.toString());
        assertTrue(result.stderr().contains("  Debian/Ubuntu: sudo apt-get install jupyter-notebook jupyter-nbconvert python3-nbclient\n"),
                result.toString());
        assertFalse(Files.exists(sandbox.root.resolve(".course/venv")), "no half-made venv left behind");
    }

    @Test
    void aJupyterWithoutNbconvertCannotCheck() {
        String index = "http://127.0.0.1:" + Sandbox.closedPort() + "/simple/";
        Sandbox sandbox = new Sandbox(dir).withJava().withJupyter("notebook").set("PIP_INDEX_URL", index);
        Sandbox.Result result = sandbox.run("--check");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("course: error: The Jupyter at " + dir.resolve("jupyter-bin/jupyter")
                + " has no nbconvert (needed by --check and --site).\n"), result.toString());
    }

    @Test
    void usesThePinnedJupyterInstalledEarlierWhenNoneIsOnThePath() throws Exception {
        Sandbox sandbox = new Sandbox(dir).withJava().withIJavaZip();
        sandbox.withInstalledVenv(Files.readString(sandbox.root.resolve("binder/requirements.txt")));

        Sandbox.Result result = sandbox.run("--install-only");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("Jupyter: " + sandbox.root.resolve(".course/venv/bin/jupyter") + " (from .course/venv)\n"),
                result.toString());
    }

    @Test
    void reinstallsTheVenvWhenThePinsChanged() {
        String index = "http://127.0.0.1:" + Sandbox.closedPort() + "/simple/";
        Sandbox sandbox = new Sandbox(dir).withJava().set("PIP_INDEX_URL", index).withInstalledVenv("notebook==6.0.0\n");

        Sandbox.Result result = sandbox.run("--install-only");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("./course would install Jupyter into .course/venv"), result.toString());
    }
}
