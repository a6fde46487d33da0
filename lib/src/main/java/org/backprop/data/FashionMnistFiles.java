package org.backprop.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where Fashion-MNIST's four files are, and getting them there: the rules {@link FashionMnist}
 * documents. Every setting comes in through the constructor, so tests choose the folders, the
 * download address and the digests their small stand-in files have.
 */
final class FashionMnistFiles {

    static final Path SYSTEM_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    static final URI OFFICIAL_SITE = URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    /** A folder a setting names: the setting ("environment variable BACKPROP_DATA") and the folder. */
    record Folder(String setting, Path path) {
    }

    /** The folder that holds the four files, and how it was found. */
    record Location(Path folder, String how) {
        @Override
        public String toString() {
            return "in " + folder + " (" + how + ")";
        }
    }

    private final Folder folder;
    private final Path workingDirectory;
    private final Path course;
    private final Path system;
    private final URI site;
    private final Map<String, String> sha256;
    private final Consumer<String> say;

    /**
     * @param folder the folder the user named (rule 1), or null
     * @param workingDirectory where the course's folder is looked for (rule 2), upwards
     * @param system the system's copy (rule 3)
     * @param site the URL of the folder to download from (rule 4); a file name is resolved inside it
     * @param sha256 file name to the SHA-256 of its IDX content: which files there are, and what they hold
     * @param say where progress is reported (downloads)
     */
    FashionMnistFiles(Folder folder, Path workingDirectory, Path system, URI site, Map<String, String> sha256,
            Consumer<String> say) {
        this.folder = folder;
        this.workingDirectory = workingDirectory;
        this.course = courseFolder(workingDirectory);
        this.system = system;
        this.site = site.toString().endsWith("/") ? site : URI.create(site + "/");
        this.sha256 = sha256;
        this.say = say;
    }

    /** The rules with the settings of this JVM: system properties, else environment variables. */
    static FashionMnistFiles fromEnvironment(Consumer<String> say) {
        Setting folder = Setting.of("backprop.data", "BACKPROP_DATA");
        Setting system = Setting.of("backprop.data.system", "BACKPROP_DATA_SYSTEM");
        Setting site = Setting.of("backprop.data.url", "BACKPROP_DATA_URL");
        return new FashionMnistFiles(folder == null ? null : new Folder(folder.name, Path.of(folder.value)),
                Path.of(System.getProperty("user.dir")), system == null ? SYSTEM_FOLDER : Path.of(system.value),
                site == null ? OFFICIAL_SITE : site.folderUrl(), FashionMnist.SHA256, say);
    }

    /** Training or test set: reads {prefix}-images-idx3-ubyte.gz and {prefix}-labels-idx1-ubyte.gz, checked. */
    DataSet load(String part, String prefix) throws IOException {
        Path where = locate().folder();
        Idx images = checked(Idx.images(where.resolve(prefix + "-images-idx3-ubyte.gz")));
        Idx labels = checked(Idx.labels(where.resolve(prefix + "-labels-idx1-ubyte.gz")));
        return Idx.labelledImages("Fashion-MNIST " + part + " (" + DataSet.count(images.count()) + " images)",
                images, labels, FashionMnist.classNames());
    }

    /** Where the files are (downloading them if need be), after checking each one's SHA-256. */
    Location fetch() throws IOException {
        Location location = locate();
        for (String name : sha256.keySet()) {
            Path path = location.folder().resolve(name);
            check(path, name, Idx.sha256(path, path));
        }
        return location;
    }

    /** The folder with all four files, by the rules in order; downloads them as the last one. */
    Location locate() throws IOException {
        if (folder != null) {
            List<String> missing = missing(folder.path());
            if (!missing.isEmpty()) {
                throw new IOException(folder.setting() + " names the folder " + folder.path() + ", but it lacks "
                        + String.join(", ", missing) + "; put Fashion-MNIST's four files there, or unset it");
            }
            return new Location(folder.path(), folder.setting());
        }
        Path data = course == null ? null : course.resolve(".course").resolve("data");
        if (data != null && missing(data).isEmpty()) {
            return new Location(data, "the course's own copy");
        }
        if (missing(system).isEmpty()) {
            return new Location(system, "the system's copy");
        }
        if (data == null) {
            throw unavailable(null, "there is no course folder to download into: neither " + workingDirectory
                    + " nor a folder above it holds .course, or course next to lib");
        }
        try {
            download(data);
        } catch (IOException e) {
            throw unavailable(data, e.getMessage());
        }
        return new Location(data, "downloaded from " + site);
    }

