package org.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where Fashion-MNIST is found, how it is downloaded and checked, with small stand-in files whose
 * digests replace the published ones (only through the package-private constructor); and the real
 * data set where Debian's package is installed.
 */
class FashionMnistTest {

    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    private static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    private static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    private static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    @TempDir
    Path dir;
    /** The stand-in files, compressed, by name. */
    final Map<String, byte[]> files = new LinkedHashMap<>();
    /** Their digests, in the order of FashionMnist.SHA256. */
    final Map<String, String> sha256 = new LinkedHashMap<>();
    final List<String> said = new ArrayList<>();
    Path project;
    Path notebooks;
    Path courseData;
    Path mirror;
    Path noSystemCopy;

    @BeforeEach
    void standIns() throws Exception {
        put(TRAIN_IMAGES, IdxTest.images(3, 2, 2));
        put(TRAIN_LABELS, IdxTest.labels(9, 0, 3));
        put(TEST_IMAGES, IdxTest.images(2, 2, 2));
        put(TEST_LABELS, IdxTest.labels(1, 2));
        project = dir.resolve("project");
        notebooks = Files.createDirectories(project.resolve("notebooks"));
        Files.createDirectories(project.resolve("lib"));
        Files.writeString(project.resolve("course"), "#!/bin/sh\n");
        courseData = project.resolve(".course/data");
        mirror = holdingAll(dir.resolve("mirror"));
        noSystemCopy = dir.resolve("no-system-copy");
    }

    private void put(String name, byte[] content) throws Exception {
        files.put(name, IdxTest.gzip(content));
        sha256.put(name, IdxTest.sha256(content));
    }

    private Path holdingAll(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        return folder;
    }

    private FashionMnistFiles rules(FashionMnistFiles.Folder folder, Path workingDirectory, Path system, URI site) {
        return new FashionMnistFiles(folder, workingDirectory, system, site, sha256, said::add);
    }

    private FashionMnistFiles withoutSetting(Path system, URI site) {
        return rules(null, notebooks, system, site);
    }

    private static void assertFails(String message, Executable call) {
        assertEquals(message, assertThrows(IOException.class, call).getMessage());
    }

    private static String unavailable(String reason, String places) {
        return "Fashion-MNIST is not on this computer, and it could not be downloaded: " + reason + ".\n"
                + "Looked for " + TRAIN_IMAGES + ", " + TRAIN_LABELS + ", " + TEST_IMAGES + ", " + TEST_LABELS
                + " in " + places + ". Provide them in one of three ways:\n"
                + "  - put the four files in a folder and name it in the system property backprop.data or the "
                + "environment variable BACKPROP_DATA;\n"
                + "  - run ./course --install-only in the course's folder where the internet is reachable: "
                + "it downloads them into .course/data;\n"
                + "  - install Debian's package: sudo apt-get install dataset-fashion-mnist "
                + "(it puts them into /usr/share/datasets/fashion-mnist).";
    }

