package org.backprop.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One IDX file read whole: the format of MNIST and Fashion-MNIST. An IDX file starts with 00 00,
 * a type byte (only 08, unsigned bytes, is read here) and the number of dimensions; then each
 * dimension as a big-endian 32-bit number; then the values, row-major. A gzip-compressed file is
 * recognised by its first two bytes (1f 8b), not by its name.
 *
 * @param file where it was read from, for messages
 * @param dimensions the dimensions, e.g. 60,000 × 28 × 28 for images, 60,000 for labels
 * @param data the values, one unsigned byte each
 * @param sha256 the SHA-256 of the IDX content (header and values, decompressed), in hex
 */
record Idx(Path file, int[] dimensions, byte[] data, String sha256) {

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int BUFFER_SIZE = 1 << 16;
    /**
     * The data array starts at most this long and grows only as data arrives, so a damaged header
     * cannot make us allocate gigabytes; Fashion-MNIST's 47 MB of images fit in the first array.
     */
    private static final int FIRST_ARRAY = 1 << 26;

    /** Images: 3 dimensions, count × rows × columns. */
    static Idx images(Path file) throws IOException {
        return read(file, 3, "images", "count × rows × columns");
    }

    /** Labels: 1 dimension, the count. */
    static Idx labels(Path file) throws IOException {
        return read(file, 1, "labels", "count");
    }

    /** The number of items: images or labels. */
    int count() {
        return dimensions[0];
    }

    /**
     * The images with their labels as a data set of {@code classNames.size()} classes; IOException
     * when the two files hold different counts or a label is not a class index.
     */
    static DataSet labelledImages(String name, Idx images, Idx labels, List<String> classNames) throws IOException {
        if (labels.count() != images.count()) {
            throw new IOException(labels.file + " holds " + DataSet.count(labels.count()) + " labels, but "
                    + images.file + " holds " + DataSet.count(images.count()) + " images: they must be as many");
        }
        for (int x = 0; x < labels.data.length; x++) {
            int label = Byte.toUnsignedInt(labels.data[x]);
            if (label >= classNames.size()) {
                throw new IOException(labels.file + " has label " + label + " at index " + x + ", but there are "
                        + classNames.size() + " classes (labels 0 to " + (classNames.size() - 1) + ")");
            }
        }
        return DataSet.images(name, images.dimensions[2], images.dimensions[1], images.data, labels.data, classNames);
    }

    /**
     * The SHA-256, in hex, of a file's IDX content (decompressed if it is gzip-compressed); {@code
     * source} names the file in messages: the file itself, or the URL it was downloaded from.
     */
    static String sha256(Path file, Object source) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = open(file)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (ZipException | EOFException e) {
            throw damagedGzip(source, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Idx read(Path file, int dimensions, String what, String shape) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = open(file)) {
            int headerSize = 4 + 4 * dimensions;
            byte[] header = in.readNBytes(headerSize);
            if (header.length >= 4) {
                checkStart(file, header, dimensions, what, shape);
            }
            if (header.length < headerSize) {
                throw new IOException(file + " is truncated: its content ends after " + header.length + " "
                        + plural(header.length, "byte") + ", inside the IDX header (" + headerSize + " bytes for " + dimensions + " "
                        + plural(dimensions, "dimension") + ")");
            }
            digest.update(header);
            int[] sizes = dimensions(file, header, dimensions);
            byte[] data = data(file, in, sizes);
            digest.update(data);
            long trailing = in.transferTo(OutputStream.nullOutputStream());
            if (trailing > 0) {
                throw new IOException(file + " has " + DataSet.count(trailing) + " " + plural(trailing, "byte")
                        + " after the " + DataSet.count(data.length) + " bytes of data its header declares ("
                        + times(sizes) + ")");
            }
            return new Idx(file, sizes, data, HexFormat.of().formatHex(digest.digest()));
        } catch (ZipException | EOFException e) {
            throw damagedGzip(file, e);
        }
    }

    /** The header starts with 00 00, type 08 (unsigned bytes) and as many dimensions as what is read has. */
    private static void checkStart(Path file, byte[] header, int dimensions, String what, String shape)
            throws IOException {
        if (header[0] != 0 || header[1] != 0) {
            throw new IOException(file + " is not an IDX file: its content starts with "
                    + HexFormat.ofDelimiter(" ").formatHex(header, 0, 4)
                    + ", but an IDX file starts with 00 00, its type and its number of dimensions");
        }
        if (header[2] != UNSIGNED_BYTE) {
            throw new IOException(file + " holds IDX type " + HexFormat.of().toHexDigits(header[2])
                    + ", but only type 08 (unsigned bytes) can be read");
        }
        int declared = Byte.toUnsignedInt(header[3]);
        if (declared != dimensions) {
            throw new IOException(file + " has " + declared + " " + plural(declared, "dimension") + ", but "
                    + what + " need " + dimensions + " (" + shape + ")");
        }
    }

    /** The dimensions after the first 4 bytes of the header: each at least 1, their product an array length. */
    private static int[] dimensions(Path file, byte[] header, int dimensions) throws IOException {
        long[] sizes = new long[dimensions];
        ByteBuffer buffer = ByteBuffer.wrap(header);
        for (int d = 0; d < dimensions; d++) {
            sizes[d] = Integer.toUnsignedLong(buffer.getInt(4 + 4 * d));
        }
        String declared = times(sizes);
        long length = 1;
        for (long size : sizes) {
            if (size == 0) {
                throw new IOException(file + " declares " + declared + " values; every dimension must be at least 1");
            }
            length *= size;
            if (length > DataSet.MAX_ARRAY_LENGTH) {
                throw new IOException(file + " declares " + declared + " values, more than one array holds ("
                        + DataSet.count(DataSet.MAX_ARRAY_LENGTH) + ")");
            }
        }
        return Arrays.stream(sizes).mapToInt(size -> (int) size).toArray();
    }

    /** The values the header declares, read in big blocks. */
    private static byte[] data(Path file, InputStream in, int[] sizes) throws IOException {
        int length = Arrays.stream(sizes).reduce(1, (a, b) -> a * b);
        byte[] data = new byte[Math.min(length, FIRST_ARRAY)];
        int filled = 0;
        while (true) {
            filled += in.readNBytes(data, filled, data.length - filled);
            if (filled == length) {
                return data;
            }
            if (filled < data.length) {
                throw new IOException(file + " is truncated: its header declares " + times(sizes) + " = "
                        + DataSet.count(length) + " bytes of data, but only " + DataSet.count(filled) + " follow");
            }
            data = Arrays.copyOf(data, (int) Math.min(length, 2L * data.length));
        }
    }

    /** The file's content: decompressed when it starts as gzip does (1f 8b), else as it is. */
    private static InputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a file" + (Files.exists(file) ? "" : " (it does not exist)"));
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE);
        try {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            return gzip ? new GZIPInputStream(in, BUFFER_SIZE) : in;
        } catch (IOException e) {
            in.close(); // GZIPInputStream reads the gzip header at once: a bad one leaves no stream to close later
            throw e;
        }
    }

    private static IOException damagedGzip(Object file, IOException e) {
        String reason = e.getMessage() == null ? "it ends too early" : e.getMessage();
        return new IOException(file + " is a damaged or truncated gzip file (" + reason + ")", e);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String times(long[] sizes) {
        return Arrays.stream(sizes).mapToObj(DataSet::count).collect(Collectors.joining(" × "));
    }

    private static String times(int[] sizes) {
        return times(Arrays.stream(sizes).asLongStream().toArray());
    }

    private static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }
}
