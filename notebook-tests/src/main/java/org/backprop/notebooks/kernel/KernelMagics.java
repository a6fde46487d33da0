package org.backprop.notebooks.kernel;

import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;
import io.github.spencerpark.jupyter.kernel.util.GlobFinder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The magics the kernel knows.
 *
 * <p>{@code %jars} and {@code %classpath} behave as in IJava 1.3.0. Each argument is a basekernel
 * {@link GlobFinder} glob ("/"-separated, {@code *} and {@code ?} wildcards) relative to the kernel's working
 * directory (the notebook's folder). {@code %jars} takes the regular files it matches (a glob ending in "/"
 * means every file in that folder), {@code %classpath} anything that exists, folders too. Once every glob is
 * resolved, each match is added to JShell's class path as an absolute path; the list of them is the magic's
 * value. A glob that matches nothing adds nothing, silently.
 *
 * <p>IJava's other magics — {@code %maven} ({@code %addMavenDependency}, {@code %addMavenDependencies}),
 * {@code %mavenRepo} ({@code %addMavenRepo}), {@code %loadFromPOM}, {@code %load} and the cell magic
 * {@code %%loadFromPOM} — need the network or other files, so the notebooks must not use them: each one
 * fails, naming itself. Any other magic is undefined and fails with basekernel's
 * {@code UndefinedMagicException}, as it does in IJava.
 */
final class KernelMagics {
    private static final List<String> REFUSED_LINE_MAGICS = List.of("maven", "addMavenDependency",
            "addMavenDependencies", "mavenRepo", "addMavenRepo", "loadFromPOM", "load");
    private static final List<String> REFUSED_CELL_MAGICS = List.of("loadFromPOM");

    private KernelMagics() {
    }

    static void install(Magics registry, Consumer<String> addToClassPath) {
        registry.registerLineMagic("jars", globs -> addAll(globs, GlobFinder::computeMatchingFiles, addToClassPath));
        registry.registerLineMagic("classpath", globs -> addAll(globs, GlobFinder::computeMatchingPaths, addToClassPath));
        for (String name : REFUSED_LINE_MAGICS)
            registry.registerLineMagic(name, args -> {
                throw refusal("%" + name);
            });
        for (String name : REFUSED_CELL_MAGICS)
            registry.registerCellMagic(name, (args, body) -> {
                throw refusal("%%" + name);
            });
    }

    /** Files only ({@code %jars}) or any existing path ({@code %classpath}). */
    @FunctionalInterface
    private interface Matching {
        Iterable<Path> in(GlobFinder glob) throws IOException;
    }

    private static List<String> addAll(List<String> globs, Matching matching, Consumer<String> addToClassPath) {
        List<String> entries = new ArrayList<>();
        try {
            for (String glob : globs)
                matching.in(new GlobFinder(glob)).forEach(match -> entries.add(match.toAbsolutePath().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Exception resolving jar glob", e);
        }
        entries.forEach(addToClassPath);
        return entries;
    }

    private static UnsupportedOperationException refusal(String magic) {
        return new UnsupportedOperationException(magic + " is an IJava magic the notebooks must not use:"
                + " the notebook tests allow only %jars and %classpath (no network, no other sources)");
    }
}
