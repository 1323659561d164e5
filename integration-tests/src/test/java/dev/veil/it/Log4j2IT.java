package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * path, ThreadContext, the LogBuilder API. 2.24 on JDK 17 and 25; 2.17.1 on JDK 17.
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

    private void assertOutputs(ChildJvm.Result run, LogOutputs.Planted planted) throws Exception {
        assertEquals(0, run.exitCode, run::toString);
        LogOutputs.assertFrameworkOutput("console", run.stdout, planted, 40, ASYNC_CASES);
        // ConsoleAppender direct="true" writes to FileDescriptor.out, not through System.out
        StringBuilder direct = new StringBuilder();
        for (String line : run.stdout.split("\n")) {
            if (line.startsWith("DIRECT ")) {
                direct.append(line).append('\n');
            }
        }
        LogOutputs.assertFrameworkOutput("direct console", direct.toString(), planted, 25, ASYNC_CASES);
        LogOutputs.assertConsoleCase("stdout", run.stdout, "stdout", planted);
        LogOutputs.assertConsoleCase("stderr", run.stderr, "stderr", planted);
        LogOutputs.assertFrameworkOutput("app.log", LogOutputs.read(logs.resolve("app.log")), planted, 40, ASYNC_CASES);
        String json = LogOutputs.read(logs.resolve("app.json"));
        LogOutputs.assertFrameworkOutput("app.json", json, planted, 30, ASYNC_CASES);
        assertFalse(run.stderr.contains("ERROR StatusLogger"), run::toString);
    }
}
