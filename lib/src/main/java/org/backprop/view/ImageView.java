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

    private final Once<BufferedImage> image;

    ImageView(BufferedImage image, String text) {
        this(() -> image, text);
    }

    /** A picture that {@code draw} draws when its size, its pixels or its PNG are first asked for. */
    ImageView(Supplier<BufferedImage> draw, String text) {
        this(new Once<>(draw), text);
    }

    private ImageView(Once<BufferedImage> image, String text) {
        super("image/png", () -> png(image.get()), text);
        this.image = image;
    }

    static ImageView of(BufferedImage image, String text) {
        return IN_KERNEL ? Renderables.image(image, text) : new ImageView(image, text);
    }

    /** The image's width in pixels. */
    public int width() {
        return image.get().getWidth();
    }

    /** The image's height in pixels. */
    public int height() {
        return image.get().getHeight();
    }

    /** The pixels, drawn once; for pictures made of pictures (callers must not draw on it). */
    BufferedImage image() {
        return image.get();
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
}
