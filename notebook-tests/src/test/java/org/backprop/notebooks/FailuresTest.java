package org.backprop.notebooks;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each way a notebook can fail must fail the run with a message naming the notebook, cell and cause. */
class FailuresTest {
    private static String failureOf(String fixture) throws Exception {
        Workspace ws = Workspace.create("failure-" + fixture.replace(".ipynb", ""));
        Path nb = ws.add(fixture);
        NotebookCheck check = ws.check();
        NotebookFailure failure = assertThrows(NotebookFailure.class, () -> check.verify(nb));
        return failure.getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts)
            assertTrue(message.contains(part), () -> "expected <" + part + "> in:\n" + message);
    }

    @Test
    void unknownLineMagicFailsNamingIt() throws Exception {
        String message = failureOf("unknown-magic.ipynb");
        assertContains(message, "unknown-magic.ipynb cell[1] (In [2]) \"%nosuchmagic some args\":",
                "unknown line magic %nosuchmagic");
    }

    @Test
    void unknownCellMagicFailsNamingIt() throws Exception {
        String message = failureOf("cell-magic.ipynb");
        assertContains(message, "cell-magic.ipynb cell[0] (In [1]) \"%%bash\":", "unknown cell magic %%bash");
    }

    @Test
    void ijavaMavenMagicIsRefusedNamingIt() throws Exception {
        String message = failureOf("maven-magic.ipynb");
        assertContains(message, "maven-magic.ipynb cell[0] (In [1]) \"%maven org.example:thing:1.0\":",
                "magic %maven is not allowed");
    }

    @Test
    void compileErrorFailsNamingNotebookAndCell() throws Exception {
        String message = failureOf("compile-error.ipynb");
        assertContains(message, "compile-error.ipynb cell[1] (In [2]) \"// assign a number to a String\":",
                "compile error", "String s = 42;", "incompatible types: int cannot be converted to java.lang.String");
    }

    @Test
    void exceptionFailsNamingNotebookAndCell() throws Exception {
        String message = failureOf("exception.ipynb");
        assertContains(message, "exception.ipynb cell[1] (In [2]) \"Integer.parseInt(\"not a number\")\":",
                "exception: java.lang.NumberFormatException: For input string: \"not a number\"");
    }

    @Test
    void stderrOutputFails() throws Exception {
        String message = failureOf("stderr.ipynb");
        assertContains(message, "stderr.ipynb cell[0] (In [1]) \"System.out.println(\"fine\");\":",
                "wrote to stderr", "careful");
    }

    @Test
    void emptyNotebookFolderFailsClearly() throws Exception {
        Path empty = Files.createDirectories(Path.of(System.getProperty("harness.work.dir", "target/harness-tests"), "empty"));
        NotebookFailure failure = assertThrows(NotebookFailure.class, () -> NotebookCheck.discover(empty));
        assertContains(failure.getMessage(), "No notebooks (*.ipynb) found in", "empty");
    }
}
