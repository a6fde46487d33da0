package org.backprop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --site renders the committed notebooks (with their outputs) to pages that link to each other, plus an
 * index: SVG diagrams as images every nbconvert keeps, math by a MathJax copied into the site or from its
 * CDN, and nothing loaded from file:// paths.
 */
class SiteTest {
    private static final String CDN = "https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/MathJax.js?config=TeX-AMS_CHTML-full,Safe";
    /** Okabe–Ito vermillion, filling the whole of the test diagram. */
    private static final String DIAGRAM = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"150\">"
            + "<rect width=\"300\" height=\"150\" fill=\"#D55E00\"/></svg>";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void rendersEveryNotebookAndAnIndexWithoutAKernel() throws Exception {
        Sandbox sandbox = new Sandbox(dir).withJupyter("notebook", "nbconvert").set("BACKPROP_MATHJAX", "cdn");
        Path site = dir.resolve("site");

        Sandbox.Result result = sandbox.run("--site", site.toString());

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("Jupyter: " + dir.resolve("jupyter-bin/jupyter") + " (from the PATH)\n"
                + "Site: 2 notebooks rendered; open " + site.resolve("index.html") + "\n", result.stdout());
        assertTrue(sandbox.calls("mvnw").isEmpty(), "no jar, no JDK needed to render");
        String call = sandbox.calls("jupyter").get(0);
        assertTrue(call.contains("\"argv\": [\"nbconvert\", \"--to\", \"html\", \"--HTMLExporter.mathjax_url=" + CDN + "\", "
                + "\"--HTMLExporter.require_js_url=https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js\", "
                + "\"--HTMLExporter.jquery_url=https://cdnjs.cloudflare.com/ajax/libs/jquery/2.0.3/jquery.min.js\", "
                + "\"--output-dir\", \"" + site + "\", \""), call);
        assertTrue(call.contains("/00-first.ipynb\", \""), call);
        String index = Files.readString(site.resolve("index.html"));
        assertTrue(index.contains("""
                    <li><a href="00-first.html">00 — First steps</a></li>
                    <li><a href="01-second.html">01 — Second steps</a></li>
                """), index);
        String page = Files.readString(site.resolve("00-first.html"));
        assertTrue(page.contains("<script src=\"" + CDN + "\">"), page);
        assertTrue(page.contains("rendered from 00-first.ipynb</p>"), page);
        assertTrue(page.contains("<a href=\"01-second.html\">next</a> <a href=\"01-second.html#part-2\">part 2</a> "
                + "<a href=\"https://example.org/elsewhere.ipynb\">elsewhere</a>"), page);
        assertFalse(Files.exists(site.resolve("mathjax")));
    }

    @Test
    void givesSvgOutputsToNbconvertAsImagesWithTheirTextAsAlt() throws Exception {
        Sandbox sandbox = new Sandbox(dir).withJupyter("notebook", "nbconvert").set("BACKPROP_MATHJAX", "cdn");
        Path notebook = sandbox.root.resolve("notebooks/00-first.ipynb");
        Sandbox.write(notebook, withDiagram(Files.readString(notebook), "a <diagram> of \\\"w1\\\""));
        Path site = dir.resolve("site");

        Sandbox.Result result = sandbox.run("--site", site.toString());

        assertEquals(0, result.exitCode(), result.toString());
        String encoded = Base64.getEncoder().encodeToString(DIAGRAM.getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.readString(site.resolve("00-first.html")).contains(
                "<img src=\"data:image/svg+xml;base64," + encoded + "\" alt=\"a &lt;diagram&gt; of &quot;w1&quot;\">"));
        assertTrue(Files.readString(notebook).contains("image/svg+xml"), "the notebook itself is left as it was");
    }

