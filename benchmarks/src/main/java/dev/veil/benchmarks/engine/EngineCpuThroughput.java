package dev.veil.benchmarks.engine;

import dev.veil.agent.detect.Engine;
import dev.veil.benchmarks.wire.CpuThroughput;
import java.util.Random;

/**
 * The engine scans of {@link EngineBenchmark} measured in MB per second of this thread's CPU time, best of
 * many short rounds: on a shared, overloaded machine this moves far less than JMH's wall-clock score. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.veil.benchmarks.engine.EngineCpuThroughput}.
 */
public final class EngineCpuThroughput {
    private EngineCpuThroughput() {
    }

    public static void main(String[] args) {
        Engine engine = Engine.defaults();
        String clean = PromptText.generate(42, EngineBenchmark.SIZE);
        String withFindings = Findings.sprinkle(PromptText.generate(43, EngineBenchmark.SIZE), new Random(44), 10);
        CpuThroughput.report("scan 8 KiB prompt, clean", EngineBenchmark.SIZE, 500, () -> engine.scan(clean));
        CpuThroughput.report("scan 8 KiB prompt, ~10 findings", EngineBenchmark.SIZE, 500, () -> engine.scan(withFindings));
    }
}
