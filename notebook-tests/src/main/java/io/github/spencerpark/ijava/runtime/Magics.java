package io.github.spencerpark.ijava.runtime;

import io.github.spencerpark.jupyter.kernel.magic.registry.UndefinedMagicException;

import java.util.List;

/**
 * Magic functions that IJava 1.3.0's start-up script imports statically (same package, class and
 * signatures). The kernel rewrites {@code %name args} into {@code lineMagic("name", List.of(args))} and a
 * {@code %%name} cell into {@code cellMagic("name", List.of(args), body)}, so a magic runs as an ordinary
 * snippet and its value can be assigned. An undefined magic fails with basekernel's
 * {@link UndefinedMagicException} itself; any other failure of a magic is wrapped in a RuntimeException
 * whose message names the magic (IJava's wording, since it is what a failing cell shows).
 */
public final class Magics {
    private Magics() {
    }

    public static <T> T lineMagic(String name, List<String> args) {
        return apply("line", name, registry -> registry.applyLineMagic(name, args));
    }

    public static <T> T cellMagic(String name, List<String> args, String body) {
        return apply("cell", name, registry -> registry.applyCellMagic(name, args, body));
    }

    @FunctionalInterface
    private interface Application<T> {
        T on(io.github.spencerpark.jupyter.kernel.magic.registry.Magics registry) throws Exception;
    }

    private static <T> T apply(String kind, String name, Application<T> application) {
        io.github.spencerpark.jupyter.kernel.magic.registry.Magics registry = Kernel.kernel().getMagics();
        try {
            return application.on(registry);
        } catch (UndefinedMagicException undefined) {
            throw undefined;
        } catch (Exception failure) {
            String message = "Exception occurred while running " + kind + " magic '" + name + "': " + failure.getMessage();
            throw new RuntimeException(message, failure);
        }
    }
}
