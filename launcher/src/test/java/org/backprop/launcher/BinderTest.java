package org.backprop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** binder/ follows repo2docker's conventions and installs through ./course, as a desktop does. */
class BinderTest {
    private static final Path BINDER = Sandbox.PROJECT.resolve("binder");

    @TempDir
    Path dir;

    @Test
    void holdsOnlyRepo2dockerFiles() throws Exception {
        try (var files = Files.list(BINDER)) {
            assertEquals(List.of("apt.txt", "postBuild", "requirements.txt", "runtime.txt", "start"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readAllLines(BINDER.resolve("apt.txt")).contains("openjdk-17-jdk-headless"));
        assertTrue(Files.readString(BINDER.resolve("runtime.txt")).matches("python-3\\.\\d+\n"));
        for (String script : List.of("postBuild", "start")) {
            assertTrue(Files.isExecutable(BINDER.resolve(script)), script);
            assertTrue(Files.readString(BINDER.resolve(script)).startsWith("#!/bin/bash\n"), script);
        }
        assertTrue(Files.readString(BINDER.resolve("start")).endsWith("exec \"$@\"\n"));
    }

    @Test
    void pinsEveryRequirement() throws Exception {
        for (String line : Files.readAllLines(BINDER.resolve("requirements.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                assertTrue(line.matches("[A-Za-z0-9_.-]+==[0-9][0-9A-Za-z.]*"), "not pinned: " + line);
            }
        }
    }

    @Test
    void postBuildInstallsTheKernelWithABinderSizedHeapAndFashionMnistAndLeavesHomeAlone() throws Exception {
        Sandbox sandbox = new Sandbox(dir).withJava().withJupyter("notebook", "lab", "nbconvert").withIJavaZip();
        Files.createDirectories(sandbox.home);
        Path bash = Path.of("/bin/bash");

        Sandbox.Result result = sandbox.runIn(sandbox.root, List.of(bash.toString(), "binder/postBuild"));

        assertEquals(0, result.exitCode(), result.toString());
        String spec = Files.readString(sandbox.root.resolve(".course/jupyter/kernels/java/kernel.json"));
        assertTrue(spec.contains("\"-Xmx768m\""), spec);
        assertTrue(sandbox.calls("mvnw").get(0).contains("\"argv\": [\"-q\", \"-B\", \"-pl\", \"lib\""));
        assertEquals(List.of("{\"program\": \"fashion-mnist\", \"argv\": [\"--fetch\"], \"cwd\": \"" + sandbox.root + "\"}"),
                sandbox.calls("fashion-mnist"), "the image gets Fashion-MNIST");
        try (var left = Files.list(sandbox.home)) {
            assertEquals(List.of(), left.toList(), "postBuild keeps Maven's downloads out of HOME");
        }
    }

    @Test
    void startPutsTheInstalledKernelOnJupyterPathThenRunsTheServer() {
        Sandbox sandbox = new Sandbox(dir).set("JUPYTER_PATH", "/srv/conda/share/jupyter");

        Sandbox.Result result = sandbox.runIn(dir, List.of("/bin/bash", sandbox.root.resolve("binder/start").toString(),
                "/bin/bash", "-c", "echo \"$JUPYTER_PATH\""));

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(sandbox.root.resolve(".course/jupyter") + ":/srv/conda/share/jupyter\n", result.stdout());
        assertFalse(result.stdout().contains("//"));
    }
}
