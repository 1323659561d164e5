package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real faults on the JDK HttpClient path: a body Veil cannot decode, a body over the size cap. With the
 * default policy ({@code closed}) the call fails with {@code veil: …} and nothing reaches the server;
 * with {@code open} the original bytes are sent and the agent log says so. The app keeps running.
 */
class FailurePolicyIT {

    private static final Path APP = ChildJvm.testAppJar("jdk-httpclient-app", "jdk-httpclient-app.jar");

    @TempDir
    Path tmp;

    @Test
    void undecodableBodyFailsClosedAndPassesOpen() throws Exception {
        TestSecrets secrets = new TestSecrets(43);
        String email = secrets.email();
        String sent = ChatBodies.chat("contact " + email);
        Path body = Files.writeString(tmp.resolve("b.json"), sent);
        try (FakeLlmServer server = new FakeLlmServer()) {
            String url = server.url("/v1/chat/completions");
            ChildJvm.Result closed = ChildJvm.on(Jdks.current()).runJar(APP, url, "send", body.toString(), "Content-Encoding: gzip");
            assertTrue(closed.line("ERROR").startsWith("ERROR java.io.IOException: veil: the prompt could not be inspected"),
                    closed::toString);
            assertTrue(server.received().isEmpty(), "nothing may be sent under veil.failure=closed");

            ChildJvm.Result open = ChildJvm.on(Jdks.current()).property("veil.failure", "open")
                    .runJar(APP, url, "send", body.toString(), "Content-Encoding: gzip");
            assertEquals("STATUS 200", open.line("STATUS"), open::toString);
            assertArrayEquals(sent.getBytes(StandardCharsets.UTF_8), server.only().body);
            assertTrue(open.agentLines().stream().anyMatch(l -> l.contains("sent uninspected") && l.contains("veil.failure=open")),
                    open::toString);
            JdkHttpClientIT.assertNoSecretIn(closed, email);
            JdkHttpClientIT.assertNoSecretIn(open, email);
        }
    }

    @Test
    void oversizedBodiesFollowThePolicy() throws Exception {
        String sent = ChatBodies.chat("x".repeat(4096));
        Path body = Files.writeString(tmp.resolve("big.json"), sent);
        try (FakeLlmServer server = new FakeLlmServer()) {
            String url = server.url("/v1/chat/completions");
            for (String how : new String[] {"send", "inputStream"}) {
                ChildJvm.Result closed = ChildJvm.on(Jdks.current()).property("veil.prompt.max-bytes", "1KiB")
                        .runJar(APP, url, how, body.toString());
                assertTrue(closed.line("ERROR").contains("veil: the request body is larger than veil.prompt.max-bytes"),
                        closed::toString);
            }
            assertTrue(server.received().isEmpty());

            // A body of known length is never read when it is over the cap, so "open" can still send it.
            ChildJvm.Result open = ChildJvm.on(Jdks.current()).property("veil.prompt.max-bytes", "1KiB")
                    .property("veil.failure", "open").runJar(APP, url, "send", body.toString());
            assertEquals("STATUS 200", open.line("STATUS"), open::toString);
            assertArrayEquals(sent.getBytes(StandardCharsets.UTF_8), server.only().body);
        }
    }
}
