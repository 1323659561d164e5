package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Log4j 1.2.17 and reload4j 1.2.26 with a real {@code log4j.properties}: console and file, MDC, NDC ({@code %x}), rendered message objects. */
class Log4j1IT {

    private static final String APP = "log4j1-app";

    @TempDir
    Path logs;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"reload4j", "log4j12"})
    void noSecretReachesAnyAppenderAndNoLineIsLost(String libDir) throws Exception {
        LogOutputs.Planted planted = new LogOutputs.Planted(libDir.hashCode());
        ChildJvm.Result run = ChildJvm.on(Jdks.current())
                .property("log.dir", logs.toString())
                .property("log4j.configuration", ChildJvm.testAppFile(APP, "classes/log4j.properties").toUri().toString())
                .runClass(List.of(ChildJvm.testAppFile(APP, "log4j1-app.jar").toString(), ChildJvm.testAppFile(APP, libDir) + "/*"),
                        "dev.veil.testapp.log4j1.Log4j1App", planted.args());

        assertEquals(0, run.exitCode, run::toString);
        LogOutputs.assertFrameworkOutput("console", run.stdout, planted, 40);
        LogOutputs.assertConsoleCase("stdout", run.stdout, "stdout", planted);
        LogOutputs.assertConsoleCase("stderr", run.stderr, "stderr", planted);
        LogOutputs.assertFrameworkOutput("app.log", LogOutputs.read(logs.resolve("app.log")), planted, 40);
        LogOutputs.assertMaskedNdc("console", run.stdout);
        LogOutputs.assertMaskedNdc("app.log", LogOutputs.read(logs.resolve("app.log")));
    }
}
