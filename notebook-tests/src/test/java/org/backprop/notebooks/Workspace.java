package org.backprop.notebooks;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A throw-away copy of the project layout for the harness's own tests: {@code notebooks/} with fixture
 * notebooks from src/test/resources/fixtures, and {@code lib/target/backprop.jar} built from
 * src/test/resources/fixture-jar against basekernel only, so that fixtures load it exactly like the
 * course notebooks do ({@code %jars ../lib/target/backprop.jar}).
 */
final class Workspace {
    final Path root;
    final Path notebooks;

    private Workspace(Path root) {
        this.root = root;
        this.notebooks = root.resolve("notebooks");
    }

    static Workspace create(String name) throws IOException {
        Path base = Path.of(System.getProperty("harness.work.dir", "target/harness-tests"));
        Path root = base.resolve(name).toAbsolutePath();
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Workspace ws = new Workspace(root);
        Files.createDirectories(ws.notebooks);
        ws.buildFixtureJar();
        return ws;
    }

    Path add(String fixture) throws IOException {
        Path target = this.notebooks.resolve(fixture);
        try (InputStream in = resource("/fixtures/" + fixture)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    NotebookCheck check() throws IOException {
        return new NotebookCheck(KernelLauncher.fromSystemProperties(), this.root.resolve("runs"), java.time.Duration.ofSeconds(60));
    }

    private void buildFixtureJar() throws IOException {
        Path src = this.root.resolve("fixture-src/demo/Badge.java");
        Files.createDirectories(src.getParent());
        try (InputStream in = resource("/fixture-jar/demo/Badge.java")) {
            Files.copy(in, src);
        }
        Path classes = this.root.resolve("fixture-classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = String.join(java.io.File.pathSeparator, kernelClassPath());
        int rc = javac.run(null, null, null, "-classpath", classPath, "-d", classes.toString(), src.toString());
        if (rc != 0)
            throw new IllegalStateException("could not compile the fixture jar");
        Path jar = this.root.resolve("lib/target/backprop.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    zip.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, zip);
                    zip.closeEntry();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static java.util.List<String> kernelClassPath() throws IOException {
        String file = System.getProperty("kernel.classpath.file");
        return java.util.Arrays.asList(Files.readString(Path.of(file)).trim().split(java.io.File.pathSeparator));
    }

    private static InputStream resource(String name) {
        InputStream in = Workspace.class.getResourceAsStream(name);
        if (in == null)
            throw new IllegalStateException("missing test resource " + name);
        return in;
    }
}