    @Test
    void theTenClassesInTheOrderOfTheirLabels() {
        assertEquals(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                "Ankle boot"), FashionMnist.classNames());
        assertEquals(List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS), List.copyOf(FashionMnist.SHA256.keySet()));
    }

    /** A download address where nothing is. */
    private URI offline() {
        return dir.resolve("offline").toUri();
    }

    @Test
    void loadsBothPartsAsNamedDataSetsOfClasses() throws Exception {
        FashionMnistFiles rules = withoutSetting(mirror, offline());
        DataSet training = rules.load("training", "train");
        assertEquals("Fashion-MNIST training (3 images)", training.name());
        assertEquals(List.of(9, 0, 3), List.of(training.label(0), training.label(1), training.label(2)));
        assertEquals(FashionMnist.classNames(), training.classNames());
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, training.get(0).target());
        assertArrayEquals(new double[] {28 / 255.0, 35 / 255.0, 42 / 255.0, 49 / 255.0}, training.get(1).input());
        DataSet test = rules.load("test", "t10k");
        assertEquals("DataSet[Fashion-MNIST test (2 images), 2 samples]", test.toString());
        assertEquals(List.of(), said, "nothing to report without a download");
    }

    @Test
    void theFolderSettingComesFirstThenTheCourseThenTheSystem() throws Exception {
        Path named = holdingAll(dir.resolve("named"));
        holdingAll(courseData);
        FashionMnistFiles.Folder setting = new FashionMnistFiles.Folder("environment variable BACKPROP_DATA", named);

        assertEquals("in " + named + " (environment variable BACKPROP_DATA)",
                rules(setting, notebooks, mirror, offline()).locate().toString());
        assertEquals("in " + courseData + " (the course's own copy)", withoutSetting(mirror, offline()).locate().toString());
        assertEquals("in " + courseData + " (the course's own copy)",
                rules(null, project, mirror, offline()).locate().toString(), "the project folder itself");
        Files.delete(courseData.resolve(TEST_LABELS));
        assertEquals("in " + mirror + " (the system's copy)", withoutSetting(mirror, offline()).locate().toString(),
                "an incomplete .course/data is passed over");
    }

    @Test
    void theCourseFolderIsFoundByItsDotCourseFolderOrItsLauncherNextToLib() throws Exception {
        Path other = Files.createDirectories(dir.resolve("elsewhere/notebooks/deeper"));
        Files.createDirectories(dir.resolve("elsewhere/.course"));
        holdingAll(dir.resolve("elsewhere/.course/data"));
        assertEquals("in " + dir.resolve("elsewhere/.course/data") + " (the course's own copy)",
                rules(null, other, noSystemCopy, offline()).locate().toString());
        Files.createDirectories(dir.resolve("loose/lib"));
        Files.createDirectories(dir.resolve("loose/course"));
        assertFails(unavailable("there is no course folder to download into: neither " + dir.resolve("loose")
                        + " nor a folder above it holds .course, or course next to lib", noSystemCopy.toString()),
                () -> rules(null, dir.resolve("loose"), noSystemCopy, offline()).locate());
    }

    @Test
    void aNamedFolderMustHoldAllFourFiles() throws Exception {
        Path named = holdingAll(dir.resolve("named"));
        Files.delete(named.resolve(TRAIN_LABELS));
        Files.delete(named.resolve(TEST_IMAGES));
        FashionMnistFiles.Folder setting = new FashionMnistFiles.Folder("system property backprop.data", named);
        assertFails("system property backprop.data names the folder " + named + ", but it lacks " + TRAIN_LABELS + ", "
                + TEST_IMAGES + "; put Fashion-MNIST's four files there, or unset it",
                () -> rules(setting, notebooks, mirror, mirror.toUri()).locate());
        Path missing = dir.resolve("missing");
        assertFails("system property backprop.data names the folder " + missing + ", but it lacks " + TRAIN_IMAGES + ", "
                + TRAIN_LABELS + ", " + TEST_IMAGES + ", " + TEST_LABELS + "; put Fashion-MNIST's four files there, or unset it",
                () -> rules(new FashionMnistFiles.Folder("system property backprop.data", missing), notebooks, mirror, offline())
                        .load("training", "train"));
    }

    @Test
    void downloadsIntoDotCourseDataWhenThereIsNoCopy() throws Exception {
        FashionMnistFiles rules = withoutSetting(noSystemCopy, mirror.toUri());

        assertEquals("in " + courseData + " (downloaded from " + mirror.toUri() + ")", rules.locate().toString());
        for (String name : files.keySet()) {
            assertArrayEquals(files.get(name), Files.readAllBytes(courseData.resolve(name)), name);
        }
        assertEquals(files.keySet().stream().map(name -> "Fashion-MNIST: downloading " + mirror.toUri().resolve(name)).toList(),
                said);
        assertEquals(4, fileCount(courseData), "no partial downloads left");

        said.clear();
        assertEquals("in " + courseData + " (the course's own copy)", rules.locate().toString());
        assertEquals(List.of(), said, "downloaded once");
    }

    @Test
    void downloadsOnlyWhatIsMissingFromASiteGivenWithOrWithoutItsLastSlash() throws Exception {
        holdingAll(courseData);
        Files.delete(courseData.resolve(TEST_IMAGES));
        URI withoutSlash = URI.create(mirror.toUri().toString().replaceAll("/$", ""));

        assertEquals(2, withoutSetting(noSystemCopy, withoutSlash).load("test", "t10k").label(1));
        assertEquals(List.of("Fashion-MNIST: downloading file:" + mirror.resolve(TEST_IMAGES)), said);
    }

    @Test
    void aDownloadThatIsNotFashionMnistIsNotKept() throws Exception {
        byte[] other = IdxTest.gzip(IdxTest.images(3, 2, 3));
        Files.write(mirror.resolve(TRAIN_IMAGES), other);
        URI source = mirror.toUri().resolve(TRAIN_IMAGES);

        assertFails(unavailable(source + " is not Fashion-MNIST's " + TRAIN_IMAGES + ": the SHA-256 of its IDX content is "
                + IdxTest.sha256(IdxTest.images(3, 2, 3)) + ", but Fashion-MNIST's is " + sha256.get(TRAIN_IMAGES),
                courseData + " and " + noSystemCopy), () -> withoutSetting(noSystemCopy, mirror.toUri()).locate());
        assertEquals(0, fileCount(courseData), "nothing kept, no partial download");

        Files.write(mirror.resolve(TRAIN_IMAGES), new byte[] {0x1f, (byte) 0x8b, 8, 0});
        assertFails(unavailable(source + " is a damaged or truncated gzip file (it ends too early)",
                courseData + " and " + noSystemCopy), () -> withoutSetting(noSystemCopy, mirror.toUri()).locate());
        assertEquals(0, fileCount(courseData));
    }

    @Test
    void aCourseFolderThatCannotHoldTheDownload() throws Exception {
        Files.writeString(project.resolve(".course"), "not a folder");
        assertFails(unavailable("the files cannot be saved in " + courseData + " (java.nio.file.FileSystemException: "
                + courseData + ": Not a directory)", courseData + " and " + noSystemCopy), () -> withoutSetting(noSystemCopy, mirror.toUri()).locate());
    }

    @Test
    void withNoCopyAndNoDownloadOneErrorNamesTheThreeWays() throws Exception {
        Path gone = dir.resolve("gone");
        String source = ("file:" + gone.resolve(TRAIN_IMAGES));
        String message = unavailable("downloading " + source + " failed (FileNotFoundException: " + gone.resolve(TRAIN_IMAGES)
                + " (No such file or directory))", courseData + " and " + noSystemCopy);
        assertFails(message, () -> withoutSetting(noSystemCopy, gone.toUri()).load("training", "train"));
        assertEquals(0, fileCount(courseData));

        UncheckedIOException unchecked = assertThrows(UncheckedIOException.class, () -> {
            try {
                withoutSetting(noSystemCopy, gone.toUri()).load("test", "t10k");
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        });
        assertEquals(message, unchecked.getMessage());
    }

    @Test
    void aLocalCopyIsCheckedAsItIsRead() throws Exception {
        Path named = holdingAll(dir.resolve("named"));
        byte[] digits = IdxTest.labels(1, 1, 1);
        Files.write(named.resolve(TRAIN_LABELS), IdxTest.gzip(digits));
        FashionMnistFiles rules = rules(new FashionMnistFiles.Folder("environment variable BACKPROP_DATA", named), notebooks,
                noSystemCopy, offline());
        String message = named.resolve(TRAIN_LABELS) + " is not Fashion-MNIST's " + TRAIN_LABELS
                + ": the SHA-256 of its IDX content is " + IdxTest.sha256(digits) + ", but Fashion-MNIST's is "
                + sha256.get(TRAIN_LABELS);
        assertFails(message, () -> rules.load("training", "train"));
        assertFails(message, rules::fetch);
        assertEquals(2, rules.load("test", "t10k").size(), "the test set's files are fine");
    }

    @Test
    void fetchReportsWhereTheFilesAreAfterCheckingThem() throws Exception {
        assertEquals("in " + courseData + " (downloaded from " + mirror.toUri() + ")",
                withoutSetting(noSystemCopy, mirror.toUri()).fetch().toString());
        assertEquals("in " + courseData + " (the course's own copy)", withoutSetting(noSystemCopy, offline()).fetch().toString());
    }

    @Test
    void mainFetchesWithTheOneArgumentFetch() throws Exception {
        Run ok = run(withoutSetting(mirror, offline()), "--fetch");
        assertEquals(new Run(0, "Fashion-MNIST: checked, in " + mirror + " (the system's copy)\n", ""), ok);

        Path gone = dir.resolve("gone");
        Run failed = run(withoutSetting(noSystemCopy, gone.toUri()), "--fetch");
        assertEquals(1, failed.status());
        assertEquals("", failed.out());
        assertTrue(failed.err().startsWith("Fashion-MNIST is not on this computer, and it could not be downloaded: downloading "
                + ("file:" + gone.resolve(TRAIN_IMAGES)) + " failed ("), failed.err());

        String usage = "\nusage: java -cp backprop.jar org.backprop.data.FashionMnist --fetch\n";
        FashionMnistFiles rules = withoutSetting(mirror, offline());
        assertEquals(new Run(2, "", "FashionMnist: expected the one argument --fetch, but got null" + usage), run(rules, (String[]) null));
        assertEquals(new Run(2, "", "FashionMnist: expected the one argument --fetch, but got []" + usage), run(rules));
        assertEquals(new Run(2, "", "FashionMnist: expected the one argument --fetch, but got [--fetch, /tmp]" + usage),
                run(rules, "--fetch", "/tmp"));
        assertEquals(new Run(2, "", "FashionMnist: expected the one argument --fetch, but got [fetch]" + usage), run(rules, "fetch"));
        assertEquals(new Run(2, "", "FashionMnist: expected the one argument --fetch, but got [null]" + usage),
                run(rules, new String[] {null}));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, FashionMnist.run(new String[] {"--fetch"}, () -> {
            throw new IllegalArgumentException("environment variable BACKPROP_DATA_URL must be …");
        }, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals("environment variable BACKPROP_DATA_URL must be …\n", err.toString(StandardCharsets.UTF_8), "a bad setting");
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(FashionMnistFiles rules, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FashionMnist.run(args, () -> rules, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void settingsAreSystemPropertiesElseEnvironmentVariables() throws Exception {
        Path named = holdingAll(dir.resolve("named"));
        Consumer<String> quiet = said::add;
        withProperty("backprop.data", named.toString(), () -> assertEquals(
                "in " + named + " (system property backprop.data)", FashionMnistFiles.fromEnvironment(quiet).locate().toString()));
        withProperty("backprop.data.system", mirror.toString(), () -> withProperty("backprop.data", "", () -> assertFalse(
                FashionMnistFiles.fromEnvironment(quiet).locate().toString().contains("backprop.data"),
                "an empty setting counts as unset")));
        for (String bad : List.of("not a url", "relative/folder", "http://exa mple.org/")) {
            withProperty("backprop.data.url", bad, () -> assertEquals("system property backprop.data.url must be the URL of a "
                    + "folder that holds Fashion-MNIST's files, such as http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/, "
                    + "but was '" + bad + "'", assertThrows(IllegalArgumentException.class,
                            () -> FashionMnistFiles.fromEnvironment(quiet)).getMessage()));
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private static void withProperty(String name, String value, Body body) throws Exception {
        String before = System.getProperty(name);
        System.setProperty(name, value);
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, before);
            }
        }
    }

    private static long fileCount(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.count();
        }
    }

    @Test
    void debiansCopyIsFashionMnist() throws Exception {
        Path debian = FashionMnistFiles.SYSTEM_FOLDER;
        assumeTrue(Files.isDirectory(debian), "Debian's package dataset-fashion-mnist is not installed");
        FashionMnistFiles rules = new FashionMnistFiles(null, dir, debian, offline(), FashionMnist.SHA256, said::add);

        assertEquals("in " + debian + " (the system's copy)", rules.fetch().toString());
        DataSet training = rules.load("training", "train");
        assertEquals("DataSet[Fashion-MNIST training (60,000 images), 60000 samples]", training.toString());
        assertEquals(784, training.inputSize());
        assertEquals(10, training.targetSize());
        assertEquals("Ankle boot", training.classNames().get(training.label(0)));
        assertEquals("Fashion-MNIST training (60,000 images), first 1,000", training.first(1000).name());
        byte[] raw;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(debian.resolve(TRAIN_IMAGES)))) {
            raw = in.readAllBytes();
        }
        double[] last = training.get(59_999).input();
        for (int i = 0; i < 784; i++) {
            assertEquals(Byte.toUnsignedInt(raw[16 + 59_999 * 784 + i]) / 255.0, last[i], "pixel " + i);
        }
        DataSet test = rules.load("test", "t10k");
        assertEquals("DataSet[Fashion-MNIST test (10,000 images), 10000 samples]", test.toString());
        assertEquals(List.of(), said);
    }

    @Test
    void thePublicCallsFindACopyOfTheRealDataSet() {
        assumeTrue(Files.isDirectory(FashionMnistFiles.SYSTEM_FOLDER), "Debian's package dataset-fashion-mnist is not installed");
        DataSet training = FashionMnist.training();
        assertEquals(60_000, training.size());
        assertEquals(9, training.label(0));
        assertEquals(10_000, FashionMnist.test().size());
        assertFalse(training == FashionMnist.training(), "nothing is cached");
    }
}