    @Test
    void copiesWhatMathJaxNeedsFromALocalMathJaxIntoTheSite() throws Exception {
        Path mathjax = dir.resolve("mathjax");
        for (String file : List.of("MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/TeX-AMS_SVG.js",
                "extensions/Safe.js", "jax/output/CommonHTML/jax.js", "jax/output/SVG/jax.js", "unpacked/MathJax.js")) {
            Sandbox.write(mathjax.resolve(file), "// " + file + "\n");
        }
        Sandbox sandbox = new Sandbox(dir).withJupyter("notebook", "nbconvert").set("BACKPROP_MATHJAX", mathjax.toString());
        Path site = dir.resolve("site");

        Sandbox.Result result = sandbox.run("--site", site.toString());

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(Files.readString(site.resolve("00-first.html"))
                .contains("<script src=\"mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe\">"));
        for (String copied : List.of("MathJax.js", "config/TeX-AMS_CHTML-full.js", "extensions/Safe.js", "jax/output/CommonHTML/jax.js")) {
            assertTrue(Files.isRegularFile(site.resolve("mathjax").resolve(copied)), copied);
        }
        for (String left : List.of("config/TeX-AMS_SVG.js", "jax/output/SVG/jax.js", "unpacked/MathJax.js")) {
            assertFalse(Files.exists(site.resolve("mathjax").resolve(left)), left);
        }
    }

    @Test
    void refusesAMathJaxFolderThatIsNone() {
        Sandbox sandbox = new Sandbox(dir).withJupyter("notebook", "nbconvert").set("BACKPROP_MATHJAX", dir.resolve("nowhere").toString());

        Sandbox.Result result = sandbox.run("--site", dir.resolve("site").toString());

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("course: error: BACKPROP_MATHJAX is '" + dir.resolve("nowhere") + "', but that is not a MathJax 2 "
                + "folder (one with MathJax.js and config/TeX-AMS_CHTML-full.js). Name one, or say BACKPROP_MATHJAX=cdn.\n",
                result.stderr());
    }

    @Test
    void defaultsToCourseSite() {
        Sandbox sandbox = new Sandbox(dir).withJupyter("notebook", "nbconvert");

        Sandbox.Result result = sandbox.run("--site");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(Files.isRegularFile(sandbox.root.resolve(".course/site/index.html")));
    }

    /**
     * Debian's nbconvert 6.5 (which deletes inline SVG) and MathJax (libjs-mathjax), checked in a real
     * headless Chromium: the diagram's pixels are on the screenshot, and MathJax typeset the formula.
     */
    @Test
    void showsDiagramsAndTypesetMathInARealBrowser() throws Exception {
        Sandbox sandbox = new Sandbox(dir).withDebianJupyter();
        assumeTrue(sandbox != null, "Debian's jupyter-nbconvert is not installed");
        assumeTrue(Files.isRegularFile(Path.of("/usr/share/javascript/mathjax/MathJax.js")), "libjs-mathjax is not installed");
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        Path notebook = sandbox.root.resolve("notebooks/00-first.ipynb");
        Sandbox.write(notebook, withDiagram(Files.readString(notebook).replace("Text.", "$$E = \\\\tfrac{1}{2}(t - o)^2$$"), "a diagram"));
        Path site = dir.resolve("site");

        Sandbox.Result result = sandbox.run("--site", site.toString());

        assertEquals(0, result.exitCode(), result.toString());
        Path page = site.resolve("00-first.html");
        assertFalse(Files.readString(page).contains("file://"), "nothing a web server cannot serve");
        Path screenshot = dir.resolve("page.png");
        chromium("--screenshot=" + screenshot, "--window-size=1000,900", page.toUri().toString());
        assertTrue(vermillionPixels(ImageIO.read(screenshot.toFile())) >= 300 * 150 * 9 / 10,
                "the diagram is drawn (" + screenshot + ")");
        String dom = chromium("--dump-dom", page.toUri().toString());
        assertTrue(dom.contains("class=\"mjx-chtml MJXc-display\""), "MathJax typeset the formula:\n" + dom);
    }

    private static String withDiagram(String notebook, String text) {
        String escaped = DIAGRAM.replace("\"", "\\\"");
        return notebook.replace("\"outputs\": []", "\"outputs\": [{\"output_type\": \"display_data\", \"metadata\": {}, "
                + "\"data\": {\"image/svg+xml\": [\"" + escaped + "\"], \"text/plain\": [\"" + text + "\"]}}]");
    }

    private String chromium(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--hide-scrollbars", "--virtual-time-budget=10000", "--user-data-dir=" + dir.resolve("chromium")));
        command.addAll(List.of(args));
        Path out = dir.resolve("chromium.out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "chromium timed out");
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("chromium.err")));
        return Files.readString(out);
    }

    private static int vermillionPixels(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0xD55E00) {
                    count++;
                }
            }
        }
        return count;
    }
}
