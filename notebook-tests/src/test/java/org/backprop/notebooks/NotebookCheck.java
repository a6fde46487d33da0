package org.backprop.notebooks;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs one notebook and either compares its committed outputs with the fresh ones or rewrites them. */
final class NotebookCheck {
    private final NotebookRunner runner;

    NotebookCheck(KernelLauncher launcher, Path workDir, Duration cellTimeout) {
        this.runner = new NotebookRunner(launcher, workDir, cellTimeout);
    }

    static NotebookCheck fromSystemProperties() throws IOException {
        return fromSystemProperties("");
    }

    /**
     * Like {@link #fromSystemProperties()}, but the kernels keep their connection files and logs in
     * {@code folder} under the work dir, apart from those of another test's runs of the same notebooks.
     */
    static NotebookCheck fromSystemProperties(String folder) throws IOException {
        Path work = Path.of(System.getProperty("harness.work.dir", "target/notebook-runs")).resolve(folder);
        long timeout = Long.parseLong(System.getProperty("harness.cellTimeoutSeconds", "180"));
        return new NotebookCheck(KernelLauncher.fromSystemProperties(), work, Duration.ofSeconds(timeout));
    }

    /** The *.ipynb files directly in {@code dir}, by name; fails clearly when there are none. */
    static List<Path> discover(Path dir) throws IOException {
        if (!Files.isDirectory(dir))
            throw new NotebookFailure("Notebook folder " + dir.toAbsolutePath().normalize() + " does not exist");
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(dir)) {
            notebooks = files.filter(p -> p.getFileName().toString().endsWith(".ipynb") && Files.isRegularFile(p))
                    .sorted()
                    .collect(Collectors.toList());
        }
        if (notebooks.isEmpty())
            throw new NotebookFailure("No notebooks (*.ipynb) found in " + dir.toAbsolutePath().normalize()
                    + ": there is nothing to test. Add the course notebooks there, or point -Dnotebooks.dir at a folder that has some.");
        return notebooks;
    }

    /**
     * Runs {@code notebook}, which may be a variant held in memory only, and returns the fresh outputs of its
     * code cells by index; throws {@link NotebookFailure} if a cell fails.
     */
    Map<Integer, NotebookRunner.CellRun> run(Notebook notebook) throws IOException {
        return this.runner.run(notebook);
    }

    /** Runs the notebook; throws {@link NotebookFailure} if a cell fails or a committed output is stale. */
    void verify(Path path) throws IOException {
        Notebook nb = Notebook.read(path);
        Map<Integer, NotebookRunner.CellRun> fresh = run(nb);
        List<String> problems = OutputComparison.compare(nb, fresh);
        if (!problems.isEmpty()) {
            throw new NotebookFailure(nb.name() + ": committed outputs differ from a fresh run"
                    + " (if the change is intended, refresh them: ./mvnw verify -Dnotebooks.refresh=true)\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** Runs the notebook and writes it back with the fresh outputs; true if the file changed. */
    boolean refresh(Path path) throws IOException {
        Notebook nb = Notebook.read(path);
        Map<Integer, NotebookRunner.CellRun> fresh = run(nb);
        List<JsonObject> cells = nb.cells();
        for (Map.Entry<Integer, NotebookRunner.CellRun> e : fresh.entrySet())
            Notebook.setOutputs(cells.get(e.getKey()), e.getValue().outputs, e.getValue().executionCount);
        String updated = nb.toJupyterJson();
        String before = Files.readString(path, StandardCharsets.UTF_8);
        if (updated.equals(before))
            return false;
        Files.writeString(path, updated, StandardCharsets.UTF_8);
        return true;
    }
}
