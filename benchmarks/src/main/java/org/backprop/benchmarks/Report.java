package org.backprop.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The harness's results as one Markdown report: the table, the targets, the machine, every epoch. */
final class Report {

    /** MB here are 10⁶ bytes. */
    private static final double MB = 1e6;

    private Report() {
    }

    static String markdown(Epochs.Result result) {
        Epochs.Options options = result.options();
        StringBuilder out = new StringBuilder();
        boolean numpy = result.ran(Epochs.NUMPY);
        boolean torch = result.ran(Epochs.TORCH);

        out.append("## One epoch of Nielsen's network.py setup: the jar, numpy and PyTorch\n\n");
        if (!options.label.isBlank()) {
            out.append(options.label).append("\n\n");
        }
        out.append("784-30-10 sigmoid network, E = ½Σ(t − out)², η = ").append(number(Setup.LEARNING_RATE))
                .append(", mini-batches of m with the mean gradient, one shuffled epoch over ")
                .append(String.format(Locale.ROOT, "%,d", result.trainingSize())).append(" images (")
                .append(result.dataName()).append("), float64 everywhere, ")
                .append(options.init.description()).append("; test accuracy on ")
                .append(String.format(Locale.ROOT, "%,d", result.testSize())).append(" test images. Medians of ")
                .append(options.repetitions).append(" repetitions, each a fresh network (seeds ").append(options.seed)
                .append("…").append(options.seed + options.repetitions - 1)
                .append(")")
                .append(options.warmup > 0 ? ", after " + options.warmup + " warm-up round" + (options.warmup > 1 ? "s" : "")
                        + " not counted" : "")
                .append("; in every round the implementations train one after the other, the order rotated "
                        + "each round, ").append(options.pauseMillis).append(" ms of rest before each epoch. Ratios: median of the ratios of the same round. Seconds are the epoch's "
                        + "training alone; the test accuracy is computed after the clock stops.\n\n");

        out.append("| m | jar s/epoch | numpy s/epoch | torch s/epoch | jar / numpy | jar / torch "
                + "| accuracy jar | numpy | torch | jar peak heap |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int m : options.batchSizes) {
            List<Double> jar = result.seconds(Epochs.JAR, m);
            out.append("| ").append(m)
                    .append(" | ").append(seconds(Stats.median(jar)))
                    .append(" | ").append(numpy ? seconds(Stats.median(result.seconds(Epochs.NUMPY, m))) : "–")
                    .append(" | ").append(torch ? seconds(Stats.median(result.seconds(Epochs.TORCH, m))) : "–")
                    .append(" | ").append(numpy ? ratio(result, Epochs.NUMPY, m) : "–")
                    .append(" | ").append(torch ? ratio(result, Epochs.TORCH, m) : "–")
                    .append(" | ").append(percent(Stats.median(result.accuracies(Epochs.JAR, m))))
                    .append(" | ").append(numpy ? percent(Stats.median(result.accuracies(Epochs.NUMPY, m))) : "–")
                    .append(" | ").append(torch ? percent(Stats.median(result.accuracies(Epochs.TORCH, m))) : "–")
                    .append(" | ").append(megabytes(peakHeap(result, m))).append(" |\n");
        }
        out.append('\n');

        out.append("| also measured | |\n|---|---|\n");
        List<Double> loads = result.loadSeconds();
        out.append("| jar: load Fashion-MNIST, `FashionMnist.training()` + `test()` (70,000 images from .gz, "
                        + "SHA-256 checked) | ").append(seconds(loads.get(0))).append(" s the first time in the JVM")
                .append(loads.size() > 1 ? ", " + seconds(Stats.median(loads)) + " s median of " + loads.size() : "")
                .append(" |\n");
        out.append("| jar: Mazur's 2-2-2 example, `descent().train(network(), sample(), 10_000)`, warmed | ")
                .append(millis(result.mazurAlone())).append(" right after its warm-up; ")
                .append(millis(result.mazurBetween())).append(" between the epochs |\n");
        result.runs().stream().filter(r -> r.who().equals(Epochs.JAR)).findFirst().filter(r -> r.repetition() < 1)
                .ifPresent(first -> out.append("| jar: its first epoch in the JVM (m = ").append(first.batchSize())
                        .append(", cold JIT, a warm-up round) | ").append(seconds(first.seconds())).append(" s |\n"));
        out.append("| jar: heap in use at the start of an epoch, after a GC (data sets and network) | ")
                .append(megabytes(heapFigure(result, Epochs.Run::heap, HeapWatch.Reading::startUsed, false)))
                .append(" |\n");
        for (int m : options.batchSizes) {
            out.append("| jar: allocated during an epoch at m = ").append(m).append(" (all threads), GCs | ")
                    .append(megabytes(median(result, m, HeapWatch.Reading::allocated))).append(", ")
                    .append(String.format(Locale.ROOT, "%.0f", median(result, m, HeapWatch.Reading::collections)))
                    .append(" |\n");
        }
        for (String framework : List.of(Epochs.NUMPY, Epochs.TORCH)) {
            Map<String, String> info = result.python().get(framework);
            if (info != null) {
                String rss = result.runs().stream().filter(r -> r.who().equals(framework)).map(Epochs.Run::peakRssMb)
                        .reduce((a, b) -> b).orElse("?");
                out.append("| ").append(framework).append(": load (gzip, float64 arrays), peak RSS of the process | ")
                        .append(seconds(Double.parseDouble(info.get("load_seconds")))).append(" s, ")
                        .append(rss).append(" MB |\n");
            }
        }
        out.append('\n');

        out.append("### Targets\n\n| target | measured | |\n|---|---|---|\n");
        for (int m : options.batchSizes) {
            ratioTarget(out, result, Epochs.NUMPY, "numpy", m, 1.0, numpy);
        }
        for (int m : options.batchSizes) {
            ratioTarget(out, result, Epochs.TORCH, "PyTorch", m, 0.5, torch);
        }
        for (int m : options.batchSizes) {
            out.append("| test accuracy at m = ").append(m).append(" within one point of numpy's | ");
            if (numpy) {
                double jar = Stats.median(result.accuracies(Epochs.JAR, m));
                double np = Stats.median(result.accuracies(Epochs.NUMPY, m));
                double points = 100 * (jar - np);
                out.append(percent(jar)).append(" vs ").append(percent(np))
                        .append(String.format(Locale.ROOT, " (%+.2f points; seeds alone move it by up to %.1f)",
                                points, 100 * spread(result, m)))
                        .append(" | ").append(Math.abs(points) <= 1 ? "met" : "not met").append(" |\n");
            } else {
                out.append("numpy not run | – |\n");
            }
        }
        long peak = 0;
        for (int m : options.batchSizes) {
            peak = Math.max(peak, peakHeap(result, m));
        }
        out.append("| peak heap during the epoch ≤ 600 MB, whole data set loaded | ").append(megabytes(peak))
                .append(" (largest of ").append(result.of(Epochs.JAR, options.batchSizes.get(0)).size()
                        * options.batchSizes.size()).append(" epochs) | ").append(peak <= 600 * MB ? "met" : "not met")
                .append(" |\n");
        out.append("| loading the 70,000 images from .gz ≤ 2 s | ").append(seconds(loads.get(0)))
                .append(" s (first load; median ").append(seconds(Stats.median(loads))).append(" s) | ")
                .append(loads.get(0) <= 2 ? "met" : Stats.median(loads) <= 2 ? "met when warm, not the first time"
                        : "not met").append(" |\n");
        double mazur = Stats.median(result.mazurAlone());
        out.append("| Mazur's 10,000 iterations ≤ 5 ms warmed | ").append(String.format(Locale.ROOT, "%.2f ms", mazur))
                .append(" right after its warm-up (").append(String.format(Locale.ROOT, "%.2f ms",
                        Stats.median(result.mazurBetween()))).append(" between the epochs) | ")
                .append(mazur <= 5 ? "met" : "not met").append(" |\n\n");
        if (result.trainingSize() < 60_000 || result.testSize() < 10_000) {
            out.append("(A smoke run on part of the data: the targets are for the whole data set.)\n\n");
        }

        out.append("### Machine and versions\n\n");
        out.append("- machine: ").append(Machine.describe()).append('\n');
        out.append("- Java: ").append(Machine.java()).append("; the jar's loops share out over up to ")
                .append(Math.min(Runtime.getRuntime().availableProcessors(), 8)).append(" threads\n");
        for (String framework : List.of(Epochs.NUMPY, Epochs.TORCH)) {
            Map<String, String> info = result.python().get(framework);
            if (info == null) {
                continue;
            }
            out.append("- ").append(framework.equals(Epochs.NUMPY) ? "numpy " : "PyTorch ").append(info.get("version"))
                    .append(" on Python ").append(info.get("python")).append(" (").append(info.get("command"))
                    .append(")");
            if (info.containsKey("torch_threads")) {
                out.append(", manual matrix code under torch.no_grad(), torch.get_num_threads() = ")
                        .append(info.get("torch_threads")).append(", built with BLAS_INFO=")
                        .append(info.get("torch_blas_info"));
            }
            out.append("; BLAS in the process: ").append(info.get("blas"));
            if (info.containsKey("blas_variant")) {
                out.append(" (").append(info.get("blas_variant")).append(")");
            }
            if (info.containsKey("blas_threads")) {
                out.append(", ").append(info.get("blas_threads")).append(" BLAS threads");
            }
            out.append("; mapped: ").append(info.get("blas_libraries")).append('\n');
        }
        for (String note : result.notes()) {
            out.append("- ").append(note).append('\n');
        }
        out.append('\n');

        out.append("### Every epoch\n\n| repetition | m | order | jar s | numpy s | torch s | jar acc. | numpy acc. "
                + "| torch acc. | mean E jar / numpy / torch | jar heap start / peak / pool peaks / allocated (GCs) |\n");
        out.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (int r = 1 - options.warmup; r <= options.repetitions; r++) {
            for (int m : options.batchSizes) {
                int repetition = r;
                List<Epochs.Run> runs = result.runs().stream()
                        .filter(run -> run.repetition() == repetition && run.batchSize() == m)
                        .sorted((a, b) -> Integer.compare(a.position(), b.position())).toList();
                out.append("| ").append(r < 1 ? "warm-up " + (r + options.warmup) : Integer.toString(r))
                        .append(" | ").append(m).append(" | ")
                        .append(runs.stream().map(Epochs.Run::who).collect(Collectors.joining(", ")));
                for (String who : List.of(Epochs.JAR, Epochs.NUMPY, Epochs.TORCH)) {
                    out.append(" | ").append(runs.stream().filter(run -> run.who().equals(who)).findFirst()
                            .map(run -> seconds(run.seconds())).orElse("–"));
                }
                for (String who : List.of(Epochs.JAR, Epochs.NUMPY, Epochs.TORCH)) {
                    out.append(" | ").append(runs.stream().filter(run -> run.who().equals(who)).findFirst()
                            .map(run -> percent(run.accuracy())).orElse("–"));
                }
                out.append(" | ").append(List.of(Epochs.JAR, Epochs.NUMPY, Epochs.TORCH).stream()
                        .map(who -> runs.stream().filter(run -> run.who().equals(who)).findFirst()
                                .map(run -> String.format(Locale.ROOT, "%.4f", run.error())).orElse("–"))
                        .collect(Collectors.joining(" / ")));
                HeapWatch.Reading heap = runs.stream().filter(run -> run.who().equals(Epochs.JAR)).findFirst()
                        .orElseThrow().heap();
                out.append(" | ").append(megabytes(heap.startUsed())).append(" / ").append(megabytes(heap.peakUsed()))
                        .append(" / ").append(megabytes(heap.poolPeaks())).append(" / ")
                        .append(megabytes(heap.allocated())).append(" (").append(heap.collections()).append(") |\n");
            }
        }
        out.append('\n');
        return out.toString();
    }

