package org.backprop.view;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.IntStream;
import org.backprop.nn.Activation;
import org.backprop.nn.ForwardPass;
import org.backprop.nn.Names;
import org.backprop.nn.TrainingHistory;

/** The course's charts, drawn with XChart. */
public final class Charts {

    private static final int DRAWN_POINTS = 1000;
    private static final int ALL_OF_THE_FIRST = 100;
    private static final double NET_RANGE = 5;
    private static final int ACTIVATION_POINTS = 100;
    /** Room above the runs that did not diverge, when others did: a factor of 10, one decade on a log axis. */
    private static final double DIVERGED_ROOM = 10;
    /** What a forward pass holds; every other name is a derivative, which a backward pass holds. */
    private static final Set<Names.Kind> FORWARD = EnumSet.of(Names.Kind.NET, Names.Kind.OUT, Names.Kind.TARGET,
            Names.Kind.ERROR, Names.Kind.TOTAL_ERROR, Names.Kind.WEIGHT, Names.Kind.BIAS);

    private Charts() {
    }

    /** E_total after each iteration of one run (see {@link #errors}). */
    public static ChartView error(TrainingHistory history) {
        return errors(one(history), true);
    }

    /**
     * E_total after each iteration of one run on a linear axis, however many powers of ten it
     * spans: the curve as the eye judges "flat" (see {@link #errors}).
     */
    public static ChartView errorOnLinearAxis(TrainingHistory history) {
        return errors(one(history), false);
    }

    /**
     * The error per iteration of several runs, one line per run named by its key: E_total after
     * each iteration; for runs on data sets, per epoch, the mean E_total after it if the runs were
     * evaluated on their samples ({@code descent.evaluatingOn(samples)}), else during it. The
     * y axis is logarithmic when every error is greater than 0 and they span more than two powers
     * of ten. If some runs diverged and others did not, the axis ends a power of ten above the
     * largest error of those that did not, and the diverging lines leave the chart at its top
     * (its text says where). A run of more than 1,000 iterations is drawn through its first 100
     * iterations, every k-th after them and its last, which keeps the image small;
     * {@code run.errors()} has every value.
     */
    public static ChartView errors(Map<String, TrainingHistory> runs) {
        return errors(runs, true);
    }

    private static Map<String, TrainingHistory> one(TrainingHistory history) {
        View.require("history", history);
        Map<String, TrainingHistory> runs = new LinkedHashMap<>();
        runs.put("E_total", history);
        return runs;
    }

    private static ChartView errors(Map<String, TrainingHistory> runs, boolean logarithmicIfWide) {
        String meaning = ErrorCurve.meaning(View.labelled("runs", runs));
        double smallest = Double.POSITIVE_INFINITY;
        double largest = Double.NEGATIVE_INFINITY;
        double largestKept = Double.NEGATIVE_INFINITY;
        for (TrainingHistory run : runs.values()) {
            for (double e : ErrorCurve.of(run).errors()) {
                smallest = Math.min(smallest, e);
                largest = Math.max(largest, e);
                largestKept = run.divergedAt().isPresent() ? largestKept : Math.max(largestKept, e);
            }
        }
        String step = meaning.equals("E_total") ? "iteration" : "epoch";
        Lines chart = new Lines("Error per " + step, step, meaning,
                logarithmicIfWide && Lines.spansDecades(smallest, largest));
        if (largestKept > Double.NEGATIVE_INFINITY && largestKept < largest) {
            chart.ceiling(DIVERGED_ROOM * largestKept);
        }
        runs.forEach((name, run) -> {
            ErrorCurve curve = ErrorCurve.of(run);
            int[] drawn = drawnIterations(curve.first(), curve.last());
            chart.points("runs['" + name + "']", name, Arrays.stream(drawn).asDoubleStream().toArray(),
                    Arrays.stream(drawn).mapToDouble(curve::error).toArray());
        });
        return chart.view();
    }

