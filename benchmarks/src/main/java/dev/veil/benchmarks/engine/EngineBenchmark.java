package dev.veil.benchmarks.engine;

import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.detect.Engine;
import dev.veil.agent.detect.Finding;
import dev.veil.agent.redact.Redactor;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * Engine throughput on 8 KB prompts (ASCII, so bytes = chars): clean text, and text with about ten
 * findings. MB/s = ops/s x 8192 / 1e6. Run with {@code -prof gc} to see allocation per operation
 * (the clean path allocates nothing and returns the same String).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
    static final int SIZE = 8192;

    private Engine engine;
    private Redactor redactor;
    private String clean;
    private String withFindings;

    @Setup(Level.Trial)
    public void setUp() {
        engine = Engine.defaults();
        redactor = Redactor.fromConfig(VeilConfig.defaults());
        clean = PromptText.generate(42, SIZE);
        withFindings = Findings.sprinkle(PromptText.generate(43, SIZE), new Random(44), 10);
        if (!engine.scan(clean).isEmpty()) {
            throw new IllegalStateException("the clean prompt has findings: " + engine.scan(clean));
        }
        int found = engine.scan(withFindings).size();
        if (found < 8) {
            throw new IllegalStateException("expected ~10 findings, got " + found);
        }
    }

    @Benchmark
    public List<Finding> scanClean() {
        return engine.scan(clean);
    }

    @Benchmark
    public String scrubClean() {
        String out = redactor.newSession(true).scrub(clean);
        if (out != clean) {
            throw new AssertionError("clean text must come back as the same instance");
        }
        return out;
    }

    @Benchmark
    public String maskLogClean() {
        return redactor.maskLog(clean);
    }

    @Benchmark
    public List<Finding> scanWithFindings() {
        return engine.scan(withFindings);
    }

    @Benchmark
    public String scrubWithFindings() {
        return redactor.newSession(true).scrub(withFindings);
    }
}
