package org.backprop.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A scratch copy of the project in which {@code ./course} runs as a new user would run it, but with
 * a PATH of the test's choosing: the real Python and JDK, stand-ins (a Maven wrapper that writes a
 * jar, a Jupyter that records its calls), or nothing at all.
 */
final class Sandbox {
    static final Path PROJECT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    /** Programs every machine has, without Python, Java or Jupyter among them. */
    private static final Path BASICS = tools("basics", Stream.of("sh", "bash", "cat", "dirname", "mktemp", "rm", "mkdir", "env")
            .collect(Collectors.toMap(program -> program, Sandbox::onPath)));
    private static final Path PYTHON = tools("python", Map.of("python3", realPython()));
    /** A folder with only a link to the JDK running the tests, as java. */
    static final Path JAVA = tools("java", Map.of("java", Path.of(System.getProperty("java.home"), "bin", "java")));
    /** What the stand-in mvnw "builds" by default: a jar with the stand-in org.backprop.data.FashionMnist. */
    private static final Path STAND_IN_JAR = standInJar();
    /** The helper jar the reactor built before these tests (the launcher's pom makes sure of it). */
    static final Path HELPER_JAR = Path.of(System.getProperty("backprop.jar", "../lib/target/backprop.jar")).toAbsolutePath();

    final Path root;
    final Path bin;
    final Path home;
    final Path calls;
    private final Map<String, String> env = new TreeMap<>();
    private final List<Path> path = new ArrayList<>();

    /** A copy of the command (course, launcher, binder), two small notebooks, lib sources and a stand-in mvnw. */
    Sandbox(Path dir) {
        root = dir.resolve("project");
        bin = dir.resolve("bin");
        home = dir.resolve("home");
        calls = dir.resolve("calls.jsonl");
        copy(PROJECT.resolve("course"), root.resolve("course"));
        copyTree(PROJECT.resolve("launcher/src/main/python"), root.resolve("launcher/src/main/python"));
        copyTree(PROJECT.resolve("binder"), root.resolve("binder"));
        write(root.resolve("pom.xml"), "<project/>\n");
        write(root.resolve("lib/pom.xml"), "<project/>\n");
        write(root.resolve("lib/src/main/java/Lesson.java"), "class Lesson {}\n");
        write(root.resolve("notebooks/00-first.ipynb"), notebook("# 00 — First steps"));
        write(root.resolve("notebooks/01-second.ipynb"), notebook("# 01 — Second steps"));
        standIn("mvnw", root.resolve("mvnw"));
        write(calls, "");
        path.add(bin);
        path.add(BASICS);
        path.add(PYTHON);
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        env.put("FAKE_CALLS", calls.toString());
        env.put("FAKE_JAR", STAND_IN_JAR.toString());
    }

    /** The stand-in mvnw "builds" the real helper jar instead of the stand-in: org.backprop.data.FashionMnist runs for real. */
    Sandbox withHelperJar() {
        if (!Files.isRegularFile(HELPER_JAR)) {
            throw new IllegalStateException(HELPER_JAR + " is not built: run ./mvnw -pl lib package first");
        }
        return set("FAKE_JAR", HELPER_JAR.toString());
    }

    /** The JDK running this test, as {@code java} on the PATH. */
    Sandbox withJava() {
        path.add(JAVA);
        return this;
    }

    /** A java on the PATH that reports this version banner and these modules. */
    Sandbox withFakeJava(String versionBanner, String modules) {
        standIn("java", bin.resolve("java"));
        return set("FAKE_JAVA_VERSION", versionBanner).set("FAKE_JAVA_MODULES", modules);
    }

    /** The stand-in Jupyter on the PATH, in a folder of its own, with these subcommands (notebook, lab, nbconvert). */
    Sandbox withJupyter(String... subcommands) {
        Path dir = bin.resolveSibling("jupyter-bin");
        installJupyter(dir, subcommands);
        path.add(dir);
        return this;
    }

    /**
     * Debian's own Jupyter (jupyter-notebook, jupyter-nbconvert 6.5 and nbformat, without a
     * jupyter-trust program), linked into a folder on the PATH; null when this machine has none.
     */
    Sandbox withDebianJupyter() {
        Map<String, Path> programs = Stream.of("jupyter", "jupyter-notebook", "jupyter-nbconvert")
                .collect(Collectors.toMap(program -> program, program -> Path.of("/usr/bin", program)));
        if (!programs.values().stream().allMatch(Files::isExecutable)) {
            return null;
        }
        path.add(tools("debian-jupyter", programs));
        return this;
    }

    /** A jupyter-&lt;subcommand&gt; program of another installation, in a folder of its own on the PATH. */
    Sandbox withOtherJupyterProgram(String subcommand) {
        Path dir = bin.resolveSibling("other-bin");
        standIn("jupyter", dir.resolve("jupyter-" + subcommand));
        path.add(dir);
        return this;
    }

