package org.backprop.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import org.backprop.data.Playground;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Grids of images: sizes, colours, text forms and the messages for bad input. */
class ImagesTest {

    static BufferedImage png(View view) throws Exception {
        byte[] png = Base64.getDecoder().decode(view.toMimeBundle().get("image/png"));
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** Encoded in memory, a PNG has the very bytes ImageIO.write gives (which goes through a temporary file). */
    @Test
    void pngsAreWhatImageIoWrites() throws Exception {
        BufferedImage image = png(Plane.points(Playground.circle(40, 0.1, 1)));
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ImageIO.write(image, "png", written);
        assertEquals(Base64.getEncoder().encodeToString(written.toByteArray()), ImageView.png(image));
    }

    private static void assertRejected(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    private static List<double[]> images(int n, int size, double value) {
        List<double[]> images = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] image = new double[size];
            Arrays.fill(image, value);
            images.add(image);
        }
        return images;
    }

    private static List<String> captions(int n) {
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            captions.add("image " + i);
        }
        return captions;
    }

    @Test
    void gridFillsTheWidthRowByRowWithMagnifiedImages() throws Exception {
        List<double[]> images = images(12, 28 * 28, 1);
        images.get(0)[0] = 0;
        ImageView grid = Images.grid(images, 28, 28, captions(12), 10);

        BufferedImage image = png(grid);
        assertEquals(720, image.getWidth());
        assertEquals(720, grid.width());
        assertEquals(image.getHeight(), grid.height());
        // 72-pixel cells: each image doubled to 56 pixels, centred, 4 pixels below the top.
        int left = (72 - 56) / 2;
        assertEquals(0x000000, image.getRGB(left, 4) & 0xffffff, "pixel 0 is black");
        assertEquals(0x000000, image.getRGB(left + 1, 5) & 0xffffff, "two by two screen pixels");
        assertEquals(0xffffff, image.getRGB(left + 2, 4) & 0xffffff, "pixel 1 is white");
        assertEquals(List.of("image/png", "text/plain"), List.copyOf(grid.toMimeBundle().keySet()));
        assertEquals("""
                12 images of 28 × 28 pixels (0 black … 1 white), 10 per row
                  image 0 | image 1 | image 2 | image 3 | image 4 | image 5 | image 6 | image 7 | image 8 | image 9
                  image 10 | image 11""", grid.toText());
    }

    @Test
    void longCaptionsWrapAndMakeTheRowsTaller() throws Exception {
        int oneLine = Images.grid(images(2, 4, 0.5), 2, 2, List.of("a", "b"), 2).height();
        int twoLines = Images.grid(images(2, 4, 0.5), 2, 2,
                List.of("a", "Shirt → T-shirt/top (0.98) Shirt → T-shirt/top (0.98) Shirt → T-shirt/top"), 6)
                .height();
        assertEquals(true, twoLines > oneLine, oneLine + " then " + twoLines);
    }

    @Test
    void weightsShareOneDivergingScale() throws Exception {
        List<double[]> weights = images(2, 4, 0);
        weights.get(0)[0] = -2;
        weights.get(1)[0] = 1;
        ImageView view = Images.weights(weights, 2, 2, List.of("h1", "h2"), 2);

        BufferedImage image = png(view);
        int zoom = 4;
        int left = (360 - 2 * zoom) / 2;
        assertEquals(Drawing.BLUE.getRGB(), image.getRGB(left, 4), "−max is full blue");
        assertEquals(0xffffff, image.getRGB(left + zoom, 4) & 0xffffff, "0 is white");
        int halfRed = Drawing.ColourMap.DIVERGING.at(0.75).getRGB();
        assertEquals(halfRed, image.getRGB(360 + left, 4), "+1 on the scale ±2 is half way to vermillion");
        assertEquals("""
                2 images of 2 × 2 values, blue < 0 < vermillion, one scale ±2, 2 per row
                  h1 | h2""", view.toText());
        assertEquals("1 images of 1 × 1 values, blue < 0 < vermillion, one scale ±1, 1 per row\n  zero",
                Images.weights(images(1, 1, 0), 1, 1, List.of("zero"), 1).toText(), "all 0: scale 1");
    }

    @Test
    void badGridsAreRejected() {
        List<double[]> two = images(2, 4, 0.5);
        List<String> captions = List.of("a", "b");
        assertRejected("pixels must hold at least 1 image, but was null",
                () -> Images.grid(null, 2, 2, captions, 2));
        assertRejected("pixels must hold at least 1 image, but was empty",
                () -> Images.grid(List.of(), 2, 2, List.of(), 2));
        assertRejected("values must hold at least 1 image, but was empty",
                () -> Images.weights(List.of(), 2, 2, List.of(), 2));
        assertRejected("pixels must hold at most 1,000 images, but held 1,001",
                () -> Images.grid(images(1001, 1, 0), 1, 1, captions(1001), 10));
        assertRejected("width and height must be at least 1 pixel, but were 0 and 2",
                () -> Images.grid(two, 0, 2, captions, 2));
        assertRejected("width and height must be at least 1 pixel, but were 2 and -1",
                () -> Images.grid(two, 2, -1, captions, 2));
        assertRejected("columns must be between 1 and 720 / (28 + 8) = 20 (images 28 pixels wide in a picture "
                + "720 pixels wide), but was 21", () -> Images.grid(images(2, 784, 0), 28, 28, captions, 21));
        assertRejected("columns must be between 1 and 720 / (2 + 8) = 72 (images 2 pixels wide in a picture "
                + "720 pixels wide), but was 0", () -> Images.grid(two, 2, 2, captions, 0));
        assertRejected("columns must be between 1 and 720 / (1000 + 8) = 0 (images 1000 pixels wide in a picture "
                + "720 pixels wide), but was 1", () -> Images.grid(images(1, 1000, 0), 1000, 1, List.of("a"), 1));
        assertRejected("captions must hold 1 caption per image (2), but was null",
                () -> Images.grid(two, 2, 2, null, 2));
        assertRejected("captions must hold 1 caption per image (2), but held 1",
                () -> Images.grid(two, 2, 2, List.of("a"), 2));
        assertRejected("captions[1] must not be null",
                () -> Images.grid(two, 2, 2, Arrays.asList("a", null), 2));
        assertRejected("pixels[1] must hold width × height = 4 values, but was null",
                () -> Images.grid(Arrays.asList(new double[4], null), 2, 2, captions, 2));
        assertRejected("pixels[0] must hold width × height = 4 values, but held 3",
                () -> Images.grid(List.of(new double[3], new double[4]), 2, 2, captions, 2));
        assertRejected("pixels[1][2] must be between 0 (black) and 1 (white), but was NaN",
                () -> Images.grid(List.of(new double[4], new double[] {0, 0, Double.NaN, 0}), 2, 2, captions, 2));
        assertRejected("pixels[0][0] must be between 0 (black) and 1 (white), but was 255.0",
                () -> Images.grid(List.of(new double[] {255, 0, 0, 0}), 2, 2, List.of("a"), 2));
        assertRejected("pixels[0][3] must be between 0 (black) and 1 (white), but was -0.1",
                () -> Images.grid(List.of(new double[] {0, 0, 0, -0.1}), 2, 2, List.of("a"), 2));
        assertRejected("values[0][1] must be a finite number, but was Infinity",
                () -> Images.weights(List.of(new double[] {0, Double.POSITIVE_INFINITY}), 2, 1, List.of("a"), 1));
        assertRejected("values[0][0] must be a finite number, but was -Infinity",
                () -> Images.weights(List.of(new double[] {Double.NEGATIVE_INFINITY}), 1, 1, List.of("a"), 1));
        assertEquals(2, Images.grid(Collections.nCopies(2, new double[4]), 2, 2, List.of("same", "same"), 2)
                .toText().lines().count(), "the same image twice, with the same caption, is fine");
    }
}
