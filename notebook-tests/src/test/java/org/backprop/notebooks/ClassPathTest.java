package org.backprop.notebooks;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lib classes reach notebooks only through %jars: they are on neither the tests' nor the kernel's class path. */
class ClassPathTest {
    @Test
    void libIsNotOnTheTestClassPath() {
        assertNull(getClass().getClassLoader().getResource("org/backprop/nn/"),
                "org.backprop:backprop must be excluded from the test class path (classpathDependencyExcludes)");
    }

    @Test
    void kernelClassPathIsWhatIJavaBundles() throws Exception {
        String cp = Files.readString(Path.of(System.getProperty("kernel.classpath.file")));
        assertFalse(cp.contains("backprop"), cp);
        assertFalse(cp.contains("junit"), cp);
        for (String bundled : new String[] {"jupyter-jvm-basekernel-2.3.0.jar", "gson-2.8.5.jar", "jeromq-0.5.1.jar",
                "ivy-2.5.0-rc1.jar", "maven-model-builder-3.6.0.jar"})
            assertTrue(cp.contains(bundled), bundled + " missing from " + cp);
    }
}
