package org.backprop.benchmarks;

import java.util.concurrent.TimeUnit;
import org.backprop.data.WorkedExample;
import org.backprop.nn.TrainingHistory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matt Mazur's 2-2-2 example trained for 10,000 iterations, as notebook 04 does:
 * {@code mazur.descent().train(mazur.network(), mazur.sample(), 10_000)}. Per-call overhead of
 * the training loop dominates here, not arithmetic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MazurBenchmark {

    final WorkedExample mazur = WorkedExample.mazur();

    @Benchmark
    public TrainingHistory tenThousandIterations() {
        return mazur.descent().train(mazur.network(), mazur.sample(), 10_000);
    }
}
