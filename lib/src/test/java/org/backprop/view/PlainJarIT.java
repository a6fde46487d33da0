package org.backprop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.backprop.data.WorkedExample;
import org.backprop.nn.ForwardPass;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar outside IJava: loaded where no kernel class is visible, it still works and its
 * views print as plain text. Runs in {@code verify}, after the jar is built.
 */
class PlainJarIT {

    private static final String RENDERABLE = "io.github.spencerpark.jupyter.kernel.display.DisplayDataRenderable";

    private final Path jar = Path.of(System.getProperty("backprop.jar", "target/backprop.jar"));

    @Test
    void viewsPrintAsTextWithoutTheKernel() throws Exception {
        assertTrue(Files.isRegularFile(jar), () -> jar.toAbsolutePath() + " not built");
        try (URLClassLoader plain = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(RENDERABLE, false, plain));

            Class<?> workedExample = plain.loadClass("org.backprop.data.WorkedExample");
            Object mazur = workedExample.getMethod("mazur").invoke(null);
            Object network = workedExample.getMethod("network").invoke(mazur);
            Object sample = workedExample.getMethod("sample").invoke(mazur);
            Object pass = network.getClass().getMethod("forward", sample.getClass()).invoke(network, sample);
            Object table = plain.loadClass("org.backprop.view.Tables")
                    .getMethod("forwardPass", pass.getClass()).invoke(null, pass);

            assertEquals("org.backprop.view.TableView", table.getClass().getName());
            assertEquals(plain, table.getClass().getClassLoader(), "loaded from the jar, not the test class path");
            assertFalse(interfaceNames(table.getClass()).contains(RENDERABLE));
            WorkedExample here = WorkedExample.mazur();
            ForwardPass expected = here.network().forward(here.sample());
            assertEquals(Tables.forwardPass(expected).toText(), table.toString());
            assertTrue(table.toString().contains("0.274811083"), table.toString());
        }
    }

    private static List<String> interfaceNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                names.add(i.getName());
            }
        }
        return names;
    }

    @Test
    void jarBundlesTheLibrariesButNotTheKernel() throws Exception {
        try (JarFile shaded = new JarFile(jar.toFile())) {
            List<String> entries = shaded.stream().map(JarEntry::getName).toList();

            assertTrue(entries.stream().noneMatch(name -> name.startsWith("io/github/spencerpark/")),
                    "the kernel brings its own classes");
            for (String library : List.of("org/ejml/", "tech/tablesaw/", "org/knowm/xchart/", "org/backprop/view/")) {
                assertTrue(entries.stream().anyMatch(name -> name.startsWith(library) && name.endsWith(".class")),
                        library);
            }
        }
    }
}
