package org.backprop.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One of the Python scripts (numpy_epoch.py, torch_epoch.py) running as a worker: it loads
 * Fashion-MNIST once, then trains one epoch per request, so that the harness can run the jar,
 * numpy and PyTorch in turn, each warm. Lines for the harness start with {@code @@} and hold
 * tab-separated {@code key=value} pairs (see common.py); anything else the script prints goes to
 * stderr.
 */
final class PythonWorker implements AutoCloseable {

    /** A worker that started, or why none did (the Python or its module is missing). */
    record Attempt(PythonWorker worker, String whyNot) {
    }

    private final String framework;
    private final String python;
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final PrintStream log;
    private Map<String, String> ready;

    private PythonWorker(String framework, String python, Process process, PrintStream log) {
        this.framework = framework;
        this.python = python;
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.log = log;
    }

    /**
     * Starts {@code script} with the first of {@code pythons} that has the framework, waiting until
     * it has loaded the data; {@code extra} are more arguments (--limit, --test-limit).
     */
    static Attempt start(String framework, List<String> pythons, Path script, Path data, List<String> extra,
                         PrintStream log) {
        List<String> reasons = new ArrayList<>();
        for (String python : pythons) {
            List<String> command = new ArrayList<>(List.of(python, "-u", script.toString(), "--serve",
                    "--data", data.toString()));
            command.addAll(extra);
            Process process;
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
                builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
                process = builder.start();
            } catch (IOException e) {
                reasons.add(python + ": cannot run (" + e.getMessage() + ")");
                continue;
            }
            PythonWorker worker = new PythonWorker(framework, python, process, log);
            try {
                Map<String, String> answer = worker.read();
                if (answer.get("@@").equals("ready")) {
                    worker.ready = answer;
                    return new Attempt(worker, null);
                }
                reasons.add(python + ": " + answer.getOrDefault("reason", answer.toString()));
            } catch (IOException e) {
                reasons.add(python + ": " + e.getMessage());
            }
            worker.close();
        }
        return new Attempt(null, framework + " not run: " + String.join("; ", reasons));
    }

    String framework() {
        return framework;
    }

    String python() {
        return python;
    }

    /** What the worker said when it was ready: load_seconds, version, blas, blas_threads, ... */
    Map<String, String> info() {
        return ready;
    }

    /** Trains one epoch of a fresh network: seconds, accuracy, error (mean E during the epoch), peak_rss_mb. */
    Map<String, String> epoch(int batchSize, long seed, double learningRate, Setup.Init init) throws IOException {
        in.write("epoch " + batchSize + " " + seed + " " + learningRate + " " + init.word() + "\n");
        in.flush();
        Map<String, String> answer = read();
        if (!answer.get("@@").equals("epoch")) {
            throw new IOException(framework + " worker answered " + answer);
        }
        return answer;
    }

    /** The next line for the harness, as key=value pairs with the kind under "@@". */
    private Map<String, String> read() throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (!line.startsWith("@@")) {
                log.println(framework + ": " + line);
                continue;
            }
            String[] fields = line.split("\t");
            Map<String, String> values = new LinkedHashMap<>();
            values.put("@@", fields[0].substring(2));
            for (int i = 1; i < fields.length; i++) {
                int equals = fields[i].indexOf('=');
                if (equals > 0) {
                    values.put(fields[i].substring(0, equals), fields[i].substring(equals + 1));
                }
            }
            return values;
        }
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        throw new IOException("the " + framework + " script ended with status " + status + " (its stderr is above)");
    }

    @Override
    public void close() {
        try {
            in.write("quit\n");
            in.flush();
            in.close();
        } catch (IOException e) {
            // it has ended already
        }
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }
}
