package org.backprop.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.backprop.nn.Activation;
import org.backprop.nn.Layer;
import org.backprop.nn.Loss;
import org.backprop.nn.Network;
import org.junit.jupiter.api.Test;

/**
 * That the harness behind benchmarks/epoch works, on a thousand images: not how fast anything
 * is (benchmarks are never pass/fail in the build). Skipped where Fashion-MNIST is not installed;
 * numpy and PyTorch take part where /usr/bin/python3 or python3 has them, else the report must say
 * why not.
 */
class EpochsSmokeTest {

    @Test
    void aSmokeRunMeasuresEveryImplementationAndPrintsTheReport() {
        Path data;
        try {
            data = Epochs.dataFolder(null);
        } catch (IllegalStateException e) {
            assumeTrue(false, e.getMessage());
            return;
        }
        Epochs.Options options = Epochs.Options.parse("--data", data.toString(), "--limit", "1000", "--test-limit",
                "200", "--reps", "1", "--warmup", "0", "--loads", "1", "--mazur-runs", "1", "--pause", "0", "--python-dir",
                System.getProperty("benchmarks.python.dir"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Epochs.Result result = Epochs.run(options, new PrintStream(log, true, StandardCharsets.UTF_8));

        for (int m : List.of(10, 100)) {
            List<Epochs.Run> jar = result.of(Epochs.JAR, m);
            assertEquals(1, jar.size(), "one epoch of the jar at m = " + m);
            assertTrue(jar.get(0).seconds() > 0);
            assertTrue(learnt(jar.get(0)), "the jar learnt something from 1,000 images: " + jar.get(0));
            assertTrue(jar.get(0).heap().peakUsed() >= jar.get(0).heap().startUsed());
            assertTrue(jar.get(0).heap().startUsed() > 40_000_000, "the data sets are in the heap: " + jar.get(0));
        }
        for (String framework : List.of(Epochs.NUMPY, Epochs.TORCH)) {
            if (result.ran(framework)) {
                for (int m : List.of(10, 100)) {
                    Epochs.Run run = result.of(framework, m).get(0);
                    assertTrue(run.seconds() > 0 && learnt(run), framework + ": " + run);
                }
            } else {
                assertTrue(result.notes().stream().anyMatch(note -> note.startsWith(framework + " not run")),
                        "a note says why " + framework + " did not run: " + result.notes());
            }
        }
        String report = Report.markdown(result);
        assertTrue(report.contains("| 10 | "), report);
        assertTrue(report.contains("| 100 | "), report);
        assertTrue(report.contains("### Targets"), report);
        assertTrue(report.contains("A smoke run on part of the data"), report);
        assertTrue(report.contains("- machine: "), report);
        assertTrue(report.contains("Mazur"), report);
    }

    @Test
    void theNetworkStartsAsNielsenSays() {
        Network network = Setup.network(Setup.Init.LECUN, 3);
        assertEquals(2, network.depth());
        assertEquals(List.of(784, 30, 10), List.of(network.size(0), network.size(1), network.size(2)));
        assertEquals(Activation.SIGMOID, network.layer(1).activation());
        assertEquals(Activation.SIGMOID, network.layer(2).activation());
        assertEquals(Loss.SQUARED_ERROR, network.loss());
        // Weights ~ N(0, 1/n_in) layer by layer: the sample deviation within 10 % of 1/√784 and 1/√30.
        assertEquals(1 / Math.sqrt(784), deviation(network.layer(1)), 0.1 / Math.sqrt(784));
        assertEquals(1 / Math.sqrt(30), deviation(network.layer(2)), 0.1 / Math.sqrt(30));
        for (int l = 1; l <= 2; l++) {
            for (int j = 0; j < network.size(l); j++) {
                assertEquals(0, network.layer(l).biasOf(j));
            }
        }
        assertEquals(network.get("w23820"), Setup.network(Setup.Init.LECUN, 3).get("w23820"), "the same seed, the same weights");
    }

    @Test
    void optionsAreCheckedAndTheDataFolderMustHoldTheFiles() {
        Epochs.Options options = Epochs.Options.parse("--batch-sizes", "1,32", "--init", "xavier", "--no-python");
        assertEquals(List.of(1, 32), options.batchSizes);
        assertEquals(Setup.Init.XAVIER, options.init);
        assertEquals(List.of("/usr/bin/python3", "python3"), options.pythons);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Epochs.Options.parse("--reps", "0"))
                .getMessage().startsWith("--reps must be a positive whole number, but was 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Epochs.Options.parse("--fast"))
                .getMessage().startsWith("unknown option --fast"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Epochs.dataFolder(Path.of("/nonexistent")))
                .getMessage().startsWith("Fashion-MNIST is not in /nonexistent (--data): train-images-idx3-ubyte.gz"));
    }

    /** 100 updates at m = 10 leave it well above chance (10 %); 10 updates at m = 100 may not. */
    private static boolean learnt(Epochs.Run run) {
        return run.batchSize() == 10 ? run.accuracy() > 0.3 : run.accuracy() >= 0 && run.accuracy() <= 1;
    }

    private static double deviation(Layer layer) {
        double sum = 0;
        double squares = 0;
        int n = layer.size() * layer.inputs();
        for (int j = 0; j < layer.size(); j++) {
            for (int k = 0; k < layer.inputs(); k++) {
                sum += layer.weight(j, k);
                squares += layer.weight(j, k) * layer.weight(j, k);
            }
        }
        double mean = sum / n;
        return Math.sqrt(squares / n - mean * mean);
    }
}
