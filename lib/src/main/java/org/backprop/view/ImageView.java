package org.backprop.view;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * A picture drawn pixel by pixel (a grid of images, a heatmap): a PNG image in IJava, a short
 * description elsewhere.
 */
public class ImageView extends View {

    private final int width;
    private final int height;

    ImageView(BufferedImage image, String text) {
        super("image/png", Base64.getEncoder().encodeToString(pngBytes(image)), text);
        this.width = image.getWidth();
        this.height = image.getHeight();
    }

    static ImageView of(BufferedImage image, String text) {
        return IN_KERNEL ? Renderables.image(image, text) : new ImageView(image, text);
    }

    /** The image's width in pixels. */
    public int width() {
        return width;
    }

    /** The image's height in pixels. */
    public int height() {
        return height;
    }

    static byte[] pngBytes(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode an image as PNG", e);
        }
        return png.toByteArray();
    }
}
