package org.backprop.data;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.backprop.nn.Sample;
import org.backprop.nn.SampleRows;

/**
 * A named, unchangeable list of samples that all have the same number of inputs and targets:
 * what {@code GradientDescent.train(network, samples, epochs)} learns from.
 *
 * <p>The values are stored once, compactly, as the rows of one array: numbers as {@code double}s,
 * images as one unsigned byte per pixel (60,000 Fashion-MNIST images take 47 MB, not 376 MB).
 * {@link #get(int) get(x)} returns a {@link Sample} that reads row x from there, and a training
 * loop can write rows straight into its buffers ({@link SampleRows}). {@link #first(int)} and
 * {@link #subList(int, int)} are views on the same storage, not copies.
 *
 * <p>A data set of classes (images of clothes, say) has {@link #classNames()} and a {@link
 * #label(int) label} per sample; its target is one-hot: 1 for the sample's class, 0 for the others.
 */
public final class DataSet extends AbstractList<Sample> implements SampleRows {

    /** The longest array the JVM allocates (OpenJDK's limit, a little below Integer.MAX_VALUE). */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private final String wholeName;
    private final String name;
    private final SampleRows rows;
    private final int from;
    private final int size;
    private final List<String> classNames;

    private DataSet(String wholeName, SampleRows rows, int from, int size, List<String> classNames) {
        this.wholeName = wholeName;
        this.rows = rows;
        this.from = from;
        this.size = size;
        this.classNames = classNames;
        this.name = size == rows.size() ? wholeName
                : from == 0 ? wholeName + ", first " + count(size)
                : wholeName + ", samples " + count(from) + " to " + count(from + size - 1);
    }

