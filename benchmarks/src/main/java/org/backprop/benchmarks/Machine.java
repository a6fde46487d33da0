package org.backprop.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the numbers were measured on: the CPU, the memory, the operating system and the JVM. */
final class Machine {

    private Machine() {
    }

    /** "AMD EPYC, 2 cores, 23.4 GiB, Linux 6.1.0-…" */
    static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        String hypervisor = cpuFlags().contains("hypervisor") ? " (virtual machine)" : "";
        String gib = memory == null ? "" : String.format(Locale.ROOT, ", %.1f GiB",
                Long.parseLong(memory.replaceAll("\\D", "")) / 1024.0 / 1024.0);
        return (cpu == null ? System.getProperty("os.arch") : cpu) + hypervisor + ", "
                + Runtime.getRuntime().availableProcessors() + " cores" + gib + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    /** "OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1, G1 …, max heap 5.9 GiB, options …" */
    static String java() {
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + HeapWatch.collectorNames() + "; max heap "
                + size(Runtime.getRuntime().maxMemory())
                + "; JVM options: " + (options.isEmpty() ? "none" : String.join(" ", options)) + ")";
    }

    /** 5.9 GiB, 128 MiB */
    private static String size(long bytes) {
        double gib = bytes / Math.pow(1024, 3);
        return gib >= 1 ? String.format(Locale.ROOT, "%.1f GiB", gib)
                : String.format(Locale.ROOT, "%.0f MiB", bytes / Math.pow(1024, 2));
    }

    private static String cpuFlags() {
        String flags = firstValue(Path.of("/proc/cpuinfo"), "flags");
        return flags == null ? "" : flags;
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }
}
