package dev.veil.benchmarks.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-core throughput next to JMH's wall-clock score: counts operations and the benchmark thread's
 * CPU time per iteration, and prints MB/s of CPU time. On a shared build machine (more runnable
 * threads than cores) wall-clock ops/s mostly measures the other processes; CPU time does not.
 */
@State(Scope.Thread)
public class CpuClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    long ops;
    private long cpuStart;

    @Setup(Level.Iteration)
    public void start() {
        ops = 0;
        cpuStart = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void report() {
        double seconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("%n[cpu] %.0f MB/s per core (%d ops of %d bytes in %.2f s CPU)%n",
                ops * (double) EngineBenchmark.SIZE / seconds / 1e6, ops, EngineBenchmark.SIZE, seconds);
    }
}
