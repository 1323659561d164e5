package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SLF4J + Logback 1.2, 1.3, 1.4, 1.5 and 1.6 with their real configuration files: console, plain file, async
 * appender, and (1.5, 1.6) logstash-logback-encoder JSON and {@code %kvp}. No planted secret in any byte
 * written; every line there, in order.
 */
class LogbackIT {

    private static final String APP = "logback-app";

    @TempDir
    Path logs;

    @ParameterizedTest(name = "Logback {0}")
    @CsvSource({"1.2, logback12, logback.xml", "1.3, logback13, logback.xml", "1.4, logback14, logback.xml",
        "1.5, logback15, logback-json.xml", "1.6, logback16, logback-json.xml"})
    void noSecretReachesAnyAppenderAndNoLineIsLost(String version, String libDir, String config) throws Exception {
        LogOutputs.Planted planted = new LogOutputs.Planted(version.hashCode());
        ChildJvm.Result run = ChildJvm.on(Jdks.current())
                .property("log.dir", logs.toString())
                .property("logback.configurationFile", ChildJvm.testAppFile(APP, "classes/" + config).toString())
                .runClass(List.of(ChildJvm.testAppFile(APP, "logback-app.jar").toString(),
                        ChildJvm.testAppFile(APP, libDir) + "/*"), "dev.veil.testapp.logback.LogbackApp", planted.args());

        assertEquals(0, run.exitCode, run::toString);
        LogOutputs.assertFrameworkOutput("console", run.stdout, planted, 40);
        LogOutputs.assertConsoleCase("stdout", run.stdout, "stdout", planted);
        LogOutputs.assertConsoleCase("stderr", run.stderr, "stderr", planted);
        LogOutputs.assertFrameworkOutput("app.log", LogOutputs.read(logs.resolve("app.log")), planted, 40);
        LogOutputs.assertFrameworkOutput("async.log", LogOutputs.read(logs.resolve("async.log")), planted, 35);
        if (config.equals("logback-json.xml")) {
            String json = LogOutputs.read(logs.resolve("app.json"));
            LogOutputs.assertFrameworkOutput("app.json", json, planted, 30);
            // the argument of case 1 as its own field (includeNonStructuredArguments): masked, not dropped
            assertEquals(LogOutputs.ROUNDS, LogOutputs.count(json, "\"arg0\":\"[[VEIL:"), json);
        }
    }

    /** The control: without the agent the same run writes the planted keys, so the checks above mean something. */
    @Test
    void withoutVeilTheKeysAreInTheLogs() throws Exception {
        LogOutputs.Planted planted = new LogOutputs.Planted(99);
        ChildJvm.Result run = ChildJvm.on(Jdks.current()).withoutAgent()
                .property("log.dir", logs.toString())
                .property("logback.configurationFile", ChildJvm.testAppFile(APP, "classes/logback-json.xml").toString())
                .runClass(List.of(ChildJvm.testAppFile(APP, "logback-app.jar").toString(),
                        ChildJvm.testAppFile(APP, "logback15") + "/*"), "dev.veil.testapp.logback.LogbackApp", planted.args());

        assertEquals(0, run.exitCode, run::toString);
        for (String file : new String[] {"app.log", "app.json", "async.log"}) {
            String text = LogOutputs.read(logs.resolve(file));
            assertThrows(AssertionError.class, () -> planted.assertAbsentFrom(file, text));
            LogOutputs.assertInOrder(file, text, List.of("benign-001 ", "SECRET-0-0", "benign-028 "));
        }
        assertThrows(AssertionError.class, () -> planted.assertAbsentFrom("stdout", run.stdout));
    }
}
