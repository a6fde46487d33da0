package org.backprop.notebooks.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

/**
 * Entry point of the kernel JVM. The test side starts it the way Jupyter starts IJava 1.3.0: one argument,
 * the connection file, and the notebook's folder as working directory. The five Jupyter sockets are bound by
 * jupyter-jvm-basekernel's own {@link JupyterConnection}, so requests and replies take the code path they
 * take under Jupyter; the requests themselves are handled by {@link StandInKernel}.
 */
public final class KernelMain {
    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        Path connectionFile = args.length == 0 ? null : Path.of(args[0]);
        if (connectionFile == null || !Files.isRegularFile(connectionFile))
            throw new IllegalArgumentException("expected the path of a Jupyter connection file, got "
                    + (connectionFile == null ? "no argument" : "'" + connectionFile + "'"));

        // basekernel logs every socket event at INFO; the kernel log should only show what went wrong.
        JupyterSocket.JUPYTER_LOGGER.setLevel(Level.WARNING);

        String json = Files.readString(connectionFile);
        StandInKernel.serve(new JupyterConnection(KernelConnectionProperties.parse(json)));

        // Threads started by notebook code (or idle snippet workers) must not keep the process alive.
        System.exit(0);
    }
}
