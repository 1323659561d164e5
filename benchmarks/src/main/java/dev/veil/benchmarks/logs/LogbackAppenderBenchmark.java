package dev.veil.benchmarks.logs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.FileAppender;
import java.io.File;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Real Logback events, clean (no secret) and with a secret, through a file appender (pattern encoder,
 * immediate flush: the default) and through an appender that only formats the message (to expose the
 * per-event cost). Run it with and without the agent ({@link LogBenchmarks} does both and prints the
 * ratios): the agent's advice is what is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LogbackAppenderBenchmark {

    private LoggerContext context;
    private Logger fileLogger;
    private Logger formatLogger;
    private File file;
    private String key;
    private int n;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        context = new LoggerContext();
        file = File.createTempFile("veil-bench", ".log");
        file.deleteOnExit();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} [%thread] %-5level %logger - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setFile(file.getPath());
        appender.setEncoder(encoder);
        appender.start();
        fileLogger = context.getLogger("bench.file");
        fileLogger.setAdditive(false);
        fileLogger.addAppender(appender);
        FormatOnly formatOnly = new FormatOnly();
        formatOnly.setContext(context);
        formatOnly.start();
        formatLogger = context.getLogger("bench.format");
        formatLogger.setAdditive(false);
        formatLogger.addAppender(formatOnly);
        key = LogMaskingBenchmark.openAiShapedKey(new java.util.Random(2));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.stop();
        file.delete();
    }

    @Benchmark
    public void fileClean() {
        fileLogger.info("order {} shipped to warehouse eu-west with {} items", n++, 3);
    }

    @Benchmark
    public void fileWithSecret() {
        fileLogger.info("order {} paid with key {}", n++, key);
    }

    @Benchmark
    public void formatClean() {
        formatLogger.info("order {} shipped to warehouse eu-west with {} items", n++, 3);
    }

    @Benchmark
    public void formatWithSecret() {
        formatLogger.info("order {} paid with key {}", n++, key);
    }

    /** Formats the message (as every layout does) and nothing else. */
    static final class FormatOnly extends AppenderBase<ILoggingEvent> {
        volatile int sink;

        @Override
        protected void append(ILoggingEvent event) {
            sink += event.getFormattedMessage().length();
        }
    }
}
