package org.backprop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a mode option, ./course hands over to Jupyter in notebooks/, with the kernel folder on JUPYTER_PATH. */
class ServeTest {
    /** Jupyter refuses to run as root unless told --allow-root, which ./course then adds. */
    private static final String ALLOW_ROOT = isRoot() ? ", \"--allow-root\"" : "";
    private static final Pattern URL = Pattern.compile("http://localhost:(\\d+)/(tree|lab)\\?token=([0-9a-f]{48})\n");

    @TempDir
    Path dir;
    Sandbox sandbox;

    @BeforeEach
    void sandbox() {
        sandbox = new Sandbox(dir).withJava().withIJavaZip();
    }

    @Test
    void startsTheNotebookServerInTheNotebooksFolderAndPrintsItsUrl() throws Exception {
        Sandbox.Result result = sandbox.withJupyter("notebook", "lab").run("--no-browser", "--port", "9123");

        assertEquals(0, result.exitCode(), result.toString());
        Matcher url = URL.matcher(result.stdout());
        assertTrue(url.find(), result.toString());
        assertEquals("9123", url.group(1));
        assertEquals("tree", url.group(2));
        String call = onlyJupyterCall();
        assertTrue(call.contains("\"argv\": [\"notebook\", \"--port=9123\", \"--port-retries=0\", \"--no-browser\"" + ALLOW_ROOT + "]"), call);
        assertTrue(call.contains("\"cwd\": \"" + sandbox.root.resolve("notebooks") + "\""), call);
        assertTrue(call.contains("\"JUPYTER_PATH\": \"" + sandbox.root.resolve(".course/jupyter") + "\""), call);
        assertTrue(call.contains("\"JUPYTER_TOKEN\": \"" + url.group(3) + "\""), "the printed token is Jupyter's: " + call);
    }

    @Test
    void keepsAJupyterPathAlreadySetAfterItsOwn() {
        sandbox.withJupyter("notebook").set("JUPYTER_PATH", "/opt/shared/jupyter").run("--no-browser");

        assertTrue(onlyJupyterCall().contains("\"JUPYTER_PATH\": \"" + sandbox.root.resolve(".course/jupyter") + ":/opt/shared/jupyter\""));
    }

    @Test
    void opensTheBrowserUnlessToldNotTo() {
        sandbox.withJupyter("notebook").run("--port", "9124");

        assertTrue(onlyJupyterCall().contains("\"argv\": [\"notebook\", \"--port=9124\", \"--port-retries=0\"" + ALLOW_ROOT + "]"),
                onlyJupyterCall());
    }

    @Test
    void picksAFreePortWhenNoneIsGiven() {
        Sandbox.Result result = sandbox.withJupyter("notebook").run("--no-browser");

        Matcher url = URL.matcher(result.stdout());
        assertTrue(url.find(), result.toString());
        int port = Integer.parseInt(url.group(1));
        assertTrue(port >= 8888 && port < 8988, "port " + port);
        assertTrue(onlyJupyterCall().contains("\"--port=" + port + "\""), onlyJupyterCall());
    }

    @Test
    void usesJupyterLabWhenItIsTheOnlyServer() {
        Sandbox.Result result = sandbox.withJupyter("lab").run("--no-browser", "--port", "9125");

        Matcher url = URL.matcher(result.stdout());
        assertTrue(url.find(), result.toString());
        assertEquals("lab", url.group(2));
        assertTrue(onlyJupyterCall().contains("\"argv\": [\"lab\", \"--port=9125\""), onlyJupyterCall());
    }

    @Test
    void prefersTheServerInstalledBesideJupyterToOneElsewhereOnThePath() {
        sandbox.withJupyter("lab").withOtherJupyterProgram("notebook").run("--no-browser", "--port", "9127");

        assertTrue(onlyJupyterCall().contains("\"argv\": [\"lab\", \"--port=9127\""), onlyJupyterCall());
    }

    private String onlyJupyterCall() {
        List<String> calls = sandbox.calls("jupyter");
        assertEquals(1, calls.size(), calls.toString());
        return calls.get(0);
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