    private static void ratioTarget(StringBuilder out, Epochs.Result result, String who, String name, int m,
                                    double target, boolean ran) {
        out.append("| one epoch at m = ").append(m).append(" ≤ ").append(number(target)).append("× ").append(name)
                .append(" | ");
        if (!ran) {
            out.append(name).append(" not run | – |\n");
            return;
        }
        double ratio = Stats.median(Stats.ratios(result.seconds(Epochs.JAR, m), result.seconds(who, m)));
        out.append(String.format(Locale.ROOT, "%.2f× (%s s vs %s s)", ratio,
                        seconds(Stats.median(result.seconds(Epochs.JAR, m))), seconds(Stats.median(result.seconds(who, m)))))
                .append(" | ").append(ratio <= target ? "met" : "not met").append(" |\n");
    }

    private static String ratio(Epochs.Result result, String who, int m) {
        List<Double> ratios = Stats.ratios(result.seconds(Epochs.JAR, m), result.seconds(who, m));
        return String.format(Locale.ROOT, "%.2f×", Stats.median(ratios));
    }

    /** How far apart the accuracies of the jar's and numpy's repetitions lie, at most. */
    private static double spread(Epochs.Result result, int m) {
        List<Double> all = new ArrayList<>(result.accuracies(Epochs.JAR, m));
        all.addAll(result.accuracies(Epochs.NUMPY, m));
        return Stats.max(all) - Stats.min(all);
    }

