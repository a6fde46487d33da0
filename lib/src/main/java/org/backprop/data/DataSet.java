package org.backprop.data;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.backprop.nn.Sample;

/**
 * A named, unchangeable list of samples that all have the same number of inputs and targets:
 * what {@code GradientDescent.train(network, samples, epochs)} learns from.
 */
public final class DataSet extends AbstractList<Sample> {

    private final String name;
    private final List<Sample> samples;

    private DataSet(String name, List<Sample> samples) {
        this.name = name;
        this.samples = samples;
    }

    /** Your own samples, under a name for tables and charts. */
    public static DataSet of(String name, List<Sample> samples) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be a non-blank text, but was "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        if (samples == null || samples.isEmpty()) {
            throw new IllegalArgumentException("samples must hold at least 1 sample, but was "
                    + (samples == null ? "null" : "empty"));
        }
        Sample first = samples.get(0);
        for (int x = 0; x < samples.size(); x++) {
            Sample sample = samples.get(x);
            if (sample == null) {
                throw new IllegalArgumentException("samples[" + x + "] must not be null");
            }
            if (sample.input().length != first.input().length || sample.target().length != first.target().length) {
                throw new IllegalArgumentException("samples[" + x + "] must have " + first.input().length
                        + " inputs and " + first.target().length + " targets like samples[0], but had "
                        + sample.input().length + " inputs and " + sample.target().length + " targets");
            }
        }
        return new DataSet(name, List.copyOf(samples));
    }

    /** Your own samples, under a name for tables and charts. */
    public static DataSet of(String name, Sample... samples) {
        return of(name, samples == null ? null : Arrays.asList(samples));
    }

    /**
     * Exclusive or: target 1 when exactly one of the two inputs is 1. No single layer can
     * learn it; a hidden layer can.
     */
    public static DataSet xor() {
        return of("XOR",
                sample(0, 0, 0),
                sample(0, 1, 1),
                sample(1, 0, 1),
                sample(1, 1, 0));
    }

    /**
     * {@code n} points (x, y) drawn uniformly from the square [−1, 1]² with {@code new
     * Random(seed)}, x before y; the target is 1 inside the circle x² + y² &lt; 2/π (half the
     * square's area) and 0 outside.
     */
    public static DataSet circle(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, but was " + n);
        }
        Random random = new Random(seed);
        Sample[] samples = new Sample[n];
        for (int i = 0; i < n; i++) {
            double x = 2 * random.nextDouble() - 1;
            double y = 2 * random.nextDouble() - 1;
            samples[i] = sample(x, y, x * x + y * y < 2 / Math.PI ? 1 : 0);
        }
        return of("circle (" + n + " points, seed " + seed + ")", samples);
    }

    private static Sample sample(double x, double y, double target) {
        return new Sample(new double[] {x, y}, new double[] {target});
    }

    public String name() {
        return name;
    }

    @Override
    public Sample get(int index) {
        return samples.get(index);
    }

    @Override
    public int size() {
        return samples.size();
    }

    @Override
    public String toString() {
        return "DataSet[" + name + ", " + size() + " samples]";
    }
}
