package org.backprop.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./course --install-only} makes sure of Fashion-MNIST through the helper jar's
 * {@code FashionMnist --fetch}: with a stand-in for what the launcher does around it, and with the
 * real jar for the download, the Debian copy and the error without either.
 */
class FashionMnistTest {
    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");
    private static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    @TempDir
    Path dir;

    private Sandbox sandbox() {
        return new Sandbox(dir).withJava().withJupyter("notebook", "nbconvert").withIJavaZip();
    }

    @Test
    void installOnlyRunsTheJarsFetchInTheProjectFolder() {
        Sandbox sandbox = sandbox();
        Sandbox.Result result = sandbox.run("--install-only");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().endsWith("Fashion-MNIST: checked, in /stand-in/fashion-mnist (the system's copy)\n"
                + "Installed. ./course starts Jupyter.\n"), result.toString());
        assertEquals(List.of("{\"program\": \"fashion-mnist\", \"argv\": [\"--fetch\"], \"cwd\": \"" + sandbox.root + "\"}"),
                sandbox.calls("fashion-mnist"));
    }

    @Test
    void startingJupyterOrCheckingLeavesItToTheNotebooks() {
        Sandbox sandbox = sandbox();
        assertEquals(0, sandbox.run("--no-browser").exitCode());
        assertEquals(0, sandbox.run("--check").exitCode());

        assertEquals(List.of(), sandbox.calls("fashion-mnist"));
    }

    @Test
    void helpSaysWhenAndWhereFromFashionMnistIsFetched() {
        Sandbox.Result result = new Sandbox(dir).run("--help");

        // argparse wraps the text to the terminal's width, also at hyphens
        String help = result.stdout().replaceAll("-\\s+", "-").replaceAll("\\s+", " ");
        assertTrue(help.contains("--install-only install everything and make sure of Fashion-MNIST (found on this computer, "
                + "else downloaded into .course/data), then exit without starting Jupyter; without this option the "
                + "notebooks download Fashion-MNIST on first use"), help);
        assertTrue(help.contains("BACKPROP_DATA=/path/to/folder names a folder that holds Fashion-MNIST's four .gz files"), help);
        assertTrue(help.contains("BACKPROP_DATA_URL downloads them from a mirror"), help);
    }

    @Test
    void aFailedFetchStopsWithItsMessage() {
        Sandbox sandbox = sandbox().set("FAKE_FETCH_ERROR", "Fashion-MNIST is not on this computer, and …\nProvide them …");
        Sandbox.Result result = sandbox.run("--install-only");

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("course: error: Fashion-MNIST is not on this computer, and …\nProvide them …\n", result.stderr());
        assertFalse(result.stdout().contains("Installed."), result.toString());
    }

    @Test
    void withoutACopyOrTheNetworkTheErrorNamesTheThreeWays() {
        Path gone = dir.resolve("gone");
        Sandbox sandbox = sandbox().withHelperJar()
                .set("BACKPROP_DATA_SYSTEM", dir.resolve("no-system-copy").toString())
                .set("BACKPROP_DATA_URL", gone.toUri().toString());
        Sandbox.Result result = sandbox.run("--install-only");

        assertEquals(1, result.exitCode(), result.toString());
        String source = "file:" + gone.resolve(FILES.get(0));
        assertTrue(result.stdout().endsWith("Fashion-MNIST: downloading " + source + "\n"), result.toString());
        assertEquals("course: error: Fashion-MNIST is not on this computer, and it could not be downloaded: downloading "
                + source + " failed (FileNotFoundException: " + gone.resolve(FILES.get(0)) + " (No such file or directory)).\n"
                + "Looked for " + String.join(", ", FILES) + " in " + sandbox.root.resolve(".course/data") + " and "
                + dir.resolve("no-system-copy") + ". Provide them in one of three ways:\n"
                + "  - put the four files in a folder and name it in the system property backprop.data or the environment "
                + "variable BACKPROP_DATA;\n"
                + "  - run ./course --install-only in the course's folder where the internet is reachable: it downloads them "
                + "into .course/data;\n"
                + "  - install Debian's package: sudo apt-get install dataset-fashion-mnist "
                + "(it puts them into /usr/share/datasets/fashion-mnist).\n", result.stderr());
    }

    @Test
    void downloadsIntoDotCourseDataOnceFromTheUrlGiven() throws Exception {
        assumeTrue(Files.isDirectory(DEBIAN), "Debian's dataset-fashion-mnist serves as the download site");
        Sandbox sandbox = sandbox().withHelperJar()
                .set("BACKPROP_DATA_SYSTEM", dir.resolve("no-system-copy").toString())
                .set("BACKPROP_DATA_URL", DEBIAN.toUri().toString());
        Path data = sandbox.root.resolve(".course/data");
        Sandbox.Result first = sandbox.run("--install-only");

        assertEquals(0, first.exitCode(), first.toString());
        for (String file : FILES) {
            assertTrue(first.stdout().contains("Fashion-MNIST: downloading file:" + DEBIAN.resolve(file) + "\n"), first.toString());
            assertArrayEquals(Files.readAllBytes(DEBIAN.resolve(file)), Files.readAllBytes(data.resolve(file)), file);
        }
        assertTrue(first.stdout().contains("Fashion-MNIST: checked, in " + data + " (downloaded from " + DEBIAN.toUri() + ")\n"),
                first.toString());
        try (var left = Files.list(data)) {
            assertEquals(4, left.count(), "no partial downloads left");
        }

        Sandbox.Result second = sandbox.set("BACKPROP_DATA_URL", dir.resolve("gone").toUri().toString()).run("--install-only");
        assertEquals(0, second.exitCode(), second.toString());
        assertTrue(second.stdout().contains("Fashion-MNIST: checked, in " + data + " (the course's own copy)\n"), second.toString());
    }

    @Test
    void debiansCopyIsUsedWhereItIs() {
        assumeTrue(Files.isDirectory(DEBIAN), "Debian's dataset-fashion-mnist is not installed");
        Sandbox sandbox = sandbox().withHelperJar().set("BACKPROP_DATA_URL", dir.resolve("gone").toUri().toString());
        Sandbox.Result result = sandbox.run("--install-only");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("Fashion-MNIST: checked, in " + DEBIAN + " (the system's copy)\n"), result.toString());
        assertFalse(Files.exists(sandbox.root.resolve(".course/data")), "not copied");
    }

    @Test
    void aFolderNamedByBackpropDataComesFirst() throws Exception {
        assumeTrue(Files.isDirectory(DEBIAN), "Debian's dataset-fashion-mnist provides the files");
        Path named = Files.createDirectories(dir.resolve("named"));
        for (String file : FILES) {
            Files.copy(DEBIAN.resolve(file), named.resolve(file));
        }
        Sandbox.Result result = sandbox().withHelperJar().set("BACKPROP_DATA", named.toString()).run("--install-only");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("Fashion-MNIST: checked, in " + named + " (environment variable BACKPROP_DATA)\n"),
                result.toString());
    }
}
