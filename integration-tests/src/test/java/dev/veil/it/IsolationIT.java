package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An app that ships other versions of Veil's own dependencies keeps working, and cannot see Veil's copies. */
class IsolationIT {

    @TempDir
    Path tmp;

    static Stream<Jdks.Jdk> jdks() {
        return Jdks.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void bundledClassesAreInvisibleAndTheAppsOwnVersionsWork(Jdks.Jdk jdk) throws Exception {
        Jdks.assumeInstalled(jdk);
        Path app = ChildJvm.testAppJar("isolation-app", "isolation-app.jar");
        TestSecrets secrets = new TestSecrets(31);
        String email = secrets.email();
        Path body = Files.writeString(tmp.resolve("body.json"), ChatBodies.chat("write to " + email));
        try (FakeLlmServer server = new FakeLlmServer()) {
            ChildJvm.Result run = ChildJvm.on(jdk).runJar(app, server.url("/v1/chat/completions"), body.toString());
            assertEquals(0, run.exitCode, run::toString);
            assertTrue(run.stdout.contains("jackson 2.17.2 {\"a\":1} {a=1}"), run::toString);
            assertTrue(run.stdout.contains("bytebuddy from byte-buddy-1.14.18.jar made by the app's ByteBuddy"), run::toString);
            assertTrue(run.stdout.contains("slf4j-api from slf4j-api-1.7.36.jar"), run::toString);
            assertTrue(run.stderr.contains("slf4j works") && run.stderr.contains("done"), run::toString);
            assertFalse(run.stdout.contains("VISIBLE"), run::toString);
            assertEquals(6, run.stdout.lines().filter(l -> l.startsWith("hidden ")).count(), run::toString);
            assertEquals("STATUS 200", run.line("STATUS"), run::toString);
            assertTrue(run.stdout.contains("jackson again {\"a\":1}"), run::toString);
            assertFalse(server.only().bodyText().contains(email), "the agent did not redact beside the app's libraries");
        }
    }
}
