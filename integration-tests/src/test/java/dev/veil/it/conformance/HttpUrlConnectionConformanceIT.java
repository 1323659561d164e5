package dev.veil.it.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.it.ChildJvm;
import dev.veil.it.FakeLlmServer;
import dev.veil.it.Jdks;
import dev.veil.it.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java.net.HttpURLConnection} (the JDK's http/https handler; its versions are the JDKs'). In a
 * streaming mode ({@code setChunkedStreamingMode}, {@code setFixedLengthStreamingMode}) the app writes
 * straight to the socket, so Veil cannot hold the body back: the failure policy decides.
 */
class HttpUrlConnectionConformanceIT extends ClientConformanceIT {

    private static final Path APP = appJar("httpurlconnection-app", "httpurlconnection-app.jar");

    @Override
    protected List<ClientApp> apps() {
        return List.of(new ClientApp("httpurlconnection", APP));
    }

    @Override
    protected List<Jdks.Jdk> jdks(ClientApp app) {
        return Jdks.all();
    }

    @Override
    protected boolean holdsBackStreamedBodies() {
        return false;
    }

    /** The app reads the JDK's own stream through a plain tee: Veil never changes it, so never injects usage. */
    @Override
    protected boolean filtersResponses() {
        return false;
    }

    @Test
    void aFixedLengthBodyFailsClosedAndGoesOutUnchangedWhenOpen(@TempDir Path dir) throws Exception {
        TestSecrets secrets = new TestSecrets(101);
        String key = secrets.openAiKey();
        String prompt = chat("key " + key);
        Path body = Files.writeString(dir.resolve("body.json"), prompt);
        try (FakeLlmServer server = new FakeLlmServer()) {
            String url = server.url("/v1/chat/completions");
            ChildJvm.Result closed = ChildJvm.on(Jdks.current()).runJar(APP, url, "fixed", body.toString());
            assertTrue(closed.line("ERROR").startsWith("ERROR java.io.IOException: veil: "), closed::toString);
            assertTrue(server.received().isEmpty(), "nothing reaches the server when the policy is closed");

            ChildJvm.Result open = ChildJvm.on(Jdks.current()).property("veil.failure", "open")
                    .runJar(APP, url, "fixed", body.toString());
            assertEquals("STATUS 200", open.line("STATUS"), open::toString);
            assertArrayEquals(prompt.getBytes(StandardCharsets.UTF_8), server.only().body);
            assertTrue(open.agentLines().stream().anyMatch(l -> l.contains("sent uninspected")), open::toString);
            assertNoSecretIn(closed, key);
            assertNoSecretIn(open, key);
        }
    }
}
