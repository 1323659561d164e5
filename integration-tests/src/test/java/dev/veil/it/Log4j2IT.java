package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Log4j2 with its real {@code log4j2.xml}: console and file pattern layouts, a JsonTemplateLayout
 * (ECS) file, mixed async loggers for the wire loggers, parameterized messages on the garbage-free
 * path, ThreadContext, the LogBuilder API. JDK 17 and 25.
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

        assertEquals(0, run.exitCode, run::toString);
        LogOutputs.assertFrameworkOutput("console", run.stdout, planted, 40, ASYNC_CASES);
        LogOutputs.assertConsoleCase("stdout", run.stdout, "stdout", planted);
        LogOutputs.assertConsoleCase("stderr", run.stderr, "stderr", planted);
        LogOutputs.assertFrameworkOutput("app.log", LogOutputs.read(logs.resolve("app.log")), planted, 40, ASYNC_CASES);
        String json = LogOutputs.read(logs.resolve("app.json"));
        LogOutputs.assertFrameworkOutput("app.json", json, planted, 30, ASYNC_CASES);
        assertFalse(run.stderr.contains("ERROR StatusLogger"), run::toString);
    }
}
