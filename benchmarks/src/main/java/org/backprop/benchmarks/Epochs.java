package org.backprop.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.data.DataSet;
import org.backprop.data.FashionMnist;
import org.backprop.data.WorkedExample;
import org.backprop.nn.Network;
import org.backprop.nn.TrainingHistory;

/**
 * The epoch harness behind {@code benchmarks/epoch}: one epoch of Nielsen's network.py setup
 * ({@link Setup}) on Fashion-MNIST at each batch size, by the jar and, where a Python with numpy
 * and PyTorch is found, by numpy_epoch.py and torch_epoch.py, side by side in one run; then one
 * Markdown report on stdout (progress goes to stderr).
 *
 * <p>All three keep their data loaded and run in turn: in each repetition, for each batch size,
 * the jar, numpy and PyTorch each train one epoch of a fresh network (seed = the repetition's), the
 * order rotated from one round to the next, while the other two wait. Seconds are the epoch's own
 * (training only; the test accuracy is computed after the clock stops); the report gives medians,
 * and the ratios jar/numpy and jar/torch as medians of the ratios of the same round.
 */
public final class Epochs {

    /** The settings of a run; {@link #parse} reads them from the command line. */
    static final class Options {
        int repetitions = 7;
        List<Integer> batchSizes = List.of(10, 100);
        long seed = 1;
        Setup.Init init = Setup.Init.LECUN;
        Path data;
        int limit;
        int testLimit;
        List<String> pythons = new ArrayList<>();
        boolean python = true;
        Path pythonDir;
        int warmup = 1;
        int loads = 3;
        int mazurRuns = 10;
        int pauseMillis = 250;
        String label = "";