    /** Your own samples, under a name for tables and charts; their values are copied. */
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
        if (first == null) {
            throw new IllegalArgumentException("samples[0] must not be null");
        }
        int inputSize = first.inputSize();
        int targetSize = first.targetSize();
        double[] inputs = new double[arrayLength("samples", samples.size(), inputSize, "input")];
        double[] targets = new double[arrayLength("samples", samples.size(), targetSize, "target")];
        for (int x = 0; x < samples.size(); x++) {
            Sample sample = samples.get(x);
            if (sample == null) {
                throw new IllegalArgumentException("samples[" + x + "] must not be null");
            }
            if (sample.inputSize() != inputSize || sample.targetSize() != targetSize) {
                throw new IllegalArgumentException("samples[" + x + "] must have " + inputSize
                        + " inputs and " + targetSize + " targets like samples[0], but had "
                        + sample.inputSize() + " inputs and " + sample.targetSize() + " targets");
            }
            System.arraycopy(sample.input(), 0, inputs, x * inputSize, inputSize);
            System.arraycopy(sample.target(), 0, targets, x * targetSize, targetSize);
        }
        return numbers(name, inputSize, inputs, targetSize, targets);
    }

    /** Your own samples, under a name for tables and charts; their values are copied. */
    public static DataSet of(String name, Sample... samples) {
        return of(name, samples == null ? null : Arrays.asList(samples));
    }

    /**
     * Exclusive or: target 1 when exactly one of the two inputs is 1. No single layer can
     * learn it; a hidden layer can.
     */
    public static DataSet xor() {
        return numbers("XOR", 2, new double[] {0, 0, 0, 1, 1, 0, 1, 1}, 1, new double[] {0, 1, 1, 0});
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
        double[] points = new double[arrayLength("n = " + count(n) + " points", n, 2, "input")];
        double[] inside = new double[n];
        for (int i = 0; i < n; i++) {
            double x = 2 * random.nextDouble() - 1;
            double y = 2 * random.nextDouble() - 1;
            points[2 * i] = x;
            points[2 * i + 1] = y;
            inside[i] = x * x + y * y < 2 / Math.PI ? 1 : 0;
        }
        return numbers("circle (" + n + " points, seed " + seed + ")", 2, points, 1, inside);
    }

    /**
     * Images with a class each: {@code pixels} holds image after image, {@code width × height}
     * unsigned bytes each, row by row (0 black … 255 white; an input is byte / 255.0), {@code labels} one
     * class index per image, below {@code classNames.size()}. The arrays are kept, not copied:
     * the caller hands them over and checked them (see {@link Idx}).
     */
    static DataSet images(String name, int width, int height, byte[] pixels, byte[] labels, List<String> classNames) {
        return new DataSet(name, new Images(width, height, classNames.size(), pixels, labels), 0, labels.length,
                List.copyOf(classNames));
    }

    /** Rows of doubles, kept, not copied: {@code inputs} holds sample after sample, likewise {@code targets}. */
    static DataSet numbers(String name, int inputSize, double[] inputs, int targetSize, double[] targets) {
        return new DataSet(name, new Numbers(inputSize, targetSize, inputs, targets), 0, inputs.length / inputSize,
                List.of());
    }

    /** The name given to the data set; a view's name says which samples it shows. */
    public String name() {
        return name;
    }

    /** Sample x, read from the data set's storage (a view, not a copy). */
    @Override
    public Sample get(int x) {
        return Sample.of(this, index("x", x));
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int inputSize() {
        return rows.inputSize();
    }

    @Override
    public int targetSize() {
        return rows.targetSize();
    }

    /** Writes sample x's inputs into {@code into[offset …]} (an image's pixels as byte / 255.0). */
    @Override
    public void writeInput(int x, double[] into, int offset) {
        rows.writeInput(from + index("x", x), room(into, offset, inputSize(), "inputs"), offset);
    }

    /** Writes sample x's targets into {@code into[offset …]} (for classes: 1 at its label, 0 elsewhere). */
    @Override
    public void writeTarget(int x, double[] into, int offset) {
        rows.writeTarget(from + index("x", x), room(into, offset, targetSize(), "targets"), offset);
    }

    /** The names of the classes, in the order of their labels 0, 1, …; empty for a data set without classes. */
    public List<String> classNames() {
        return classNames;
    }

    /** The class of sample x, an index into {@link #classNames()}. */
    public int label(int x) {
        if (!(rows instanceof Images images)) {
            throw new IllegalArgumentException("label(x) needs a data set of classes, but " + name
                    + " has none (its classNames() are empty)");
        }
        return images.label(from + index("x", x));
    }

    /** Whether the samples are images: then {@link #imageWidth()} × {@link #imageHeight()} pixels are the inputs. */
    public boolean isImages() {
        return rows instanceof Images;
    }

    /** The width of each image in pixels (28 for Fashion-MNIST). */
    public int imageWidth() {
        return images("imageWidth()").width();
    }

    /** The height of each image in pixels (28 for Fashion-MNIST). */
    public int imageHeight() {
        return images("imageHeight()").height();
    }

    /**
     * The pixels of image x, row by row, from 0.0 (black) to 1.0 (white): its inputs, in a new
     * array of {@link #imageWidth()} × {@link #imageHeight()} values.
     */
    public double[] pixels(int x) {
        double[] pixels = new double[images("pixels(x)").inputSize()];
        writeInput(x, pixels, 0);
        return pixels;
    }

    private Images images(String method) {
        if (!(rows instanceof Images images)) {
            throw new IllegalArgumentException(method + " needs a data set of images, but " + name
                    + " holds numbers");
        }
        return images;
    }

    /**
     * The first {@code n} samples, as a data set that reads them from this one's storage (no copy),
     * named after this one: "Fashion-MNIST training (60,000 images), first 1,000".
     */
    public DataSet first(int n) {
        if (n < 1 || n > size) {
            throw new IllegalArgumentException("n must be between 1 and size() = " + size + ", but was " + n);
        }
        return new DataSet(wholeName, rows, from, n, classNames);
    }

    /**
     * Samples {@code from} (included) to {@code to} (excluded), as a data set that reads them from
     * this one's storage (no copy), named after this one: "…, samples 1,000 to 1,999". Unlike a
     * list's sub-list, it cannot be empty.
     */
    @Override
    public DataSet subList(int from, int to) {
        index("from", from);
        if (to <= from || to > size) {
            throw new IllegalArgumentException("to must be between from + 1 = " + (from + 1L) + " and size() = "
                    + size + ", but was " + to);
        }
        return new DataSet(wholeName, rows, this.from + from, to - from, classNames);
    }

    @Override
    public String toString() {
        return "DataSet[" + name + ", " + size + " samples]";
    }

    private int index(String parameter, int x) {
        if (x < 0 || x >= size) {
            throw new IllegalArgumentException(parameter + " must be a sample index between 0 and " + (size - 1)
                    + ", but was " + x);
        }
        return x;
    }

    /** into, if it has room for one sample's {@code values} from offset on. */
    private static double[] room(double[] into, int offset, int values, String what) {
        if (into == null) {
            throw new IllegalArgumentException("into must not be null");
        }
        if (into.length < values) {
            throw new IllegalArgumentException("into must hold at least " + values + " values (one sample's " + what
                    + "), but held " + into.length);
        }
        if (offset < 0 || offset > into.length - values) {
            throw new IllegalArgumentException("offset must be between 0 and into.length - " + values + " = "
                    + (into.length - values) + ", but was " + offset);
        }
        return into;
    }

    /** count × perItem, the length of an array of every item's values; at most MAX_ARRAY_LENGTH. */
    static int arrayLength(String items, int count, int perItem, String what) {
        long length = (long) count * perItem;
        if (length > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(items + " would need " + count(length) + " " + what
                    + " values, but one array holds at most " + count(MAX_ARRAY_LENGTH));
        }
        return (int) length;
    }

    /** 60,000: how counts appear in names and messages. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Rows of doubles: row x's inputs at inputs[x · inputSize …], its targets likewise. */
    private record Numbers(int inputSize, int targetSize, double[] inputs, double[] targets) implements SampleRows {

        @Override
        public int size() {
            return inputs.length / inputSize;
        }

        @Override
        public void writeInput(int x, double[] into, int offset) {
            System.arraycopy(inputs, x * inputSize, into, offset, inputSize);
        }

        @Override
        public void writeTarget(int x, double[] into, int offset) {
            System.arraycopy(targets, x * targetSize, into, offset, targetSize);
        }
    }

    /** Images as unsigned bytes, image x at pixels[x · inputSize …] row by row, and a class label per image. */
    private record Images(int width, int height, int targetSize, byte[] pixels, byte[] labels) implements SampleRows {

        @Override
        public int inputSize() {
            return width * height;
        }

        @Override
        public int size() {
            return labels.length;
        }

        int label(int x) {
            return Byte.toUnsignedInt(labels[x]);
        }

        /** byte / 255.0 for every byte, looked up: a division per pixel would cost more than the copy. */
        private static final double[] GREY = new double[256];

        static {
            for (int b = 0; b < GREY.length; b++) {
                GREY[b] = b / 255.0;
            }
        }

        @Override
        public void writeInput(int x, double[] into, int offset) {
            int inputSize = inputSize();
            int start = x * inputSize;
            for (int i = 0; i < inputSize; i++) {
                into[offset + i] = GREY[Byte.toUnsignedInt(pixels[start + i])];
            }
        }

        @Override
        public void writeTarget(int x, double[] into, int offset) {
            Arrays.fill(into, offset, offset + targetSize, 0);
            into[offset + label(x)] = 1;
        }
    }
}
