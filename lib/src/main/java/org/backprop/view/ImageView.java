package org.backprop.view;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A picture drawn pixel by pixel (a grid of images, a heatmap): a PNG image in IJava, a short
 * description elsewhere. It is drawn when first needed, and encoded only if shown.
 */
public class ImageView extends View {

    private final Picture picture;

    ImageView(BufferedImage image, String text) {
        this(() -> image, text);
    }

    /** A picture that {@code draw} draws when its size, its pixels or its PNG are first asked for. */
    ImageView(Supplier<BufferedImage> draw, String text) {
        this(new Picture(draw), text);
    }

    private ImageView(Picture picture, String text) {
        super("image/png", () -> png(picture.image()), text);
        this.picture = picture;
    }

    static ImageView of(BufferedImage image, String text) {
        return IN_KERNEL ? Renderables.image(image, text) : new ImageView(image, text);
    }

    /** The image's width in pixels. */
    public int width() {
        return picture.image().getWidth();
    }

    /** The image's height in pixels. */
    public int height() {
        return picture.image().getHeight();
    }

    /** The pixels, drawn once; for pictures made of pictures (callers must not draw on it). */
    BufferedImage image() {
        return picture.image();
    }

    /**
     * The image as a PNG, base64-encoded as Jupyter stores it. ImageIO.write would buffer the bytes
     * in a temporary file first (its default cache); in memory is faster, and the bytes are the same.
     */
    static String png(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode an image as PNG", e);
        } finally {
            writer.dispose();
        }
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }

    /** The image, drawn on first use. */
    private static final class Picture {
        private Supplier<BufferedImage> draw;
        private BufferedImage image;

        Picture(Supplier<BufferedImage> draw) {
            this.draw = draw;
        }

        synchronized BufferedImage image() {
            if (draw != null) {
                image = draw.get();
                draw = null;
            }
            return image;
        }
    }
}