        static Options parse(String... args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--reps" -> options.repetitions = positive(arg, value(args, ++i, arg));
                    case "--batch-sizes" -> options.batchSizes = Arrays.stream(value(args, ++i, arg).split(","))
                            .map(m -> positive(arg, m)).toList();
                    case "--seed" -> options.seed = Long.parseLong(value(args, ++i, arg));
                    case "--init" -> options.init = Setup.Init.of(value(args, ++i, arg));
                    case "--data" -> options.data = Path.of(value(args, ++i, arg));
                    case "--limit" -> options.limit = positive(arg, value(args, ++i, arg));
                    case "--test-limit" -> options.testLimit = positive(arg, value(args, ++i, arg));
                    case "--python" -> options.pythons.add(value(args, ++i, arg));
                    case "--no-python" -> options.python = false;
                    case "--python-dir" -> options.pythonDir = Path.of(value(args, ++i, arg));
                    case "--warmup" -> options.warmup = nonNegative(arg, value(args, ++i, arg));
                    case "--loads" -> options.loads = positive(arg, value(args, ++i, arg));
                    case "--mazur-runs" -> options.mazurRuns = positive(arg, value(args, ++i, arg));
                    case "--pause" -> options.pauseMillis = nonNegative(arg, value(args, ++i, arg));
                    case "--label" -> options.label = value(args, ++i, arg);
                    default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                }
            }
            if (options.pythons.isEmpty()) {
                options.pythons = List.of("/usr/bin/python3", "python3");
            }
            return options;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            return args[i];
        }

        private static int nonNegative(String option, String value) {
            return value.trim().equals("0") ? 0 : positive(option, value);
        }

        private static int positive(String option, String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new IllegalArgumentException(option + " must be a positive whole number, but was " + value);
        }
    }

    static final String USAGE = """
            usage: benchmarks/epoch [options]   (java -cp benchmarks.jar org.backprop.benchmarks.Epochs [options])
              --reps N            repetitions: epochs per batch size and implementation, each a fresh network (7)
              --warmup N          rounds before them, not counted; the jar's first is its cold epoch (1)
              --batch-sizes A,B   mini-batch sizes m (10,100)
              --seed S            seed of the first repetition; repetition r uses S + r - 1 (1)
              --init lecun|xavier starting weights: N(0, 1/n_in) per layer, or Xavier/Glorot uniform (lecun)
              --data DIR          Fashion-MNIST's four .gz files (default: $BACKPROP_DATA, else
                                  /usr/share/datasets/fashion-mnist); nothing is downloaded
              --limit N           train on the first N training images only (a smoke run)
              --test-limit N      test on the first N test images only
              --python CMD        a Python to try for numpy and PyTorch, in order; may repeat
                                  (default: /usr/bin/python3, then python3)
              --no-python         the jar alone
              --python-dir DIR    where numpy_epoch.py and torch_epoch.py are (default: the copies in the jar)
              --loads N           times the data set is loaded to time it (3)
              --mazur-runs N      timed runs of Mazur's 10,000 iterations per repetition, and twice
                                  as many after its warm-up, before the counted rounds (10)
              --pause MS          milliseconds of rest before each epoch, for threads that spin after
                                  the last one (OpenBLAS's, the JIT's) to settle (250)
              --label TEXT        printed under the title (benchmarks/epoch: the git commit)
            """;

    /** One epoch of one implementation. */
    record Run(String who, int repetition, int batchSize, int position, double seconds, double accuracy,
               double error, HeapWatch.Reading heap, String peakRssMb) {
    }

    /** Everything measured: the report is made from this. */
    record Result(Options options, String dataName, int trainingSize, int testSize, List<Double> loadSeconds,
                  List<Double> mazurAlone, List<Double> mazurBetween, List<Run> runs,
                  Map<String, Map<String, String>> python, List<String> notes) {

        /** The counted epochs (not the warm-up) of one implementation at one batch size, by repetition. */
        List<Run> of(String who, int batchSize) {
            return runs.stream().filter(r -> r.who.equals(who) && r.batchSize == batchSize && r.repetition >= 1)
                    .sorted((a, b) -> Integer.compare(a.repetition, b.repetition)).toList();
        }

        List<Double> seconds(String who, int batchSize) {
            return of(who, batchSize).stream().map(Run::seconds).toList();
        }

        List<Double> accuracies(String who, int batchSize) {
            return of(who, batchSize).stream().map(Run::accuracy).toList();
        }

        boolean ran(String who) {
            return runs.stream().anyMatch(r -> r.who.equals(who));
        }
    }

    static final String JAR = "jar";
    static final String NUMPY = "numpy";
    static final String TORCH = "torch";

    private Epochs() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Result result = run(options, System.err);
            System.out.print(Report.markdown(result));
            System.out.flush();
        } catch (IllegalStateException | UncheckedIOException e) {
            System.err.println("epoch: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Measures everything the options ask for; progress to {@code log}. */
    static Result run(Options options, PrintStream log) {
        Path folder = dataFolder(options.data);
        // FashionMnist reads from here too: the jar and the scripts read the same files, and nothing is downloaded.
        System.setProperty("backprop.data", folder.toString());
        log.println("Fashion-MNIST from " + folder);

        List<Double> loads = new ArrayList<>();
        DataSet training = null;
        DataSet test = null;
        for (int i = 0; i < options.loads; i++) {
            training = null;
            test = null;
            long start = System.nanoTime();
            training = FashionMnist.training();
            test = FashionMnist.test();
            loads.add(seconds(start));
        }
        log.printf("jar: loaded %d + %d images in %s s%n", training.size(), test.size(), loads);
        if (options.limit > 0) {
            training = training.first(Math.min(options.limit, training.size()));
        }
        if (options.testLimit > 0) {
            test = test.first(Math.min(options.testLimit, test.size()));
        }

        List<String> notes = new ArrayList<>();
        Map<String, Map<String, String>> pythonInfo = new LinkedHashMap<>();
        List<PythonWorker> workers = new ArrayList<>();
        Path scripts = null;
        try {
            if (options.python) {
                scripts = options.pythonDir != null ? options.pythonDir : extractScripts();
                List<String> extra = new ArrayList<>();
                if (options.limit > 0) {
                    extra.addAll(List.of("--limit", Integer.toString(options.limit)));
                }
                if (options.testLimit > 0) {
                    extra.addAll(List.of("--test-limit", Integer.toString(options.testLimit)));
                }
                for (String framework : List.of(NUMPY, TORCH)) {
                    log.println(framework + ": starting " + framework + "_epoch.py");
                    PythonWorker.Attempt attempt = PythonWorker.start(framework, options.pythons,
                            scripts.resolve(framework + "_epoch.py"), folder, extra, log);
                    if (attempt.worker() == null) {
                        notes.add(attempt.whyNot());
                        log.println(attempt.whyNot());
                    } else {
                        workers.add(attempt.worker());
                        Map<String, String> info = new LinkedHashMap<>(attempt.worker().info());
                        info.put("command", attempt.worker().python());
                        pythonInfo.put(framework, info);
                        log.println(framework + ": ready, " + info);
                    }
                }
            } else {
                notes.add("numpy and PyTorch not run (--no-python)");
            }

            List<Run> runs = new ArrayList<>();
            List<String> who = new ArrayList<>();
            who.add(JAR);
            workers.forEach(w -> who.add(w.framework()));
            List<Double> mazurAlone = new ArrayList<>();
            List<Double> mazur = new ArrayList<>();
            int round = 0;
            // Rounds 1 - warmup … 0 warm up (the jar's first epoch is its cold one), 1 … repetitions count.
            for (int r = 1 - options.warmup; r <= options.repetitions; r++) {
                if (r == 1) {
                    warmUpMazur();
                    for (int i = 0; i < 2 * options.mazurRuns; i++) {
                        mazurAlone.add(mazurMillis());
                    }
                }
                long seed = seedOf(options, r);
                for (int m : options.batchSizes) {
                    List<String> order = new ArrayList<>(who);
                    Collections.rotate(order, -(round++ % order.size()));
                    for (int position = 0; position < order.size(); position++) {
                        String name = order.get(position);
                        pause(options.pauseMillis);
                        Run run = name.equals(JAR) ? jarEpoch(training, test, m, seed, options.init, r, position)
                                : pythonEpoch(worker(workers, name), m, seed, options.init, r, position);
                        runs.add(run);
                        log.printf("%s %d, m = %d, %-5s %.3f s, accuracy %.4f%s%n",
                                r < 1 ? "warm-up" : "repetition", r < 1 ? r + options.warmup : r, m, name,
                                run.seconds, run.accuracy, run.heap == null ? ""
                                        : String.format(", peak heap %.0f MB", run.heap.peakUsed() / 1e6));
                    }
                }
                if (r >= 1) {
                    for (int i = 0; i < options.mazurRuns; i++) {
                        mazur.add(mazurMillis());
                    }
                }
            }
            return new Result(options, training.name(), training.size(), test.size(), loads, mazurAlone, mazur,
                    runs, pythonInfo, notes);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } finally {
            workers.forEach(PythonWorker::close);
            if (scripts != null && options.pythonDir == null) {
                deleteScripts(scripts);
            }
        }
    }

    /** Round r's seed: S + r − 1 for the counted rounds, S + 1000 + |r| for the warm-up rounds (r ≤ 0). */
    static long seedOf(Options options, int round) {
        return round >= 1 ? options.seed + round - 1 : options.seed + 1000 - round;
    }

    /** One epoch by the jar, with the heap watched, then the test accuracy (not timed). */
    static Run jarEpoch(DataSet training, DataSet test, int batchSize, long seed, Setup.Init init, int repetition,
                        int position) {
        Network network = Setup.network(init, seed);
        // Start from the live heap only (the data sets, the network): what the epoch needs comes on top.
        System.gc();
        HeapWatch watch = HeapWatch.start();
        long start = System.nanoTime();
        TrainingHistory history = Setup.epoch(network, training, batchSize, seed);
        double seconds = seconds(start);
        HeapWatch.Reading heap = watch.stop();
        double accuracy = network.evaluate(test).accuracy();
        return new Run(JAR, repetition, batchSize, position, seconds, accuracy, history.error(1), heap, null);
    }

    private static Run pythonEpoch(PythonWorker worker, int batchSize, long seed, Setup.Init init, int repetition,
                                   int position) throws IOException {
        Map<String, String> answer = worker.epoch(batchSize, seed, Setup.LEARNING_RATE, init);
        return new Run(worker.framework(), repetition, batchSize, position, Double.parseDouble(answer.get("seconds")),
                Double.parseDouble(answer.get("accuracy")), Double.parseDouble(answer.get("error")), null,
                answer.get("peak_rss_mb"));
    }

    private static PythonWorker worker(List<PythonWorker> workers, String framework) {
        return workers.stream().filter(w -> w.framework().equals(framework)).findFirst().orElseThrow();
    }

    /** Mazur's 2-2-2 example, 10,000 iterations, as notebook 04 runs it: milliseconds. */
    static double mazurMillis() {
        WorkedExample mazur = WorkedExample.mazur();
        long start = System.nanoTime();
        mazur.descent().train(mazur.network(), mazur.sample(), 10_000);
        return (System.nanoTime() - start) / 1e6;
    }

    /** Runs Mazur's example until the JIT has compiled it: at least 100 runs and 1.5 s. */
    private static void warmUpMazur() {
        long start = System.nanoTime();
        for (int i = 0; i < 100 || System.nanoTime() - start < 1_500_000_000L; i++) {
            mazurMillis();
        }
    }

    /** --data, else backprop.data, else $BACKPROP_DATA, else Debian's folder; it must hold the four files. */
    static Path dataFolder(Path given) {
        Path folder = given;
        String source = "--data";
        if (folder == null && System.getProperty("backprop.data") != null) {
            folder = Path.of(System.getProperty("backprop.data"));
            source = "the system property backprop.data";
        }
        if (folder == null && System.getenv("BACKPROP_DATA") != null) {
            folder = Path.of(System.getenv("BACKPROP_DATA"));
            source = "BACKPROP_DATA";
        }
        if (folder == null) {
            folder = Path.of("/usr/share/datasets/fashion-mnist");
            source = "the default folder (Debian's dataset-fashion-mnist)";
        }
        List<String> missing = new ArrayList<>();
        for (String file : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Fashion-MNIST is not in " + folder + " (" + source + "): "
                    + String.join(", ", missing) + " missing; install Debian's dataset-fashion-mnist, or name a "
                    + "folder with the four .gz files by --data or BACKPROP_DATA (./course --install-only "
                    + "downloads them into .course/data)");
        }
        return folder.toAbsolutePath();
    }

    private static final List<String> SCRIPTS = List.of("common.py", "numpy_epoch.py", "torch_epoch.py");

    /** The jar's copies of the Python scripts, in a new temporary folder. */
    private static Path extractScripts() throws IOException {
        Path folder = Files.createTempDirectory("backprop-benchmarks-");
        for (String script : SCRIPTS) {
            try (InputStream in = Epochs.class.getResourceAsStream("python/" + script)) {
                if (in == null) {
                    throw new IOException("the jar lacks org/backprop/benchmarks/python/" + script);
                }
                Files.copy(in, folder.resolve(script), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }

    private static void deleteScripts(Path folder) {
        try (var files = Files.walk(folder)) {
            for (Path path : files.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
