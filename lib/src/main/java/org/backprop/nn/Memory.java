package org.backprop.nn;

/**
 * What a call is about to allocate, checked against the heap first, so that a request too big
 * for this JVM fails with a message that names the parameter instead of an OutOfMemoryError
 * somewhere inside.
 */
final class Memory {

    private Memory() {
    }

    /** The bytes of {@code count} doubles. */
    static long doubles(long count) {
        return count * Double.BYTES;
    }

    /**
     * Refuses {@code value} of {@code parameter} if {@code what} needs more than the heap has free
     * (after what is in use now).
     */
    static void require(String parameter, long value, String what, long bytes) {
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (bytes > free) {
            throw new IllegalArgumentException(parameter + " must be small enough for " + what + " to fit in the "
                    + megabytes(runtime.maxMemory()) + " heap (" + megabytes(free) + " free; java -Xmx sets it), "
                    + "which needs " + megabytes(bytes) + ", but was " + value);
        }
    }

    /** The buffers of a batch of {@code m} samples through {@code network}, forward and backward. */
    static void requireBatch(Network network, long m) {
        int[] sizes = network.sizes();
        long perSample = 3L * sizes[0] + sizes[sizes.length - 1] + 1;
        long gradients = 0;
        for (int l = 1; l < sizes.length; l++) {
            perSample += 5L * sizes[l];
            gradients += (long) sizes[l] * (sizes[l - 1] + 1);
        }
        require("batch size", m, "the buffers of a batch of " + m + " samples", doubles(m * perSample + gradients));
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%,d MB", (bytes + (1 << 20) - 1) >> 20);
    }
}
