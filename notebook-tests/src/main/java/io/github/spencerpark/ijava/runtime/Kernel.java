package io.github.spencerpark.ijava.runtime;

import org.backprop.notebooks.kernel.StandInKernel;

/**
 * Runtime functions that IJava 1.3.0's start-up script imports statically, so a cell can call them
 * unqualified: {@code getKernelInstance()} and {@code eval(String)}. Same package, class and signatures as
 * in IJava, except that the kernel object is the stand-in's (IJava's kernel classes are not reproduced).
 */
public final class Kernel {
    private Kernel() {
    }

    /** The kernel running this notebook, {@code null} outside of a kernel process. */
    public static StandInKernel getKernelInstance() {
        return StandInKernel.current();
    }

    /**
     * Evaluates code the way a cell is evaluated (magics included) and returns the value of its last snippet,
     * unrendered; {@code null} when it has none.
     */
    public static Object eval(String code) throws Exception {
        return kernel().evalRaw(code);
    }

    /** The running kernel; the runtime functions cannot work without one. */
    static StandInKernel kernel() {
        StandInKernel running = StandInKernel.current();
        if (running == null)
            throw new IllegalStateException("not inside a running kernel: the runtime functions need one");
        return running;
    }
}
