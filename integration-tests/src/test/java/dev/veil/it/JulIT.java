package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * java.util.logging with a real {@code logging.properties} (ConsoleHandler on stderr with
 * SimpleFormatter, FileHandler with XMLFormatter), plus the JDK HttpClient's own header log
 * ({@code -Djdk.httpclient.HttpClient.log=headers}) of a request that carries the keys. JDK 17 and 25.
 */
class JulIT {

    @TempDir
    Path logs;

    static Stream<Jdks.Jdk> jdks() {
        return Jdks.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void noSecretReachesAnyHandlerAndNoLineIsLost(Jdks.Jdk jdk) throws Exception {
        Jdks.assumeInstalled(jdk);
        LogOutputs.Planted planted = new LogOutputs.Planted(jdk.feature() * 31L + 3);
        try (FakeLlmServer server = new FakeLlmServer()) {
            String[] args = {planted.key1, planted.key2, planted.hexKey, server.url("/status")};
            ChildJvm.Result run = ChildJvm.on(jdk)
                    .property("java.io.tmpdir", logs.toString())
                    .property("java.util.logging.config.file", ChildJvm.testAppFile("jul-app", "classes/logging.properties").toString())
                    .property("jdk.httpclient.HttpClient.log", "headers")
                    .runJar(ChildJvm.testAppJar("jul-app", "jul-app.jar"), args);

            assertEquals(0, run.exitCode, run::toString);
            // the request really carried the keys: only the log output is masked
            assertEquals("Bearer " + planted.key1, server.received().get(0).headers.getFirst("Authorization"));
            assertTrue(run.stderr.contains("authorization: [[VEIL:") || run.stderr.contains("Authorization: [[VEIL:")
                    || run.stderr.toLowerCase().contains("authorization: bearer [[veil:"), run::toString);
            LogOutputs.assertFrameworkOutput("console (stderr)", run.stderr, planted, 40);
            LogOutputs.assertConsoleCase("stdout", run.stdout, "stdout", planted);
            LogOutputs.assertConsoleCase("stderr", run.stderr, "stderr", planted);
            LogOutputs.assertFrameworkOutput("app0.log", LogOutputs.read(logs.resolve("app0.log")), planted, 30);
        }
    }
}
