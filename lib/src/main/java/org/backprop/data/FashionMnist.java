package org.backprop.data;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Fashion-MNIST (Zalando Research: Han Xiao, Kashif Rasul, Roland Vollgraf, 2017, MIT licence):
 * 70,000 greyscale images of 28 × 28 pixels, each of one of ten kinds of clothing. A sample's 784
 * inputs are its pixels, row by row, from 0.0 (black) to 1.0 (white); its 10 targets are 1 for
 * its class and 0 for the others.
 *
 * <p>Each call reads its two files anew (a fifth of a second for the training set on a laptop)
 * and keeps nothing: a data set lives as long as you hold it. The four files are looked for, in
 * this order:
 * <ol>
 *   <li>in the folder named by the system property {@code backprop.data}, else by the
 *       environment variable {@code BACKPROP_DATA} (when set, it must hold all four files);
 *   <li>in {@code .course/data} of the course: its folder is the first of the working directory
 *       and the folders above it that holds a {@code .course} folder, or the {@code course}
 *       script next to a {@code lib} folder (notebooks run in {@code notebooks/});
 *   <li>in {@code /usr/share/datasets/fashion-mnist}, where Debian's package
 *       {@code dataset-fashion-mnist} puts them (another folder: {@code backprop.data.system} /
 *       {@code BACKPROP_DATA_SYSTEM});
 *   <li>else they are downloaded from the data set's own site,
 *       {@code http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/} (another one, a
 *       mirror: {@code backprop.data.url} / {@code BACKPROP_DATA_URL}), into {@code .course/data}.
 * </ol>
 * Wherever they come from, their content must be Fashion-MNIST's, byte for byte: the SHA-256 of
 * each file's IDX content (decompressed) is checked against the published data set's as it is read.
 */
public final class FashionMnist {

    /**
     * The four files, training set first, and the SHA-256 of each one's IDX content (decompressed):
     * Fashion-MNIST as published. Compressed files differ between copies (Debian recompresses them),
     * the content does not. {@code ./course --install-only} checks with these too, through {@link #main}.
     */
    static final Map<String, String> SHA256 = ordered(
            "train-images-idx3-ubyte.gz", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
            "train-labels-idx1-ubyte.gz", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
            "t10k-images-idx3-ubyte.gz", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
            "t10k-labels-idx1-ubyte.gz", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

    private static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private FashionMnist() {
    }

    /** The ten classes in the order of their labels 0 to 9: T-shirt/top, Trouser, …, Ankle boot. */
    public static List<String> classNames() {
        return CLASS_NAMES;
    }

    /**
     * The 60,000 training images with their classes, named "Fashion-MNIST training (60,000 images)";
     * UncheckedIOException, naming the file, when the files cannot be found, fetched or read, or
     * are not Fashion-MNIST's.
     */
    public static DataSet training() {
        return load("training", "train");
    }

    /**
     * The 10,000 test images with their classes, named "Fashion-MNIST test (10,000 images)";
     * UncheckedIOException as {@link #training()}.
     */
    public static DataSet test() {
        return load("test", "t10k");
    }

    /**
     * {@code java -cp backprop.jar org.backprop.data.FashionMnist --fetch} finds the four files as
     * {@link #training()} does, downloading them into {@code .course/data} when there is no copy,
     * and checks each one's SHA-256: what {@code ./course --install-only} runs. Prints where they
     * are; on failure prints why to stderr and exits with status 1 (2 for other arguments).
     */
    public static void main(String[] args) {
        System.exit(run(args, () -> FashionMnistFiles.fromEnvironment(System.out::println), System.out, System.err));
    }

    /** main without the exit: the status. {@code files} makes the rules (a bad setting is an IllegalArgumentException). */
    static int run(String[] args, Supplier<FashionMnistFiles> files, PrintStream out, PrintStream err) {
        if (args == null || !Arrays.equals(args, new String[] {"--fetch"})) {
            err.println("FashionMnist: expected the one argument --fetch, but got " + Arrays.toString(args)
                    + "\nusage: java -cp backprop.jar org.backprop.data.FashionMnist --fetch");
            return 2;
        }
        try {
            out.println("Fashion-MNIST: checked, " + files.get().fetch());
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static DataSet load(String part, String prefix) {
        try {
            return FashionMnistFiles.fromEnvironment(System.out::println).load(part, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
