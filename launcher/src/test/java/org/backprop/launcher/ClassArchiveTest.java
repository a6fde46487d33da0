package org.backprop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's class-data archive: made at install time by a warm-up run and java -Xshare:dump (a
 * stand-in java plays both), named in kernel.json, made again when the JDK or the kernel jar
 * changes, and left out, with one line saying why, when it cannot be made.
 */
class ClassArchiveTest {
    static final String JDK_17 = "openjdk version \"17.0.15\" 2025-04-15\nOpenJDK 64-Bit Server VM (build 17.0.15+6-Debian-1deb12u1)";
    static final String JDK_17_UPDATED = "openjdk version \"17.0.16\" 2025-07-15\nOpenJDK 64-Bit Server VM (build 17.0.16+8-Debian-1deb12u1)";

    @TempDir
    Path dir;
    Sandbox sandbox;
    Path kernel;
    Path jar;
    Path archive;

    @BeforeEach
    void sandbox() {
        sandbox = new Sandbox(dir).withFakeJava(JDK_17, "java.base@17.0.15 jdk.jshell@17.0.15").withJupyter("notebook").withIJavaZip();
        kernel = sandbox.root.resolve(".course/jupyter/kernels/java");
        jar = kernel.resolve("ijava-1.3.0.jar");
        archive = kernel.resolve("ijava.jsa");
    }

    @Test
    void theKernelStartsWithTheArchiveMadeFromAWarmUp() throws Exception {
        Sandbox.Result result = sandbox.run("--install-only", "--kernel-memory", "768m");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(Pattern.compile("\nKernel class archive: made in \\d+ s, 0 MB \\(" + Pattern.quote(archive.toString())
                + "\\); the kernel starts about a second faster\n").matcher(result.stdout()).find(), result.toString());
        assertEquals(List.of(sandbox.bin.resolve("java").toString(), "-Xmx768m", "-XX:SharedArchiveFile=" + archive,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "{connection_file}"), argv());

        List<String> calls = archiveCalls();
        assertEquals(2, calls.size(), calls.toString());
        String warmup = calls.get(0);
        Path warmupDir = sandbox.root.resolve("launcher/src/main/python/kernel_warmup");
        assertTrue(warmup.matches("\\{\"program\": \"java\", \"argv\": \\[\"-XX:DumpLoadedClassList=[^\"]+/classes.lst\", \"-cp\", \""
                + Pattern.quote(jar + "\", \"" + warmupDir.resolve("KernelWarmup.java") + "\", \""
                + sandbox.root.resolve("lib/target/backprop.jar") + "\", \"" + warmupDir.resolve("cells.txt")) + "\"]}"), warmup);
        String dump = calls.get(1);
        assertTrue(dump.contains("\"-Xshare:dump\"") && dump.endsWith("\"-cp\", \"" + jar + "\"]}"),
                "dumped with the kernel's own class path: " + dump);
        assertTrue(Files.readString(archive).startsWith("archive of "), "the archive the dump wrote");
        String stamp = Files.readString(kernel.resolve("ijava.jsa.json"));
        assertTrue(stamp.contains("\"java_version\": \"openjdk version \\\"17.0.15\\\" 2025-04-15\\nOpenJDK 64-Bit Server VM "
                + "(build 17.0.15+6-Debian-1deb12u1)\""), "the exact JDK build: " + stamp);
        assertTrue(stamp.contains("\"kernel_jar_sha256\": \"") && stamp.contains("\"made\": true"), stamp);
    }

    @Test
    void aSecondRunKeepsTheArchive() throws Exception {
        sandbox.run("--install-only");
        Sandbox.Result second = sandbox.run("--install-only");

        assertEquals(0, second.exitCode(), second.toString());
        assertTrue(second.stdout().contains("\nKernel class archive: up to date (" + archive + ")\n"), second.toString());
        assertEquals(2, archiveCalls().size(), "no second warm-up or dump");
        assertTrue(argv().contains("-XX:SharedArchiveFile=" + archive));
    }

    @Test
    void anotherJdkBuildMakesItAgain() throws Exception {
        sandbox.run("--install-only");
        Sandbox.Result updated = sandbox.set("FAKE_JAVA_VERSION", JDK_17_UPDATED).run("--install-only");

        assertEquals(0, updated.exitCode(), updated.toString());
        assertTrue(updated.stdout().contains("\nKernel class archive: made in "), updated.toString());
        assertEquals(4, archiveCalls().size());
        assertTrue(Files.readString(kernel.resolve("ijava.jsa.json")).contains("17.0.16+8"));
    }