    /** Every weight after each kept iteration of a run (iteration 0 is the start). */
    public static ChartView weights(TrainingHistory history) {
        List<TrainingHistory.Iteration> kept = View.requireSnapshots(history, "chart weights").snapshots();
        Lines chart = new Lines("Weights per iteration", "iteration", "weight", false);
        for (String weight : history.start().names().weightNames()) {
            chart.line("history", weight, kept.size() + 1,
                    k -> k == 0 ? history.start().get(weight) : kept.get(k - 1).after().get(weight));
        }
        return chart.view();
    }

    /**
     * ‖∂E/∂Wˡ‖ per iteration (per epoch, on a data set) for every layer l of one run, on a log axis
     * when they span more than two powers of ten: in a deep sigmoid network the first layers'
     * lines lie far below the last one's (vanishing gradients).
     */
    public static ChartView gradientNorms(TrainingHistory history) {
        View.require("history", history);
        if (history.iterations() == 0) {
            throw new IllegalArgumentException("history must hold at least 1 iteration to chart gradient norms, "
                    + "but held 0 (it diverged at its first iteration)");
        }
        int[] drawn = drawnIterations(1, history.iterations());
        double[] iterations = Arrays.stream(drawn).asDoubleStream().toArray();
        double[][] norms = new double[history.depth()][];
        double smallest = Double.POSITIVE_INFINITY;
        double largest = Double.NEGATIVE_INFINITY;
        for (int l = 1; l <= history.depth(); l++) {
            int layer = l;
            norms[l - 1] = Arrays.stream(drawn).mapToDouble(k -> history.gradientNorm(k, layer)).toArray();
            smallest = Math.min(smallest, Arrays.stream(norms[l - 1]).min().orElseThrow());
            largest = Math.max(largest, Arrays.stream(norms[l - 1]).max().orElseThrow());
        }
        Lines chart = new Lines("Gradient norm per layer", history.samples() > 1 ? "epoch" : "iteration",
                "‖∂E/∂W‖", Lines.spansDecades(smallest, largest));
        for (int l = 1; l <= history.depth(); l++) {
            chart.points("history", "layer " + l, iterations, norms[l - 1]);
        }
        return chart.view();
    }

