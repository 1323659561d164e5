package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JBoss LogManager 3.x as WildFly and Quarkus run it: the JUL manager property and a real {@code logging.properties}. */
class JBossLogManagerIT {

    @TempDir
    Path logs;

    @Test
    void noSecretReachesAnyHandlerAndNoLineIsLost() throws Exception {
        LogOutputs.Planted planted = new LogOutputs.Planted(4);
        ChildJvm.Result run = ChildJvm.on(Jdks.current())
                .property("log.dir", logs.toString())
                .property("java.util.logging.manager", "org.jboss.logmanager.LogManager")
                .runJar(ChildJvm.testAppJar("jboss-app", "jboss-app.jar"), planted.args());

        assertEquals(0, run.exitCode, run::toString);
        LogOutputs.assertFrameworkOutput("console", run.stdout, planted, 40);
        LogOutputs.assertConsoleCase("stdout", run.stdout, "stdout", planted);
        LogOutputs.assertConsoleCase("stderr", run.stderr, "stderr", planted);
        LogOutputs.assertFrameworkOutput("app.log", LogOutputs.read(logs.resolve("app.log")), planted, 40);
        LogOutputs.assertMaskedNdc("console", run.stdout);
        LogOutputs.assertMaskedNdc("app.log", LogOutputs.read(logs.resolve("app.log")));
    }
}