    /** The stand-in Jupyter in .course/venv, as ./course leaves it after installing the pinned versions. */
    Sandbox withInstalledVenv(String requirements) {
        Path venv = root.resolve(".course/venv");
        installJupyter(venv.resolve("bin"), "notebook", "nbconvert");
        write(venv.resolve("installed-requirements.txt"), requirements);
        return this;
    }

    /** IJava's release zip (the fixture) beside the project, given as IJAVA_ZIP. */
    Sandbox withIJavaZip() {
        return set("IJAVA_ZIP", IJavaZip.release().writeTo(root.resolveSibling("ijava-1.3.0.zip")).toString());
    }

    /** Replaces the Python on the PATH with one that is too old. */
    Sandbox withOldPython() {
        standIn("python3-old", bin.resolve("python3"));
        return withoutPython();
    }

    Sandbox withoutPython() {
        path.remove(PYTHON);
        return this;
    }

    Sandbox set(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Runs {@code ./course args} in the project folder with only this sandbox's environment. */
    Result run(String... args) {
        List<String> command = new ArrayList<>(List.of(root.resolve("course").toString()));
        command.addAll(List.of(args));
        return runIn(root, command);
    }

    Result runIn(Path dir, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            builder.environment().put("PATH", String.join(":", path.stream().map(Path::toString).toList()));
            Path out = Files.createTempFile(home.getParent(), "out", ".txt");
            Path err = Files.createTempFile(home.getParent(), "err", ".txt");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The calls the stand-ins recorded, one JSON object per line, for one program. */
    List<String> calls(String program) {
        try (Stream<String> lines = Files.lines(calls)) {
            return lines.filter(line -> line.startsWith("{\"program\": \"" + program + "\"")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TCP port on which nothing listens: connecting to it is refused at once. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private void installJupyter(Path dir, String... subcommands) {
        standIn("jupyter", dir.resolve("jupyter"));
        for (String subcommand : subcommands) {
            standIn("jupyter", dir.resolve("jupyter-" + subcommand));
        }
    }

    private static String notebook(String heading) {
        return """
                {"cells": [
                  {"cell_type": "markdown", "metadata": {}, "source": ["%s\\n", "\\n", "Text."]},
                  {"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [], "source": ["1 + 1"]}
                 ],
                 "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"}},
                 "nbformat": 4, "nbformat_minor": 4}
                """.formatted(heading);
    }

    private static void standIn(String name, Path target) {
        try (InputStream in = Sandbox.class.getResourceAsStream("/stand-ins/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no stand-in named " + name);
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(Files::isRegularFile).forEach(file -> copy(file, to.resolve(from.relativize(file).toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and what it holds; links are deleted, not followed. */
    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A folder of links (name to program), made once under target/ rather than in a test's temporary
     * folder, whose clean-up warns about every link.
     */
    private static synchronized Path tools(String folder, Map<String, Path> links) {
        Path dir = Path.of(System.getProperty("sandbox.tools", "target/sandbox-tools")).toAbsolutePath().resolve(folder);
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, Path> link : links.entrySet()) {
                if (!Files.exists(dir.resolve(link.getKey()), LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(dir.resolve(link.getKey()), link.getValue());
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the stand-in FashionMnist.java into a jar, once per test run, with the JDK's own javac and jar. */
    private static Path standInJar() {
        Path dir = Path.of(System.getProperty("sandbox.tools", "target/sandbox-tools")).toAbsolutePath().resolve("stand-in-jar");
        Path source = dir.resolve("FashionMnist.java");
        Path classes = dir.resolve("classes");
        Path jar = dir.resolve("backprop.jar");
        try (InputStream in = Sandbox.class.getResourceAsStream("/stand-ins/FashionMnist.java")) {
            Files.createDirectories(classes);
            Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tool("javac", "-d", classes.toString(), source.toString());
        tool("jar", "--create", "--file", jar.toString(), "-C", classes.toString(), ".");
        return jar;
    }

    private static void tool(String name, String... args) {
        StringWriter output = new StringWriter();
        PrintWriter out = new PrintWriter(output);
        int status = ToolProvider.findFirst(name).orElseThrow().run(out, out, args);
        if (status != 0) {
            throw new IllegalStateException(name + " " + String.join(" ", args) + " failed:\n" + output);
        }
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(program + " is not on the PATH");
    }

    /** The interpreter python3 on this JVM's PATH resolves to (through shims such as pyenv's). */
    private static Path realPython() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0 || out.isEmpty()) {
                throw new IllegalStateException("the launcher tests need python3 on the PATH; it printed: " + out);
            }
            return Path.of(out.lines().reduce((first, last) -> last).orElseThrow());
        } catch (IOException e) {
            throw new IllegalStateException("the launcher tests need python3 (3.8 or newer) on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
