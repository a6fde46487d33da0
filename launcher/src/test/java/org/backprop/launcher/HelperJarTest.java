package org.backprop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar is built with ./mvnw when missing or older than its sources, and left alone otherwise. */
class HelperJarTest {
    @TempDir
    Path dir;
    Sandbox sandbox;

    @BeforeEach
    void sandbox() {
        sandbox = new Sandbox(dir).withJava().withJupyter("notebook").withIJavaZip();
    }

    @Test
    void buildsTheLibModuleWithTheWrapperOnTheFirstRun() {
        Sandbox.Result result = sandbox.run("--install-only");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("Helper jar: building it with ./mvnw"), result.toString());
        List<String> builds = sandbox.calls("mvnw");
        assertEquals(1, builds.size(), builds.toString());
        assertTrue(builds.get(0).contains("\"argv\": [\"-q\", \"-B\", \"-pl\", \"lib\", \"-am\", \"package\", \"-DskipTests\"]"), builds.get(0));
        assertTrue(builds.get(0).contains("\"cwd\": \"" + sandbox.root + "\""), builds.get(0));
        assertTrue(builds.get(0).contains("\"JAVA_HOME\": null"), "./mvnw takes the java on the PATH, as ./course did: " + builds.get(0));
    }

    @Test
    void buildsWithTheJdkThatJavaHomeNames() {
        String javaHome = System.getProperty("java.home");
        Sandbox sandbox = new Sandbox(dir.resolve("with-java-home")).withJupyter("notebook")
                .withIJavaZip()
                .set("JAVA_HOME", javaHome);

        Sandbox.Result result = sandbox.run("--install-only");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().startsWith("Java: " + Path.of(javaHome, "bin", "java") + " (Java " + Runtime.version().feature() + ")\n"), result.toString());
        assertTrue(sandbox.calls("mvnw").get(0).contains("\"JAVA_HOME\": \"" + javaHome + "\""), sandbox.calls("mvnw").toString());
    }

    @Test
    void aFreshJarIsNotRebuilt() {
        sandbox.run("--install-only");
        Sandbox.Result second = sandbox.run("--install-only");

        assertEquals(0, second.exitCode(), second.toString());
        assertTrue(second.stdout().contains("Helper jar: up to date (lib/target/backprop.jar)"), second.toString());
        assertEquals(1, sandbox.calls("mvnw").size());
    }

    @Test
    void aChangedSourceRebuildsIt() throws Exception {
        sandbox.run("--install-only");
        Files.setLastModifiedTime(sandbox.root.resolve("lib/src/main/java/Lesson.java"), FileTime.from(Instant.now().plusSeconds(60)));

        sandbox.run("--install-only");

        assertEquals(2, sandbox.calls("mvnw").size());
    }

    @Test
    void aFailedBuildStopsWithTheExitCode() {
        Sandbox.Result result = sandbox.set("FAKE_MVNW_EXIT", "3").run("--install-only");

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("[ERROR] COMPILATION ERROR"), "Maven's own output is shown: " + result);
        assertTrue(result.stderr().startsWith("course: error: ./mvnw could not build the helper jar (exit code 3; its output is above)."),
                result.toString());
        assertTrue(sandbox.calls("jupyter").isEmpty(), "nothing started after a failed build");
    }
}
