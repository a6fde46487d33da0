package org.backprop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --site renders the committed notebooks (with their outputs) to pages that link to each other, plus an index. */
class SiteTest {
    @TempDir
    Path dir;

    @Test
    void rendersEveryNotebookAndAnIndexWithoutAKernel() throws Exception {
        Sandbox sandbox = new Sandbox(dir).withJupyter("notebook", "nbconvert");
        Path site = dir.resolve("site");

        Sandbox.Result result = sandbox.run("--site", site.toString());

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("Jupyter: " + dir.resolve("jupyter-bin/jupyter") + " (from the PATH)\n"
                + "Site: 2 notebooks rendered; open " + site.resolve("index.html") + "\n", result.stdout());
        assertTrue(sandbox.calls("mvnw").isEmpty(), "no jar, no JDK needed to render");
        String call = sandbox.calls("jupyter").get(0);
        assertTrue(call.contains("\"argv\": [\"nbconvert\", \"--to\", \"html\", "
                + "\"--HTMLExporter.mathjax_url=https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/MathJax.js?config=TeX-AMS_CHTML-full,Safe\", "
                + "\"--output-dir\", \"" + site + "\", \"" + sandbox.root.resolve("notebooks/00-first.ipynb") + "\", "), call);
        String index = Files.readString(site.resolve("index.html"));
        assertTrue(index.contains("""
                    <li><a href="00-first.html">00 — First steps</a></li>
                    <li><a href="01-second.html">01 — Second steps</a></li>
                """), index);
        String page = Files.readString(site.resolve("00-first.html"));
        assertTrue(page.contains("rendered from " + sandbox.root.resolve("notebooks/00-first.ipynb")), page);
        assertTrue(page.contains("<a href=\"01-second.html\">next</a> <a href=\"01-second.html#part-2\">part 2</a> "
                + "<a href=\"https://example.org/elsewhere.ipynb\">elsewhere</a>"), page);
    }

    @Test
    void defaultsToCourseSite() {
        Sandbox sandbox = new Sandbox(dir).withJupyter("notebook", "nbconvert");

        Sandbox.Result result = sandbox.run("--site");

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(Files.isRegularFile(sandbox.root.resolve(".course/site/index.html")));
    }
}