    /** Each missing file, downloaded to a temporary file, checked, then moved into place in one step. */
    private void download(Path data) throws IOException {
        try {
            Files.createDirectories(data);
            for (String name : missing(data)) {
                URI source = site.resolve(name);
                say.accept("Fashion-MNIST: downloading " + source);
                Path part = Files.createTempFile(data, name + ".", ".part");
                try {
                    try (InputStream in = open(source)) {
                        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new IOException("downloading " + source + " failed (" + e.getClass().getSimpleName()
                                + ": " + e.getMessage() + ")", e);
                    }
                    check(source, name, Idx.sha256(part, source));
                    Files.move(part, data.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(part);
                }
            }
        } catch (FileSystemException e) {
            // its message is only the file's name: say what failed
            throw new IOException("the files cannot be saved in " + data + " (" + e + ")", e);
        }
    }

    private static InputStream open(URI source) throws IOException {
        URLConnection connection = source.toURL().openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(READ_TIMEOUT_MS);
        return connection.getInputStream();
    }

    private Idx checked(Idx idx) throws IOException {
        check(idx.file(), idx.file().getFileName().toString(), idx.sha256());
        return idx;
    }

    /** Refuses a file (where, a path or a URL) whose IDX content is not that of Fashion-MNIST's file name. */
    private void check(Object where, String name, String actual) throws IOException {
        if (!actual.equals(sha256.get(name))) {
            throw new IOException(where + " is not Fashion-MNIST's " + name + ": the SHA-256 of its IDX content is "
                    + actual + ", but Fashion-MNIST's is " + sha256.get(name));
        }
    }

    /** The one error when no copy is found and none can be downloaded: the three ways to provide one. */
    private IOException unavailable(Path data, String reason) {
        String places = (data == null ? "" : data + " and ") + system;
        return new IOException("Fashion-MNIST is not on this computer, and it could not be downloaded: " + reason
                + ".\nLooked for " + String.join(", ", sha256.keySet()) + " in " + places
                + ". Provide them in one of three ways:\n"
                + "  - put the four files in a folder and name it in the system property backprop.data"
                + " or the environment variable BACKPROP_DATA;\n"
                + "  - run ./course --install-only in the course's folder where the internet is reachable:"
                + " it downloads them into .course/data;\n"
                + "  - install Debian's package: sudo apt-get install dataset-fashion-mnist"
                + " (it puts them into " + SYSTEM_FOLDER + ").");
    }

    private List<String> missing(Path dir) {
        return sha256.keySet().stream().filter(name -> !Files.isRegularFile(dir.resolve(name))).toList();
    }

    /** The first of start and the folders above it that holds .course, or course next to lib; null if none does. */
    private static Path courseFolder(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".course"))
                    || Files.isRegularFile(dir.resolve("course")) && Files.isDirectory(dir.resolve("lib"))) {
                return dir;
            }
        }
        return null;
    }

    /** A setting given as a system property, else as an environment variable; an empty one counts as unset. */
    private record Setting(String name, String value) {

        static Setting of(String property, String variable) {
            String value = System.getProperty(property);
            if (value != null && !value.isEmpty()) {
                return new Setting("system property " + property, value);
            }
            value = System.getenv(variable);
            return value == null || value.isEmpty() ? null : new Setting("environment variable " + variable, value);
        }

        /** The value as an absolute URL. */
        URI folderUrl() {
            try {
                URI uri = new URI(value);
                if (uri.isAbsolute()) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below, with what was expected
            }
            throw new IllegalArgumentException(name + " must be the URL of a folder that holds Fashion-MNIST's files,"
                    + " such as " + OFFICIAL_SITE + ", but was '" + value + "'");
        }
    }
}
