package org.backprop.data;

import java.util.Locale;
import java.util.Random;

/**
 * Seeded two-class data sets in the plane, for watching what a small network learns: points
 * (x, y) with the target 1 for one class and 0 for the other, near the square [−1, 1]². The
 * shapes follow the data sets of TensorFlow Playground (Daniel Smilkov and Shan Carter,
 * https://playground.tensorflow.org: exclusive or, circle, spiral) and scikit-learn's two moons
 * ({@code sklearn.datasets.make_moons}); the code is written anew.
 *
 * <p>Each point's class is decided by its position before the noise: then both coordinates get
 * Gaussian noise with standard deviation {@code noise}, so that with noise some points lie on the
 * other class's side, as real data does. The two classes alternate in the data set's order, so
 * that every mini-batch sees both. The same arguments give the same points.
 */
public final class Playground {

    /** Keeps points of the exclusive or this far from the axes, where the class changes. */
    private static final double XOR_MARGIN = 0.05;
    /** The radius of the inner disc of {@link #circle} and the inner edge of its ring. */
    private static final double INNER_RADIUS = 0.5;
    private static final double RING_FROM = 0.7;
    /** How far each arm of {@link #spiral} turns, in turns. */
    private static final double SPIRAL_TURNS = 1.75;

    private Playground() {
    }

    /**
     * Exclusive or: {@code n} points drawn uniformly from [−1, 1]² (at least 0.05 from the axes),
     * class 1 where exactly one coordinate is positive (x·y &lt; 0), else 0. No straight line
     * separates the classes; one hidden layer can.
     */
    public static DataSet xor(int n, double noise, long seed) {
        check(n, noise);
        Random random = new Random(seed);
        Points points = new Points("exclusive or", n, noise, seed);
        while (points.size < n) {
            double x = awayFromAxis(random);
            double y = awayFromAxis(random);
            int label = (x > 0) != (y > 0) ? 1 : 0;
            if (label == points.size % 2) {
                points.add(x, y, label, random);
            }
        }
        return points.dataSet();
    }

    /**
     * A disc inside a ring: class 1 for points at a radius below 0.5, class 0 for points at a
     * radius between 0.7 and 1, at angles drawn uniformly.
     */
    public static DataSet circle(int n, double noise, long seed) {
        check(n, noise);
        Random random = new Random(seed);
        Points points = new Points("circle", n, noise, seed);
        for (int i = 0; i < n; i++) {
            int label = i % 2 == 0 ? 0 : 1;
            double radius = label == 1 ? INNER_RADIUS * random.nextDouble()
                    : RING_FROM + (1 - RING_FROM) * random.nextDouble();
            double angle = 2 * Math.PI * random.nextDouble();
            points.add(radius * Math.cos(angle), radius * Math.sin(angle), label, random);
        }
        return points.dataSet();
    }

    /**
     * Two interleaving half circles, as scikit-learn's make_moons: the upper moon (cos t, sin t)
     * is class 0, the lower one (1 − cos t, ½ − sin t) class 1, t drawn uniformly from [0, π];
     * then both are moved and shrunk by (p − (½, ¼)) / 1.5 into the square.
     */
    public static DataSet moons(int n, double noise, long seed) {
        check(n, noise);
        Random random = new Random(seed);
        Points points = new Points("two moons", n, noise, seed);
        for (int i = 0; i < n; i++) {
            int label = i % 2 == 0 ? 0 : 1;
            double t = Math.PI * random.nextDouble();
            double x = label == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double y = label == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            points.add((x - 0.5) / 1.5, (y - 0.25) / 1.5, label, random);
        }
        return points.dataSet();
    }

    /**
     * Two spiral arms, one per class, each turning 1.75 times around the origin while its radius
     * grows from 0 to 1; the arms are half a turn apart. Point k of an arm of m points lies at
     * r = k/m, angle 2π · 1.75 · k/m (plus π for class 0).
     */
    public static DataSet spiral(int n, double noise, long seed) {
        check(n, noise);
        Random random = new Random(seed);
        Points points = new Points("spiral", n, noise, seed);
        int perArm = (n + 1) / 2;
        for (int i = 0; i < n; i++) {
            int label = i % 2 == 0 ? 0 : 1;
            double r = (double) (i / 2) / perArm;
            double angle = 2 * Math.PI * SPIRAL_TURNS * r + (label == 0 ? Math.PI : 0);
            points.add(r * Math.sin(angle), r * Math.cos(angle), label, random);
        }
        return points.dataSet();
    }

    /** A coordinate drawn uniformly from [−1, −margin] ∪ [margin, 1]. */
    private static double awayFromAxis(Random random) {
        double magnitude = XOR_MARGIN + (1 - XOR_MARGIN) * random.nextDouble();
        return random.nextBoolean() ? magnitude : -magnitude;
    }

    /** The points of one data set as they are drawn, with their noise, into the arrays it keeps. */
    private static final class Points {
        private final String name;
        private final double noise;
        private final double[] inputs;
        private final double[] targets;
        private int size;

        Points(String shape, int n, double noise, long seed) {
            this.name = String.format(Locale.ROOT, "%s (%s points, noise %s, seed %d)", shape, DataSet.count(n),
                    noise, seed);
            this.noise = noise;
            this.inputs = new double[DataSet.arrayLength("n = " + DataSet.count(n) + " points", n, 2, "input")];
            this.targets = new double[n];
        }

        void add(double x, double y, int label, Random random) {
            inputs[2 * size] = x + noise * random.nextGaussian();
            inputs[2 * size + 1] = y + noise * random.nextGaussian();
            targets[size++] = label;
        }

        DataSet dataSet() {
            return DataSet.numbers(name, 2, inputs, 1, targets);
        }
    }

    private static void check(int n, double noise) {
        if (n < 2) {
            throw new IllegalArgumentException("n must be at least 2 (a point of each class), but was " + n);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite standard deviation ≥ 0, but was " + noise);
        }
    }

}
