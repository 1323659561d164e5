package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Log4j2 with its real {@code log4j2.xml}: console and file pattern layouts, a JsonTemplateLayout
 * (ECS) file, a {@code direct="true"} console, mixed async loggers for the wire loggers, parameterized messages on the garbage-free
 * path, ThreadContext map and stack (NDC), the LogBuilder API with a parameter beyond the placeholders (a custom
 * JsonTemplateLayout template renders the parameters, the root cause's message and the stack trace). 2.24 on JDK 17 and 25; 2.17.1 and 2.25 (mixed, and all
 * loggers async with the garbage-free context map) on JDK 17.
 */
class Log4j2IT {

    /** The OkHttp and Apache HttpClient cases go through {@code <AsyncLogger>} elements (okhttp3, org.apache.http). */
    private static final int[] ASYNC_CASES = {4, 5};

    @TempDir
    Path logs;

    static Stream<Jdks.Jdk> jdks() {
        return Jdks.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void noSecretReachesAnyAppenderAndNoLineIsLost(Jdks.Jdk jdk) throws Exception {
        Jdks.assumeInstalled(jdk);
        LogOutputs.Planted planted = new LogOutputs.Planted(jdk.feature() * 31L + 2);
        ChildJvm.Result run = ChildJvm.on(jdk).property("log.dir", logs.toString())
                .runJar(ChildJvm.testAppJar("log4j2-app", "log4j2-app.jar"), planted.args());

        assertOutputs(run, planted);
    }

    /** An old 2.x (2.17.1, the first release after the Log4Shell fixes) with the same configuration. */
    @Test
    void log4j2217() throws Exception {
        LogOutputs.Planted planted = new LogOutputs.Planted(2171);
        ChildJvm.Result run = ChildJvm.on(Jdks.current()).property("log.dir", logs.toString())
                .runClass(List.of(ChildJvm.testAppFile("log4j2-app", "classes").toString(),
                        ChildJvm.testAppFile("log4j2-app", "log4j2-217") + "/*"), "dev.veil.testapp.log4j2.Log4j2App", planted.args());
        assertOutputs(run, planted);
    }

    /** The newest 2.x (2.25) with the same configuration: mixed async loggers, thread-local (garbage-free) reusable messages. */
    @Test
    void log4j225() throws Exception {
        LogOutputs.Planted planted = new LogOutputs.Planted(2255);
        ChildJvm.Result run = log4j225(ChildJvm.on(Jdks.current()).property("log4j2.enableThreadlocals", "true"), planted);
        assertOutputs(run, planted, ASYNC_CASES);
    }

    /**
     * 2.25 with every logger asynchronous (the {@code AsyncLoggerContextSelector}, Disruptor 4) and the
     * garbage-free thread-context map: events are masked on the calling thread before they enter the
     * ring buffer, and the background thread writes them in the order they were logged.
     */
    @Test
    void log4j225AllAsyncGarbageFree() throws Exception {
        LogOutputs.Planted planted = new LogOutputs.Planted(2256);
        ChildJvm.Result run = log4j225(ChildJvm.on(Jdks.current())
                .property("log4j2.contextSelector", "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector")
                .property("log4j2.enableThreadlocals", "true")
                .property("log4j2.garbagefreeThreadContextMap", "true"), planted);
        assertOutputs(run, planted);
    }

    private ChildJvm.Result log4j225(ChildJvm jvm, LogOutputs.Planted planted) throws Exception {
        return jvm.property("log.dir", logs.toString())
                .runClass(List.of(ChildJvm.testAppFile("log4j2-app", "classes").toString(),
                        ChildJvm.testAppFile("log4j2-app", "log4j2-225") + "/*"), "dev.veil.testapp.log4j2.Log4j2App", planted.args());
    }

    private void assertOutputs(ChildJvm.Result run, LogOutputs.Planted planted) throws Exception {
        assertOutputs(run, planted, ASYNC_CASES);
    }

    private void assertOutputs(ChildJvm.Result run, LogOutputs.Planted planted, int... asyncCases) throws Exception {
        assertEquals(0, run.exitCode, run::toString);
        // the ThreadContext stack (%x, %NDC, the JSON tags) holds the key of case 2: masked, not dropped
        LogOutputs.assertMaskedNdc("console", run.stdout);
        LogOutputs.assertMaskedNdc("app.log", LogOutputs.read(logs.resolve("app.log")));
        LogOutputs.assertFrameworkOutput("console", run.stdout, planted, 40, asyncCases);
        // ConsoleAppender direct="true" writes to FileDescriptor.out, not through System.out
        StringBuilder direct = new StringBuilder();
        for (String line : run.stdout.split("\n")) {
            if (line.startsWith("DIRECT ")) {
                direct.append(line).append('\n');
            }
        }
        LogOutputs.assertFrameworkOutput("direct console", direct.toString(), planted, 25, asyncCases);
        LogOutputs.assertConsoleCase("stdout", run.stdout, "stdout", planted);
        LogOutputs.assertConsoleCase("stderr", run.stderr, "stderr", planted);
        LogOutputs.assertFrameworkOutput("app.log", LogOutputs.read(logs.resolve("app.log")), planted, 40, asyncCases);
        String json = LogOutputs.read(logs.resolve("app.json"));
        LogOutputs.assertFrameworkOutput("app.json", json, planted, 30, asyncCases);
        assertTrue(json.contains("\"tags\":[\"tenant-7 [[VEIL:"), "the JSON tags (NDC) are masked, not dropped:\n" + json);
        // a custom template: message parameters (one beyond the placeholders), root cause message, context map and stack
        String params = LogOutputs.read(logs.resolve("params.json"));
        LogOutputs.assertFrameworkOutput("params.json", params, planted, 30, asyncCases);
        // case 7 passes its value beyond the placeholders: kept as a parameter, masked
        assertEquals(LogOutputs.ROUNDS, LogOutputs.count(params, "\"params\":[\"credential\",\"[[VEIL:"), params);
        assertFalse(run.stderr.contains("ERROR StatusLogger"), run::toString);
    }
}