    private static long peakHeap(Epochs.Result result, int m) {
        return result.of(Epochs.JAR, m).stream().mapToLong(r -> r.heap().peakUsed()).max().orElse(0);
    }

    private static double median(Epochs.Result result, int m, java.util.function.ToLongFunction<HeapWatch.Reading> f) {
        return Stats.median(result.of(Epochs.JAR, m).stream().map(r -> (double) f.applyAsLong(r.heap())).toList());
    }

    private static long heapFigure(Epochs.Result result, java.util.function.Function<Epochs.Run, HeapWatch.Reading> heap,
                                   java.util.function.ToLongFunction<HeapWatch.Reading> f, boolean largest) {
        List<Double> values = result.runs().stream().filter(r -> r.who().equals(Epochs.JAR))
                .map(r -> (double) f.applyAsLong(heap.apply(r))).toList();
        return (long) (largest ? Stats.max(values) : Stats.median(values));
    }

    /** "3.10 ms (median of 20, 2.95–3.60)" */
    private static String millis(List<Double> values) {
        return String.format(Locale.ROOT, "%.2f ms (median of %d, %.2f–%.2f)", Stats.median(values), values.size(),
                Stats.min(values), Stats.max(values));
    }

    private static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / MB);
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, seconds < 10 ? "%.3f" : "%.1f", seconds);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.1f", value) : Double.toString(value);
    }
}
