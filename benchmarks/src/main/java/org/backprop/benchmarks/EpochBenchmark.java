package org.backprop.benchmarks;

import java.util.concurrent.TimeUnit;
import org.backprop.data.DataSet;
import org.backprop.data.FashionMnist;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole epoch of the setup (60,000 training images, mini-batches of m) as a JMH single shot,
 * each on a fresh network: for profiling an epoch with JMH's profilers ({@code -prof gc},
 * {@code -prof stack}). benchmarks/epoch measures the same side by side with numpy and PyTorch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class EpochBenchmark {

    @Param({"10", "100"})
    int batchSize;

    DataSet training;
    Network network;
    long seed;

    @org.openjdk.jmh.annotations.Setup(Level.Trial)
    public void load() {
        training = FashionMnist.training();
    }

    @org.openjdk.jmh.annotations.Setup(Level.Iteration)
    public void freshNetwork() {
        network = Setup.network(Setup.Init.LECUN, ++seed);
    }

    @Benchmark
    public TrainingHistory epoch() {
        return Setup.epoch(network, training, batchSize, seed);
    }
}
