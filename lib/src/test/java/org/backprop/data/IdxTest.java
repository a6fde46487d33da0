package org.backprop.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** IDX files, raw and gzip-compressed, and every way one can be wrong. */
class IdxTest {

    @TempDir
    Path dir;

    /** An IDX file's content: 00 00, the type, the dimensions, the values. */
    static byte[] idx(int type, int[] dimensions, byte[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + values.length);
        buffer.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dimensions.length);
        for (int d : dimensions) {
            buffer.putInt(d);
        }
        return buffer.put(values).array();
    }

    static byte[] images(int count, int rows, int columns) {
        byte[] pixels = new byte[count * rows * columns];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        return idx(8, new int[] {count, rows, columns}, pixels);
    }

    static byte[] labels(int... labels) {
        byte[] values = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = (byte) labels[i];
        }
        return idx(8, new int[] {labels.length}, values);
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static void assertFails(String message, Executable read) {
        assertEquals(message, assertThrows(IOException.class, read).getMessage());
    }

    @Test
    void readsRawAndGzipFilesByTheirFirstBytesNotTheirNames() throws Exception {
        byte[] content = images(3, 2, 4);
        for (Path file : List.of(file("raw.gz", content), file("compressed.idx", gzip(content)))) {
            Idx images = Idx.images(file);
            assertArrayEquals(new int[] {3, 2, 4}, images.dimensions());
            assertEquals(3, images.count());
            assertArrayEquals(Arrays.copyOfRange(content, 16, content.length), images.data());
            assertEquals(sha256(content), images.sha256());
            assertEquals(sha256(content), Idx.sha256(file, file));
            assertEquals(file, images.file());
        }
        Idx labels = Idx.labels(file("labels", gzip(labels(0, 9, 255))));
        assertArrayEquals(new int[] {3}, labels.dimensions());
        assertArrayEquals(new byte[] {0, 9, (byte) 255}, labels.data());
    }

    @Test
    void imagesWithLabelsMakeADataSetOfClasses() throws Exception {
        Idx images = Idx.images(file("images", images(3, 2, 2)));
        Idx labels = Idx.labels(file("labels", labels(1, 0, 1)));
        DataSet data = Idx.labelledImages("pairs", images, labels, List.of("left", "right"));
        assertEquals("DataSet[pairs, 3 samples]", data.toString());
        assertEquals(List.of("left", "right"), data.classNames());
        assertArrayEquals(new double[] {28 / 255.0, 35 / 255.0, 42 / 255.0, 49 / 255.0}, data.get(1).input());
        assertArrayEquals(new double[] {0, 1}, data.get(2).target());
    }

    @Test
    void imagesKeepTheirRowsAndColumns() throws Exception {
        Idx images = Idx.images(file("wide", images(2, 2, 3)));
        DataSet data = Idx.labelledImages("wide", images, Idx.labels(file("labels", labels(0, 1))), List.of("a", "b"));
        assertEquals(3, data.imageWidth(), "columns");
        assertEquals(2, data.imageHeight(), "rows");
        assertArrayEquals(new double[] {42 / 255.0, 49 / 255.0, 56 / 255.0, 63 / 255.0, 70 / 255.0, 77 / 255.0},
                data.pixels(1));
    }

    @Test
    void countsAndLabelsMustFitTheImages() throws Exception {
        Idx images = Idx.images(file("images", images(3, 2, 2)));
        Path two = file("two-labels", labels(0, 1));
        assertFails(two + " holds 2 labels, but " + dir.resolve("images") + " holds 3 images: they must be as many",
                () -> Idx.labelledImages("x", images, Idx.labels(two), List.of("a", "b")));
        Path bad = file("bad-labels", labels(0, 1, 2));
        assertFails(bad + " has label 2 at index 2, but there are 2 classes (labels 0 to 1)",
                () -> Idx.labelledImages("x", images, Idx.labels(bad), List.of("a", "b")));
        Path high = file("high-labels", labels(255, 0, 0));
        assertFails(high + " has label 255 at index 0, but there are 10 classes (labels 0 to 9)",
                () -> Idx.labelledImages("x", images, Idx.labels(high), FashionMnist.classNames()));
    }

    @Test
    void aMissingFileOrAFolder() {
        Path missing = dir.resolve("missing.gz");
        assertFails(missing + " is not a file (it does not exist)", () -> Idx.images(missing));
        assertFails(missing + " is not a file (it does not exist)", () -> Idx.sha256(missing, "anything"));
        assertFails(dir + " is not a file", () -> Idx.labels(dir));
    }

    @Test
    void aHeaderCutShort() throws Exception {
        for (boolean compressed : new boolean[] {false, true}) {
            for (int length : new int[] {0, 2, 15}) {
                byte[] content = Arrays.copyOf(images(1, 1, 1), length);
                Path file = file("short-" + length + "-" + compressed, compressed ? gzip(content) : content);
                assertFails(file + " is truncated: its content ends after " + length
                        + " bytes, inside the IDX header (16 bytes for 3 dimensions)", () -> Idx.images(file));
            }
        }
        Path one = file("one-byte", new byte[] {0x1f});
        assertFails(one + " is truncated: its content ends after 1 byte, inside the IDX header (8 bytes for 1 dimension)",
                () -> Idx.labels(one));
        Path labels = file("short-labels", new byte[] {0, 0, 8, 1, 0});
        assertFails(labels + " is truncated: its content ends after 5 bytes, inside the IDX header "
                + "(8 bytes for 1 dimension)", () -> Idx.labels(labels));
    }

    @Test
    void notAnIdxFile() throws Exception {
        Path zip = file("images.gz", new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0});
        assertFails(zip + " is not an IDX file: its content starts with 50 4b 03 04, but an IDX file starts with 00 00, "
                + "its type and its number of dimensions", () -> Idx.labels(zip));
        Path floats = file("floats", gzip(idx(0x0D, new int[] {1}, new byte[4])));
        assertFails(floats + " holds IDX type 0d, but only type 08 (unsigned bytes) can be read", () -> Idx.labels(floats));
    }

    @Test
    void theWrongNumberOfDimensions() throws Exception {
        Path labels = file("labels", labels(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16));
        assertFails(labels + " has 1 dimension, but images need 3 (count × rows × columns)", () -> Idx.images(labels));
        Path images = file("images", images(2, 2, 2));
        assertFails(images + " has 3 dimensions, but labels need 1 (count)", () -> Idx.labels(images));
        Path many = file("many", idx(8, new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, new byte[1]));
        byte[] content = Files.readAllBytes(many);
        content[3] = (byte) 200;
        Files.write(many, content);
        assertFails(many + " has 200 dimensions, but labels need 1 (count)", () -> Idx.labels(many));
    }

    @Test
    void dimensionsOfZeroOrTooManyValues() throws Exception {
        Path empty = file("empty", idx(8, new int[] {0, 28, 28}, new byte[0]));
        assertFails(empty + " declares 0 × 28 × 28 values; every dimension must be at least 1", () -> Idx.images(empty));
        Path huge = file("huge", idx(8, new int[] {-1, 28, 28}, new byte[0]));
        assertFails(huge + " declares 4,294,967,295 × 28 × 28 values, more than one array holds (2,147,483,639)",
                () -> Idx.images(huge));
        Path large = file("large", idx(8, new int[] {3_000_000, 28, 28}, new byte[0]));
        assertFails(large + " declares 3,000,000 × 28 × 28 values, more than one array holds (2,147,483,639)",
                () -> Idx.images(large));
    }

    @Test
    void dataCutShort() throws Exception {
        byte[] content = images(3, 2, 2);
        for (boolean compressed : new boolean[] {false, true}) {
            byte[] cut = Arrays.copyOf(content, content.length - 5);
            Path file = file("cut-" + compressed, compressed ? gzip(cut) : cut);
            assertFails(file + " is truncated: its header declares 3 × 2 × 2 = 12 bytes of data, but only 7 follow",
                    () -> Idx.images(file));
        }
        Path big = file("big", idx(8, new int[] {100_000, 28, 28}, new byte[1000]));
        assertFails(big + " is truncated: its header declares 100,000 × 28 × 28 = 78,400,000 bytes of data, "
                + "but only 1,000 follow", () -> Idx.images(big));
    }

    @Test
    void moreDataThanTheFirstArrayHolds() throws Exception {
        byte[] values = new byte[70_000_000];
        values[values.length - 1] = 42;
        Path file = file("long", idx(8, new int[] {values.length}, values));
        Idx labels = Idx.labels(file);
        assertEquals(70_000_000, labels.data().length);
        assertEquals(42, labels.data()[69_999_999]);
        assertEquals(sha256(Files.readAllBytes(file)), labels.sha256());
    }

    @Test
    void bytesAfterTheData() throws Exception {
        byte[] content = labels(1, 2, 3);
        for (boolean compressed : new boolean[] {false, true}) {
            byte[] longer = Arrays.copyOf(content, content.length + 2);
            Path file = file("longer-" + compressed, compressed ? gzip(longer) : longer);
            assertFails(file + " has 2 bytes after the 3 bytes of data its header declares (3)", () -> Idx.labels(file));
        }
        Path one = file("one-more", Arrays.copyOf(images(1, 2, 2), 21));
        assertFails(one + " has 1 byte after the 4 bytes of data its header declares (1 × 2 × 2)", () -> Idx.images(one));
    }

    @Test
    void aDamagedOrTruncatedGzipFile() throws Exception {
        byte[] compressed = gzip(images(50, 4, 4));
        Path cut = file("cut.gz", Arrays.copyOf(compressed, compressed.length / 2));
        assertFails(cut + " is a damaged or truncated gzip file (Unexpected end of ZLIB input stream)", () -> Idx.images(cut));
        assertFails("http://example.org/cut.gz is a damaged or truncated gzip file (Unexpected end of ZLIB input stream)",
                () -> Idx.sha256(cut, "http://example.org/cut.gz"));

        byte[] wrongCrc = compressed.clone();
        wrongCrc[wrongCrc.length - 8] ^= 1;
        Path crc = file("crc.gz", wrongCrc);
        assertFails(crc + " is a damaged or truncated gzip file (Corrupt GZIP trailer)", () -> Idx.images(crc));

        Path method = file("method.gz", new byte[] {0x1f, (byte) 0x8b, 7, 0, 0, 0, 0, 0, 0, 0});
        assertFails(method + " is a damaged or truncated gzip file (Unsupported compression method)", () -> Idx.labels(method));
    }
}
