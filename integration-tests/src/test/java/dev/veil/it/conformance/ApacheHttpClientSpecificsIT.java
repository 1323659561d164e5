package dev.veil.it.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.it.ChildJvm;
import dev.veil.it.FakeLlmServer;
import dev.veil.it.Jdks;
import dev.veil.it.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the shared suite does not reach in the Apache clients, at both ends of each version range:
 * stream-usage injection undone in classic response streams, the HttpClient 5 async API beyond
 * {@code SimpleHttpRequest} ({@code AsyncRequestBuilder}, a streaming response consumer), the client's own
 * retries (which must resend the redacted body, and only when they would without Veil), and a one-shot
 * async request body, which Veil cannot read without consuming it, following the failure policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApacheHttpClientSpecificsIT {

    private static final String CHAT = "/v1/chat/completions";
    private static final Pattern CALL_ENDED = Pattern.compile("\\[veil] DEBUG \\S+ \\S+ to 127\\.0\\.0\\.1: .*finding\\(s\\), status .*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TAGS = new AtomicInteger();

    private FakeLlmServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    void startServer() throws Exception {
        server = new FakeLlmServer();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    static Stream<ClientConformanceIT.ClientApp> classicApps() {
        return Stream.concat(new ApacheHttpClient4ConformanceIT().apps().stream(), async5Apps());
    }

    static Stream<ClientConformanceIT.ClientApp> async5Apps() {
        return new ApacheHttpClient5ConformanceIT().apps().stream();
    }

    private static String tag() {
        return "/a" + TAGS.incrementAndGet();
    }

    private List<FakeLlmServer.Received> receivedUnder(String tag) {
        return server.received().stream().filter(r -> r.path.startsWith(tag + "/")).collect(Collectors.toList());
    }

    private static String streaming(String email) {
        return "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"mail " + email + "\"}]}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classicApps")
    void usageVeilAsksForNeverReachesAClassicStream(ClientConformanceIT.ClientApp app) throws Exception {
        String email = new TestSecrets(app.label.hashCode() + 7).email();
        String body = streaming(email);
        Batch.Printed plain = new Batch(tmp).add("sse", server.url(tag() + CHAT), "stream", body)
                .run(ChildJvm.on(Jdks.current()).withoutAgent(), app.jar);
        String t = tag();
        Batch.Printed injected = new Batch(tmp).add("sse", server.url(t + CHAT), "stream", body)
                .run(ChildJvm.on(Jdks.current()).property("veil.log.level", "debug").property("veil.stream.usage", "inject"), app.jar);

        assertTrue(plain.line("sse", "STREAM").length() > 100, plain.run::toString);
        assertEquals(plain.of("sse"), injected.of("sse"), () -> "the app saw the usage Veil asked for:\n" + injected.run);
        FakeLlmServer.Received sent = receivedUnder(t).get(0);
        assertTrue(JSON.readTree(sent.body).at("/stream_options/include_usage").asBoolean(), sent.bodyText());
        assertFalse(sent.bodyText().contains(email));
        assertTrue(injected.run.agentLines().stream().anyMatch(l -> l.contains("tokens in 9 out 2")), injected.run::toString);
        ClientConformanceIT.assertNoSecretIn(injected.run, email);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classicApps")
    void theMinimalAndLegacyClientsAreCoveredToo(ClientConformanceIT.ClientApp app) throws Exception {
        TestSecrets secrets = new TestSecrets(app.label.hashCode() + 11);
        String email = secrets.email();
        String prompt = ClientConformanceIT.chat("Mail " + email);
        String t = tag();
        Batch batch = new Batch(tmp).add("minimal", server.url(t + "/m" + CHAT), "minimal", prompt);
        boolean v4 = app.label.startsWith("httpclient-4");
        if (v4) {
            batch.add("legacy", server.url(t + "/l" + CHAT), "legacy", prompt);
        }
        Batch.Printed printed = batch.run(ChildJvm.on(Jdks.current()).property("veil.log.level", "debug"), app.jar);
        assertEquals("STATUS 200", printed.line("minimal", "STATUS"), printed.run::toString);
        if (v4) {
            assertEquals("STATUS 200", printed.line("legacy", "STATUS"), printed.run::toString);
        }
        List<FakeLlmServer.Received> got = receivedUnder(t);
        assertEquals(v4 ? 2 : 1, got.size());
        for (FakeLlmServer.Received r : got) {
            assertTrue(r.bodyText().contains("[[VEIL:EMAIL_ADDRESS_1]]") && !r.bodyText().contains(email), r.bodyText());
        }
        long ended = printed.run.agentLines().stream().filter(l -> CALL_ENDED.matcher(l).matches() && !l.contains("ended by")).count();
        assertEquals(v4 ? 2 : 1, ended, printed.run::toString);
        ClientConformanceIT.assertNoSecretIn(printed.run, email);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("async5Apps")
    void theAsyncBuilderAndAStreamingConsumerAreRedactedAndTeed(ClientConformanceIT.ClientApp app) throws Exception {
        TestSecrets secrets = new TestSecrets(app.label.hashCode() + 8);
        String email = secrets.email();
        String key = secrets.openAiKey();
        Batch.Printed plain = asyncBatch(tag(), email, key).run(ChildJvm.on(Jdks.current()).withoutAgent(), app.jar);
        String t = tag();
        Batch.Printed veiled = asyncBatch(t, email, key).run(ChildJvm.on(Jdks.current()).property("veil.log.level", "debug"), app.jar);

        assertEquals("STATUS 200", veiled.line("builder", "STATUS"), veiled.run::toString);
        String stream = new String(java.util.Base64.getDecoder().decode(plain.line("stream", "BODY").substring(5)), StandardCharsets.UTF_8);
        assertTrue(stream.contains("data: [DONE]"), plain.run::toString);
        assertEquals(plain.of("stream"), veiled.of("stream"), () -> "the stream differs with Veil:\n" + veiled.run);
        List<FakeLlmServer.Received> got = receivedUnder(t);
        assertEquals(2, got.size());
        for (FakeLlmServer.Received r : got) {
            assertFalse(r.bodyText().contains(email) || r.bodyText().contains(key), r.bodyText());
            assertTrue(r.bodyText().contains("[[VEIL:EMAIL_ADDRESS_1]]"), r.bodyText());
        }
        List<String> ended = veiled.run.agentLines().stream().filter(l -> CALL_ENDED.matcher(l).matches()).collect(Collectors.toList());
        assertEquals(2, ended.size(), veiled.run::toString);
        assertTrue(ended.stream().noneMatch(l -> l.contains(", ended by ")), veiled.run::toString);
        assertTrue(ended.stream().allMatch(l -> l.contains("model gpt-4o-mini-2024-07-18")), veiled.run::toString);
        ClientConformanceIT.assertNoSecretIn(veiled.run, email, key);
    }

    private Batch asyncBatch(String t, String email, String key) throws java.io.IOException {
        return new Batch(tmp)
                .add("builder", server.url(t + "/b" + CHAT), "async-builder", ClientConformanceIT.chat("Mail " + email + " the key " + key))
                .add("stream", server.url(t + "/s" + CHAT), "async-stream", streaming(email));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("async5Apps")
    void theClientsOwnRetriesResendTheRedactedBodyAndOnlyWhenTheyWouldHaveAnyway(ClientConformanceIT.ClientApp app)
            throws Exception {
        String email = new TestSecrets(app.label.hashCode() + 10).email();
        String prompt = ClientConformanceIT.chat("Mail " + email);
        Batch.Printed plain = retries(tag(), prompt).run(ChildJvm.on(Jdks.current()).withoutAgent(), app.jar);
        String t = tag();
        Batch.Printed veiled = retries(t, prompt).run(ChildJvm.on(Jdks.current()), app.jar);

        // HttpClient 5 retries a 503 itself, but not with a body it cannot send twice.
        assertEquals("STATUS 200", plain.line("repeatable", "STATUS"), plain.run::toString);
        assertEquals("STATUS 503", plain.line("oneShot", "STATUS"), plain.run::toString);
        assertEquals(plain.of("repeatable"), veiled.of("repeatable"), veiled.run::toString);
        assertEquals(plain.of("oneShot"), veiled.of("oneShot"), veiled.run::toString);
        List<FakeLlmServer.Received> got = receivedUnder(t);
        assertEquals(2, got.stream().filter(r -> r.path.contains("/r/")).count(), "the client's retry went out");
        assertEquals(1, got.stream().filter(r -> r.path.contains("/o/")).count(), "no retry of a one-shot body");
        for (FakeLlmServer.Received r : got) {
            assertTrue(r.bodyText().contains("[[VEIL:EMAIL_ADDRESS_1]]") && !r.bodyText().contains(email), r.bodyText());
        }
    }

    private Batch retries(String t, String prompt) throws java.io.IOException {
        return new Batch(tmp)
                .add("repeatable", server.url(t + "/flaky/r" + CHAT), "builtin-retry", prompt)
                .add("oneShot", server.url(t + "/flaky/o" + CHAT), "builtin-retry-oneshot", prompt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("async5Apps")
    void aOneShotAsyncBodyFollowsTheFailurePolicyAndBlockSendsNothing(ClientConformanceIT.ClientApp app) throws Exception {
        String email = new TestSecrets(app.label.hashCode() + 9).email();
        String prompt = ClientConformanceIT.chat("Mail " + email);

        String closed = tag();
        Batch.Printed failedClosed = new Batch(tmp).add("oneshot", server.url(closed + CHAT), "async-oneshot", prompt)
                .run(ChildJvm.on(Jdks.current()), app.jar);
        assertTrue(failedClosed.line("oneshot", "ERROR").startsWith("ERROR java.io.IOException: veil: "), failedClosed.run::toString);
        assertEquals(0, receivedUnder(closed).size(), "nothing is sent when the body cannot be inspected");

        String open = tag();
        Batch.Printed failedOpen = new Batch(tmp).add("oneshot", server.url(open + CHAT), "async-oneshot", prompt)
                .run(ChildJvm.on(Jdks.current()).property("veil.failure", "open"), app.jar);
        assertEquals("STATUS 200", failedOpen.line("oneshot", "STATUS"), failedOpen.run::toString);
        assertArrayEquals(prompt.getBytes(StandardCharsets.UTF_8), receivedUnder(open).get(0).body,
                "failure=open sends the one-shot body as the app produced it");

        String blocked = tag();
        Batch.Printed block = new Batch(tmp).add("builder", server.url(blocked + CHAT), "async-builder", prompt)
                .run(ChildJvm.on(Jdks.current()).property("veil.prompt.mode", "block"), app.jar);
        assertTrue(block.line("builder", "ERROR").startsWith("ERROR java.io.IOException: veil: blocked"), block.run::toString);
        assertTrue(block.line("builder", "ERROR").contains("email"), block.run::toString);
        assertEquals(0, receivedUnder(blocked).size());
        ClientConformanceIT.assertNoSecretIn(failedClosed.run, email);
        ClientConformanceIT.assertNoSecretIn(block.run, email);
    }
}
