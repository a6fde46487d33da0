package org.backprop.benchmarks;

import java.util.concurrent.TimeUnit;
import org.backprop.data.DataSet;
import org.backprop.data.FashionMnist;
import org.backprop.nn.Evaluation;
import org.backprop.nn.ForwardPass;
import org.backprop.nn.Network;
import org.backprop.nn.Sample;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The 784-30-10 network on single images and on the test set: {@code network.forward(sample)}
 * (the teaching record of one pass, which copies the weights it used) and
 * {@code network.evaluate(test)} over the 10,000 test images (batches of 256 through the kernels).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SampleBenchmarks {

    Network network;
    Sample sample;
    DataSet test;

    @Setup(Level.Trial)
    public void setUp() {
        test = FashionMnist.test();
        sample = test.get(0);
        network = org.backprop.benchmarks.Setup.network(org.backprop.benchmarks.Setup.Init.LECUN, 1);
    }

    /** {@code network.forward(sample)} on one image. */
    @Benchmark
    public ForwardPass forward() {
        return network.forward(sample);
    }

    /** {@code network.evaluate(test)}: mean error and accuracy on the 10,000 test images. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Evaluation evaluateTestSet() {
        return network.evaluate(test);
    }
}
