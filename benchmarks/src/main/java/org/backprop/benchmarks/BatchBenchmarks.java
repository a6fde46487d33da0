package org.backprop.benchmarks;

import java.util.concurrent.TimeUnit;
import org.backprop.data.DataSet;
import org.backprop.data.FashionMnist;
import org.backprop.nn.BatchGradient;
import org.backprop.nn.GradientDescent;
import org.backprop.nn.Network;
import org.backprop.nn.TrainingHistory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The kernels as a user reaches them, on one mini-batch of m Fashion-MNIST test images and the
 * 784-30-10 sigmoid network: the gradient of the batch (forward pass, BP1–BP4: the kernels
 * {@code net}, {@code netFromColumns}, {@code backThrough}, {@code weightGradient}) and one
 * training update on it (the same plus the update and the history's bookkeeping). An epoch is
 * 60,000 / m of the latter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BatchBenchmarks {

    @Param({"10", "100"})
    int batchSize;

    Network network;
    DataSet batch;
    GradientDescent descent;

    @Setup(Level.Trial)
    public void setUp() {
        batch = FashionMnist.test().first(batchSize);
        network = org.backprop.benchmarks.Setup.network(org.backprop.benchmarks.Setup.Init.LECUN, 1);
        descent = org.backprop.benchmarks.Setup.descent(batchSize, 1);
    }

    /** {@code BatchGradient.of(network, batch)}: forward and backward over the batch, no update. */
    @Benchmark
    public BatchGradient batchGradient() {
        return BatchGradient.of(network, batch);
    }

    /** {@code descent.train(network, batch, 1)}: one update on the batch, as an epoch makes 60,000 / m of. */
    @Benchmark
    public TrainingHistory trainOneBatch() {
        return descent.train(network, batch, 1);
    }
}
