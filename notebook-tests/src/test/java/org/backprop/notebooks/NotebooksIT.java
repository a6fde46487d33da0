package org.backprop.notebooks;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The notebook run (Failsafe): one test per notebook in {@code notebooks.dir} (../notebooks), each in a
 * fresh kernel. Fails on any cell error, stderr output or stale committed output; with
 * {@code -Dnotebooks.refresh=true} rewrites the notebooks with fresh outputs instead of comparing.
 */
class NotebooksIT {
    @TestFactory
    List<DynamicTest> notebooks() throws IOException {
        Path dir = Path.of(System.getProperty("harness.notebooks.dir", "../notebooks"));
        boolean refresh = Boolean.parseBoolean(System.getProperty("harness.refresh", "false"));
        NotebookCheck check = NotebookCheck.fromSystemProperties();
        return NotebookCheck.discover(dir).stream()
                .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), path.toUri(), () -> {
                    if (refresh) {
                        boolean changed = check.refresh(path);
                        System.out.println((changed ? "Refreshed outputs of " : "Outputs already fresh in ") + path.getFileName());
                    } else {
                        check.verify(path);
                    }
                }))
                .collect(Collectors.toList());
    }
}