    /**
     * One named quantity over training, one line per run: a value of the forward pass (out_o1,
     * net_o1, E_total, w5) after each iteration k = 0 … n (0: the start), or a derivative
     * (∂E/∂w5, δ_o1, ∂E/∂out_o1) at the weights after iteration k = 0 … n − 1, i.e. the gradient
     * the next step used. The runs must be on one sample and keep every iteration
     * ({@code train(network, sample, n, n)}). The y-axis is logarithmic when every value is
     * positive and they span more than two powers of ten.
     */
    public static ChartView traced(Map<String, TrainingHistory> runs, String name) {
        View.require("runs", runs);
        View.require("name", name);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must hold at least 1 run, but was empty");
        }
        View.labelled("runs", runs);
        Map<String, double[]> lines = new LinkedHashMap<>();
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (Map.Entry<String, TrainingHistory> run : runs.entrySet()) {
            double[] values = traced(run.getKey(), run.getValue(), name);
            for (double value : values) {
                smallest = Math.min(smallest, value > 0 ? value : Double.NEGATIVE_INFINITY);
                largest = Math.max(largest, value);
            }
            lines.put(run.getKey(), values);
        }
        Lines chart = new Lines(name + " during training", "iteration", name, Lines.spansDecades(smallest, largest));
        lines.forEach((label, values) -> chart.line("runs['" + label + "']", label, values.length, k -> values[k]));
        return chart.view();
    }

    private static double[] traced(String label, TrainingHistory run, String name) {
        int n = run.iterations();
        if (run.samples() != 1 || n == 0 || run.snapshots().size() < n) {
            throw new IllegalArgumentException("runs['" + label + "'] must be a run on 1 sample that keeps each of "
                    + "its iterations (train(network, sample, n, n)), but was on " + run.samples() + " samples and "
                    + "kept " + run.snapshots().size() + " of " + n + " iterations");
        }
        ForwardPass start = run.snapshot(1).before();
        Names.Quantity quantity = start.names().quantity(name);
        boolean derivative = quantity == null || !FORWARD.contains(quantity.kind());
        double[] values = new double[derivative ? n : n + 1];
        for (int k = 0; k < values.length; k++) {
            values[k] = derivative ? run.snapshot(k + 1).gradients().get(name)
                    : (k == 0 ? start : run.snapshot(k).after()).get(name);
        }
        return values;
    }

    /** out = f(net) for net from −5 to 5, one line per activation. */
    public static ChartView activations(Activation... activations) {
        return activationChart("Activation functions", "out = f(net)", activations,
                (f, net) -> f.apply(net));
    }

    /** ∂out/∂net = f′(net) for net from −5 to 5, one line per activation. */
    public static ChartView derivatives(Activation... activations) {
        return activationChart("Their derivatives", "∂out/∂net = f′(net)", activations,
                (f, net) -> f.derivative(net, f.apply(net)));
    }

    private static ChartView activationChart(String title, String yTitle, Activation[] activations,
                                             ToDoubleBiFunction<Activation, Double> value) {
        View.require("activations", activations);
        if (activations.length == 0) {
            throw new IllegalArgumentException("activations must hold at least 1 activation, but was empty");
        }
        Lines chart = new Lines(title, "net", yTitle, false);
        double[] net = IntStream.rangeClosed(-ACTIVATION_POINTS, ACTIVATION_POINTS)
                .mapToDouble(i -> NET_RANGE * i / ACTIVATION_POINTS).toArray();
        for (int a = 0; a < activations.length; a++) {
            Activation activation = View.require("activations[" + a + "]", activations[a]);
            for (int earlier = 0; earlier < a; earlier++) {
                if (activations[earlier] == activation) {
                    throw new IllegalArgumentException("activations[" + a + "] repeats activations[" + earlier + "] ("
                            + activation + "): expected each activation once, as each gets its own line");
                }
            }
            chart.points("activations[" + a + "]", activation.toString(), net,
                    Arrays.stream(net).map(x -> value.applyAsDouble(activation, x)).toArray());
        }
        return chart.view();
    }

    /**
     * Lines over a common x, both axes logarithmic: for quantities spanning many powers of ten
     * (a step size against an error, a network size against a time). Every value must be
     * greater than 0.
     */
    public static ChartView logLog(String title, String xTitle, String yTitle, double[] x,
                                   Map<String, double[]> lines) {
        View.require("title", title);
        View.require("xTitle", xTitle);
        View.require("yTitle", yTitle);
        requirePositive("x", View.require("x", x), x.length);
        View.require("lines", lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines must hold at least 1 line, but was empty");
        }
        View.labelled("lines", lines);
        Lines chart = new Lines(title, xTitle, yTitle, true, true).withMarkers();
        lines.forEach((name, y) -> {
            requirePositive("lines['" + name + "']", y, x.length);
            chart.points("lines['" + name + "']", name, x, y);
        });
        return chart.view();
    }

    private static void requirePositive(String parameter, double[] values, int length) {
        if (values.length == 0) {
            throw new IllegalArgumentException(parameter + " must hold at least 1 value, but was empty");
        }
        if (values.length != length) {
            throw new IllegalArgumentException(parameter + " must hold " + length + " values (one per x), but held "
                    + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || !Double.isFinite(values[i])) {
                throw new IllegalArgumentException(parameter + "[" + i
                        + "] must be a finite number greater than 0 (the axes are logarithmic), but was " + values[i]);
            }
        }
    }

    /** first … n, or for long runs first … 100, then every k-th iteration and the last. */
    private static int[] drawnIterations(int first, int n) {
        if (n <= DRAWN_POINTS) {
            return IntStream.rangeClosed(first, n).toArray();
        }
        int every = (n + DRAWN_POINTS - 1) / DRAWN_POINTS;
        return IntStream.rangeClosed(first, n)
                .filter(k -> k <= ALL_OF_THE_FIRST || k % every == 0 || k == n)
                .toArray();
    }
}
