package dev.veil.benchmarks.logs;

import java.io.File;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Real Log4j2 events, clean and with a secret, through a {@code File} appender with a pattern layout
 * (immediate flush, the default), parameterized messages on the garbage-free path. Run with and without
 * the agent ({@link LogBenchmarks} does both and prints the ratios): the agent's advice is what is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Log4j2AppenderBenchmark {

    private LoggerContext context;
    private Logger fileLogger;
    private File file;
    private String key;
    private int n;

    @Setup
    public void setUp() throws Exception {
        file = File.createTempFile("veil-bench-log4j2", ".log");
        file.deleteOnExit();
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setStatusLevel(Level.ERROR);
        b.setConfigurationName("veil-bench");
        b.add(b.newAppender("FILE", "File").addAttribute("fileName", file.getPath())
                .add(b.newLayout("PatternLayout").addAttribute("pattern", "%d{HH:mm:ss.SSS} [%t] %-5level %logger - %msg%n")));
        b.add(b.newLogger("bench.file", Level.INFO).add(b.newAppenderRef("FILE")).addAttribute("additivity", false));
        b.add(b.newRootLogger(Level.WARN));
        context = Configurator.initialize(b.build());
        fileLogger = context.getLogger("bench.file");
        key = LogMaskingBenchmark.openAiShapedKey(new java.util.Random(3));
    }

    @TearDown
    public void tearDown() {
        Configurator.shutdown(context);
        file.delete();
    }

    @Benchmark
    public void log4j2FileClean() {
        fileLogger.info("order {} shipped to warehouse eu-west with {} items", n++, 3);
    }

    @Benchmark
    public void log4j2FileWithSecret() {
        fileLogger.info("order {} paid with key {}", n++, key);
    }
}