    @Test
    void anotherKernelJarMakesItAgain() throws Exception {
        sandbox.run("--install-only");
        Files.write(jar, IJavaZip.jar("io.github.spencerpark.ijava.IJava"), java.nio.file.StandardOpenOption.APPEND);
        Sandbox.Result changed = sandbox.run("--install-only");

        assertTrue(changed.stdout().contains("\nKernel class archive: made in "), changed.toString());
        assertEquals(4, archiveCalls().size());
    }

    @Test
    void aDeletedArchiveIsMadeAgain() throws Exception {
        sandbox.run("--install-only");
        Files.delete(archive);
        Sandbox.Result again = sandbox.run("--install-only");

        assertTrue(again.stdout().contains("\nKernel class archive: made in "), again.toString());
        assertTrue(Files.isRegularFile(archive));
    }

    @Test
    void aFailedDumpLeavesTheKernelAsBefore() throws Exception {
        sandbox.set("FAKE_JAVA_DUMP_FAILS", "Error: non-empty directory /usr/lib/jvm\nError occurred during initialization of VM");
        Sandbox.Result result = sandbox.run("--install-only");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("\nKernel class archive: not made, the kernel starts without it (java -Xshare:dump "
                + "failed with exit code 1: Error occurred during initialization of VM).\n"), result.toString());
        assertEquals(List.of(sandbox.bin.resolve("java").toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                jar.toString(), "{connection_file}"), argv());
        assertFalse(Files.exists(archive));
        assertFalse(Files.exists(kernel.resolve("ijava.jsa.partial")));
        assertTrue(result.stdout().endsWith("Installed. ./course starts Jupyter.\n"), result.toString());

        Sandbox.Result second = sandbox.run("--install-only");
        assertTrue(second.stdout().contains("\nKernel class archive: none with this JDK and kernel jar (java -Xshare:dump failed "
                + "with exit code 1: Error occurred during initialization of VM); delete " + kernel.resolve("ijava.jsa.json")
                + " to try again.\n"), second.toString());
        assertEquals(2, archiveCalls().size(), "not tried again with the same JDK and jar");
    }

    @Test
    void aFailedWarmUpLeavesTheKernelAsBefore() throws Exception {
        sandbox.set("FAKE_JAVA_WARMUP_FAILS", "error: package io.github.spencerpark.ijava does not exist");
        Sandbox.Result result = sandbox.run("--install-only");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("\nKernel class archive: not made, the kernel starts without it (the warm-up run "
                + "failed with exit code 1: error: package io.github.spencerpark.ijava does not exist).\n"), result.toString());
        assertEquals(1, archiveCalls().size(), "no dump without a class list");
        assertFalse(argv().stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")), argv().toString());
    }

    @Test
    void aStaleArchiveIsNotNamedWhenTheNewOneFails() throws Exception {
        sandbox.run("--install-only");
        Sandbox.Result updated = sandbox.set("FAKE_JAVA_VERSION", JDK_17_UPDATED).set("FAKE_JAVA_DUMP_FAILS", "no space left").run("--install-only");

        assertTrue(updated.stdout().contains("\nKernel class archive: not made, the kernel starts without it ("), updated.toString());
        assertFalse(Files.exists(archive), "the archive of the old JDK is gone");
        assertFalse(argv().stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")), argv().toString());
    }

    @Test
    void aRealJvmStartsWithACorruptArchive() throws Exception {
        sandbox.run("--install-only", "--kernel-memory", "256m");
        Files.write(archive, new byte[] {0x3a, 0x3b, 0x3c, 0x3d, 1, 2, 3});
        List<String> command = new ArrayList<>(argv());
        command.set(0, Sandbox.JAVA.resolve("java").toString());
        command.subList(command.indexOf("-jar"), command.size()).clear();
        command.add("-version");
        assertTrue(command.contains("-XX:SharedArchiveFile=" + archive), command.toString());

        Process java = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String stdout = new String(java.getInputStream().readAllBytes());
        assertTrue(java.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, java.exitValue(), "the JVM starts without the archive it cannot map");
        assertEquals("", stdout, "and prints nothing where a kernel's messages would go");
    }

    /** The stand-in java's calls for the archive (the warm-up and the dump), not those for Fashion-MNIST. */
    private List<String> archiveCalls() {
        return sandbox.calls("java").stream().filter(c -> c.contains("-XX:DumpLoadedClassList=") || c.contains("-Xshare:dump")).toList();
    }

    private List<String> argv() throws Exception {
        String spec = Files.readString(kernel.resolve("kernel.json"));
        Matcher list = Pattern.compile("\"argv\": \\[(.*?)\\]", Pattern.DOTALL).matcher(spec);
        assertTrue(list.find(), spec);
        List<String> argv = new ArrayList<>();
        Matcher item = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(list.group(1));
        while (item.find()) {
            argv.add(item.group(1));
        }
        return argv;
    }
}
