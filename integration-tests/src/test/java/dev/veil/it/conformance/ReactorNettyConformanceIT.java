package dev.veil.it.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.it.ChildJvm;
import dev.veil.it.FakeLlmServer;
import dev.veil.it.Jdks;
import dev.veil.it.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reactor Netty {@code HttpClient} 1.0.0 (oldest supported, Netty 4.1) and 1.3.8 (newest, Netty 4.2): one
 * app, compiled against 1.0.0, run unchanged on each; JDK 25 for the newest. Spring Boot's 1.2.x runs in
 * the Spring AI apps ({@code SpringAiIT}).
 */
class ReactorNettyConformanceIT extends ClientConformanceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "/v1/chat/completions";
    /** Send paths whose buffers Veil collects and inspects (besides the suite's send/sendByteArray/sendObject(ByteBuf)). */
    private static final String[] COLLECTED = {"sendPredicate", "sendObjectPublisher", "sendGroups", "sendStringFlux", "sendByteArrayFlux"};
    /** Send paths Veil cannot read (Netty writes a file region or chunked file): the failure policy decides. */
    private static final String[] UNREADABLE = {"sendFile", "sendFileChunked", "sendForm"};

    @Override
    protected List<ClientApp> apps() {
        return List.of(
                new ClientApp("reactor-netty-1.0.0", appJar("reactor-netty-app/oldest", "reactor-netty-app-oldest.jar")),
                new ClientApp("reactor-netty-1.3.8", appJar("reactor-netty-app/newest", "reactor-netty-app-newest.jar")));
    }

    @Override
    protected List<Jdks.Jdk> jdks(ClientApp app) {
        return app.label.endsWith("1.3.8") ? Jdks.all() : List.of(Jdks.current());
    }

    /**
     * Every other {@code NettyOutbound} send method, with a generated key in the prompt, under both failure
     * policies: collectable bodies are redacted (one inspection each, whatever path they delegate through);
     * file and form bodies fail with {@code veil: …} and send nothing (closed) or go out unchanged and are logged
     * (open); a body over {@code veil.prompt.max-bytes} sent as groups is stopped while collecting (closed)
     * or sent unchanged (open); a body that never completes fails within the client's response timeout
     * (closed) instead of holding the request forever.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("targets")
    void everySendPathIsInspectedOrFollowsThePolicy(ClientApp app, Jdks.Jdk jdk, @TempDir Path dir) throws Exception {
        Jdks.assumeInstalled(jdk);
        TestSecrets secrets = new TestSecrets(app.label.hashCode() + 5);
        String key = secrets.openAiKey();
        String prompt = chat("Use the key " + key + " please.");
        String giant = chat("word ".repeat(20_000) + "key " + key); // 100 KB against a 64 KiB cap
        for (String policy : new String[] {"closed", "open"}) {
            try (FakeLlmServer server = new FakeLlmServer()) {
                Batch batch = new Batch(dir);
                for (String path : COLLECTED) {
                    batch.add(path, server.url("/" + path + CHAT), path, prompt);
                }
                for (String path : UNREADABLE) {
                    batch.add(path, server.url("/" + path + CHAT), path, prompt);
                }
                batch.add("giantGroups", server.url("/giantGroups" + CHAT), "sendGroups", giant);
                if ("closed".equals(policy)) {
                    // open would wait for the body as the app does without Veil: forever
                    batch.add("never", server.url("/never" + CHAT), "never", prompt);
                }
                long t0 = System.nanoTime();
                Batch.Printed printed = batch.run(ChildJvm.on(jdk).property("veil.failure", policy)
                        .property("veil.prompt.max-bytes", "64KiB").property("veil.log.level", "debug"), app.jar);
                String context = policy + ":\n" + printed.run;
                List<FakeLlmServer.Received> got = server.received();
                for (String path : COLLECTED) {
                    assertEquals("STATUS 200", printed.line(path, "STATUS"), path + " " + context);
                    List<FakeLlmServer.Received> sent = got.stream().filter(r -> r.path.startsWith("/" + path + "/")).toList();
                    assertEquals(1, sent.size(), path + " " + context);
                    String text = sent.get(0).decodedText();
                    assertFalse(text.contains(key), path + ": the key reached the server: " + text);
                    JsonNode json = JSON.readTree(text);
                    assertEquals("gpt-4o-mini", json.get("model").asText(), text);
                    assertTrue(json.at("/messages/1/content").asText().startsWith("Use the key "), text);
                    assertEquals(String.valueOf(sent.get(0).body.length), sent.get(0).headers.getFirst("Content-length"), path);
                }
                // each collected body was inspected once: one finding line per call
                assertEquals(COLLECTED.length, printed.run.agentLines().stream()
                        .filter(l -> l.contains("openai_api_key") && l.contains("redacted")).count(), context);
                for (String path : new String[] {"sendFile", "sendFileChunked", "sendForm", "giantGroups"}) {
                    List<FakeLlmServer.Received> sent = got.stream().filter(r -> r.path.startsWith("/" + path + "/")).toList();
                    if ("closed".equals(policy)) {
                        assertTrue(printed.line(path, "ERROR").startsWith("ERROR java.io.IOException: veil: "), path + " " + context);
                        assertEquals(0, sent.size(), path + ": nothing may be sent under veil.failure=closed");
                    } else {
                        assertEquals(1, sent.size(), path + " " + context);
                        if (path.equals("sendForm")) {
                            assertTrue(sent.get(0).bodyText().startsWith("prompt=%7B%22model%22"), "open sends the form as it was");
                            continue;
                        }
                        assertEquals("STATUS 200", printed.line(path, "STATUS"), path + " " + context);
                        assertArrayEquals((path.equals("giantGroups") ? giant : prompt).getBytes(StandardCharsets.UTF_8),
                                sent.get(0).body, path + ": open sends the original bytes");
                    }
                }
                String outcome = "closed".equals(policy) ? "not sent: " : "sent uninspected: ";
                assertEquals("closed".equals(policy) ? 5 : 4, printed.run.agentLines().stream().filter(l -> l.contains(outcome)).count(),
                        context);
                if ("closed".equals(policy)) {
                    assertTrue(printed.line("never", "ERROR").startsWith("ERROR java.io.IOException: veil: "), context);
                    assertTrue(got.stream().noneMatch(r -> r.path.startsWith("/never/")), context);
                    assertTrue(System.nanoTime() - t0 < 60_000_000_000L, "the never-ending body waited for the default deadline");
                }
                assertNoSecretIn(printed.run, key);
            }
        }
    }
}
