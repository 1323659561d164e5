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
import dev.veil.it.OtlpReceiver;
import dev.veil.it.TelemetryIT;
import dev.veil.it.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour every HTTP client must show under Veil, whichever client the app (or its SDK) uses. A
 * subclass names the client's test apps (each speaks the {@code test-app-protocol}: one per library
 * version, at least the oldest and the newest supported) and the JDKs to run them on. Each case runs an
 * unmodified app in a child JVM with the agent against one shared local server, several scenarios per
 * JVM, and asserts on what the server received, what the app printed (identical to a run without the
 * agent where the bytes must not change) and the agent's log (no planted value, every call ended once).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ClientConformanceIT {

    /** One build of a client test app: the library and version it uses, and its jar. */
    protected static final class ClientApp {
        final String label;
        final Path jar;

        public ClientApp(String label, Path jar) {
            this.label = label;
            this.jar = jar;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "/v1/chat/completions";
    private static final Pattern CALL_ENDED = Pattern.compile("\\[veil] DEBUG \\S+ \\S+ to 127\\.0\\.0\\.1: .*finding\\(s\\), status .*");
    private static final AtomicInteger TAGS = new AtomicInteger();

    /** The client's test apps, oldest supported version first. */
    protected abstract List<ClientApp> apps();

    /** The JDKs an app runs on; by default the one running the tests (17). */
    protected List<Jdks.Jdk> jdks(ClientApp app) {
        return List.of(Jdks.current());
    }

    /**
     * Whether the client lets Veil hold back a body the app streams without a length ({@code chunked}).
     * HttpURLConnection in a streaming mode writes straight to the socket: there the failure policy decides
     * (closed: the send fails with {@code veil: } and nothing reaches the server).
     */
    protected boolean holdsBackStreamedBodies() {
        return true;
    }

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

    Stream<Arguments> targets() {
        List<Arguments> args = new ArrayList<>();
        for (ClientApp app : apps()) {
            for (Jdks.Jdk jdk : jdks(app)) {
                args.add(Arguments.of(app, jdk));
            }
        }
        return args.stream();
    }

    /** A path prefix no other case uses, so each case finds its own requests on the shared server. */
    private static String tag() {
        return "/c" + TAGS.incrementAndGet();
    }

    private List<FakeLlmServer.Received> receivedUnder(String tag) {
        return server.received().stream().filter(r -> r.path.startsWith(tag + "/")).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("targets")
    void redactsOnEveryCallStyleAndLeavesOtherRequestsAlone(ClientApp app, Jdks.Jdk jdk) throws Exception {
        Jdks.assumeInstalled(jdk);
        TestSecrets secrets = new TestSecrets(app.label.hashCode());
        String key = secrets.openAiKey();
        String email = secrets.email();
        String prompt = chat("Mail " + email + " the key " + key + " please.");
        String t = tag();
        String other = t + "/internal/orders";
        Batch batch = new Batch(tmp)
                .add("sync", server.url(t + "/sync" + CHAT), "sync", prompt)
                .add("async", server.url(t + "/async" + CHAT), "async", prompt)
                .add("chunked", server.url(t + "/chunked" + CHAT), "chunked", prompt)
                .add("gzip", server.url(t + "/gzip" + CHAT), "gzip", prompt)
                .add("retry", server.url(t + "/flaky" + CHAT), "retry", prompt)
                .add("redirect307", server.url(t + "/redirect307" + CHAT), "sync", prompt)
                .add("redirect308", server.url(t + "/redirect308/r8" + CHAT), "sync", prompt)
                .add("noBuilder", server.url(t + "/plain" + CHAT), "plain", prompt)
                .add("concurrent", server.url(t + "/many" + CHAT), "concurrent-50", chat("Call #%i%: mail " + email + " key " + key))
                .add("other", server.url(other), "sync", prompt)
                .add("otherChunked", server.url(other), "chunked", prompt);
        Batch.Printed printed = batch.run(ChildJvm.on(jdk), app.jar);

        String[] ok = holdsBackStreamedBodies()
                ? new String[] {"sync", "async", "chunked", "gzip", "retry", "noBuilder", "other", "otherChunked"}
                : new String[] {"sync", "async", "gzip", "retry", "noBuilder", "other", "otherChunked"};
        if (!holdsBackStreamedBodies()) {
            assertTrue(printed.line("chunked", "ERROR").startsWith("ERROR java.io.IOException: veil: "), printed.run::toString);
        }
        for (String id : ok) {
            assertEquals("STATUS 200", printed.line(id, "STATUS"), id + ":\n" + printed.run);
            assertTrue(printed.line(id, "BODY").contains("chatcmpl-it"), id + ":\n" + printed.run);
        }
        // A client follows a 307/308 of a POST with the same body (2 requests) or, like OkHttp 3, hands the
        // redirect to the app (1 request); either way every request that left holds no secret.
        int hops = 0;
        for (String code : new String[] {"307", "308"}) {
            String status = printed.line("redirect" + code, "STATUS");
            assertTrue(status.equals("STATUS 200") || status.equals("STATUS " + code), printed.run::toString);
            hops += status.equals("STATUS 200") ? 2 : 1;
        }
        assertEquals("ATTEMPTS 2", printed.line("retry", "ATTEMPTS"), printed.run::toString);
        assertEquals("CONCURRENT ok=50", printed.line("concurrent", "CONCURRENT"), printed.run::toString);

        List<FakeLlmServer.Received> got = receivedUnder(t);
        int llm = 0;
        Set<String> callNumbers = new HashSet<>();
        for (FakeLlmServer.Received r : got) {
            if (r.path.startsWith(other)) {
                assertArrayEquals(prompt.getBytes(StandardCharsets.UTF_8), r.body, "a non-LLM request was changed");
                continue;
            }
            llm++;
            String text = r.decodedText();
            assertFalse(text.contains(key), "the key reached the server at " + r.path + ": " + text);
            assertFalse(text.contains(email), "the e-mail reached the server at " + r.path + ": " + text);
            JsonNode json = JSON.readTree(text);
            assertEquals("gpt-4o-mini", json.get("model").asText(), text);
            assertEquals("You are a careful assistant.", json.at("/messages/0/content").asText(), text);
            String content = json.at("/messages/1/content").asText();
            assertTrue(content.startsWith(r.path.contains("/many/") ? "Call #" : "Mail "), text);
            if (r.path.contains("/many/")) {
                callNumbers.add(content.substring(0, content.indexOf(':')));
            }
            String length = r.headers.getFirst("Content-length");
            if (length != null) {
                assertEquals(String.valueOf(r.body.length), length, "Content-Length of " + r.path);
            }
        }
        // sync, async, chunked, gzip, noBuilder, 2 attempts of retry, the redirects' hops, 50 concurrent calls
        assertEquals((holdsBackStreamedBodies() ? 5 : 4) + 2 + hops + 50, llm, () -> "LLM requests received: " + got.stream().map(r -> r.path).toList());
        assertEquals(50, callNumbers.size(), "each concurrent call kept its own prompt: " + callNumbers);
        assertEquals(2, got.size() - llm, "the two non-LLM requests");
        assertNoSecretIn(printed.run, key, email);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("targets")
    void streamsReachTheAppUnchangedAndEveryCallEnds(ClientApp app, Jdks.Jdk jdk) throws Exception {
        Jdks.assumeInstalled(jdk);
        TestSecrets secrets = new TestSecrets(app.label.hashCode() + 1);
        String email = secrets.email();
        String streamed = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"mail " + email + "\"}]}";
        String ollama = "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"mail " + email + "\"}]}";
        Batch.Printed plain = streams(tag(), streamed, ollama, email).run(ChildJvm.on(jdk).withoutAgent(), app.jar);
        String t = tag();
        Batch.Printed veiled = streams(t, streamed, ollama, email).run(ChildJvm.on(jdk).property("veil.log.level", "debug"), app.jar);

        assertTrue(plain.line("sse", "STREAM").length() > 100, plain.run::toString);
        assertTrue(plain.line("timeout", "ERROR").contains("imeout") || plain.line("timeout", "ERROR").contains("timed out"),
                plain.run::toString);
        for (String id : new String[] {"sse", "ndjson", "gzipSse", "otherStream", "earlyClose", "cancel", "abandon", "afterwards"}) {
            assertEquals(plain.of(id), veiled.of(id), () -> id + " differs with Veil:\n" + veiled.run + "\nwithout:\n" + plain.run);
        }
        // The same failure type; its message may vary between runs of the same client (OkHttp 3 races its
        // socket timeout against okio's watchdog).
        assertEquals(errorClass(plain.line("timeout", "ERROR")), errorClass(veiled.line("timeout", "ERROR")), veiled.run::toString);
        for (FakeLlmServer.Received r : receivedUnder(t)) {
            if (!r.path.contains("/internal/")) {
                assertFalse(r.decodedText().contains(email), "the e-mail reached the server at " + r.path);
            }
        }
        // Every LLM call of the run with Veil ended exactly once: 3 streams read to the end, an early
        // close, a cancel, an abandoned body, a timeout and the call after them; nothing dangles.
        List<String> ended = veiled.run.agentLines().stream().filter(l -> CALL_ENDED.matcher(l).matches()).toList();
        assertEquals(8, ended.size(), veiled.run::toString);
        assertEquals(4, ended.stream().filter(l -> l.contains(", ended by ")).count(), veiled.run::toString);
        assertTrue(ended.stream().anyMatch(l -> l.contains("model llama3.2")), veiled.run::toString);
        assertTrue(ended.stream().anyMatch(l -> l.contains("model gpt-4o-mini-2024-07-18")), veiled.run::toString);
        assertNoSecretIn(veiled.run, email);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("targets")
    void usageVeilAsksForNeverReachesTheApp(ClientApp app, Jdks.Jdk jdk) throws Exception {
        Jdks.assumeInstalled(jdk);
        String streamed = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
        String plainTag = tag();
        String t = tag();
        Batch.Printed plain = new Batch(tmp).add("sse", server.url(plainTag + CHAT), "stream", streamed)
                .run(ChildJvm.on(jdk).withoutAgent(), app.jar);
        Batch.Printed injected = new Batch(tmp).add("sse", server.url(t + CHAT), "stream", streamed)
                .run(ChildJvm.on(jdk).property("veil.stream.usage", "inject").property("veil.log.level", "debug"), app.jar);
        assertEquals(plain.of("sse"), injected.of("sse"), () -> "the app must read what it reads without Veil:\n" + injected.run);
        JsonNode sent = JSON.readTree(receivedUnder(t).get(0).body);
        if (filtersResponses()) {
            assertTrue(sent.at("/stream_options/include_usage").asBoolean(), sent::toString);
            assertTrue(injected.run.agentLines().stream().anyMatch(l -> l.contains("tokens in 9 out 2")), injected.run::toString);
        } else {
            assertTrue(sent.at("/stream_options").isMissingNode(), "Veil must not ask for what it cannot take out again: " + sent);
        }
    }

    /** Whether the client's glue can hand the app Veil's filtered response (and so lets Veil inject stream usage). */
    protected boolean filtersResponses() {
        return true;
    }

    private Batch streams(String t, String streamed, String ollama, String email) throws java.io.IOException {
        return new Batch(tmp)
                .add("sse", server.url(t + "/sse" + CHAT), "stream", streamed)
                .add("ndjson", server.url(t + "/api/chat"), "stream", ollama)
                .add("gzipSse", server.url(t + "/gzip" + CHAT), "stream", streamed)
                .add("otherStream", server.url(t + "/internal/feed"), "stream", streamed)
                .add("earlyClose", server.url(t + "/slow/a" + CHAT), "early-close", streamed)
                .add("cancel", server.url(t + "/slow/b" + CHAT), "cancel", streamed)
                .add("abandon", server.url(t + "/slow/c" + CHAT), "abandon", streamed)
                .add("timeout", server.url(t + "/stall" + CHAT), "timeout", streamed)
                .add("afterwards", server.url(t + "/after" + CHAT), "sync", chat("still fine, " + email));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("targets")
    void blockFailsTheCallTheClientsWayAndSendsNothing(ClientApp app, Jdks.Jdk jdk) throws Exception {
        Jdks.assumeInstalled(jdk);
        TestSecrets secrets = new TestSecrets(app.label.hashCode() + 2);
        String key = secrets.openAiKey();
        String email = secrets.email();
        String prompt = chat("key " + key + " for " + email);
        String t = tag();
        Batch batch = new Batch(tmp);
        for (String mode : new String[] {"sync", "async", "chunked", "stream"}) {
            batch.add(mode, server.url(t + CHAT), mode, prompt);
        }
        batch.add("other", server.url(t + "/internal/orders"), "sync", prompt);
        Batch.Printed printed = batch.run(ChildJvm.on(jdk).property("veil.prompt.mode", "block"), app.jar);
        for (String mode : new String[] {"sync", "async", "chunked", "stream"}) {
            String error = printed.line(mode, "ERROR");
            if ("chunked".equals(mode) && !holdsBackStreamedBodies()) {
                assertTrue(error.startsWith("ERROR java.io.IOException: veil: "), mode + ":\n" + printed.run);
                continue;
            }
            assertTrue(error.startsWith("ERROR java.io.IOException: veil: blocked"), mode + ":\n" + printed.run);
            assertTrue(error.contains("openai_api_key") && error.contains("email"), error);
        }
        assertEquals("STATUS 200", printed.line("other", "STATUS"), printed.run::toString);
        List<FakeLlmServer.Received> got = receivedUnder(t);
        assertEquals(1, got.size(), "only the non-LLM request reaches the server");
        assertTrue(got.get(0).path.contains("/internal/"));
        assertNoSecretIn(printed.run, key, email);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("targets")
    void auditAndOffSendThePromptUnchanged(ClientApp app, Jdks.Jdk jdk) throws Exception {
        Jdks.assumeInstalled(jdk);
        TestSecrets secrets = new TestSecrets(app.label.hashCode() + 3);
        String key = secrets.openAiKey();
        String email = secrets.email();
        String prompt = chat("key " + key + " for " + email);
        for (String mode : new String[] {"audit", "off"}) {
            String t = tag();
            Batch batch = new Batch(tmp)
                    .add("sync", server.url(t + CHAT), "sync", prompt)
                    .add("chunked", server.url(t + CHAT), "chunked", prompt);
            Batch.Printed printed = batch.run(ChildJvm.on(jdk).property("veil.prompt.mode", mode), app.jar);
            boolean chunkedSent = holdsBackStreamedBodies() || "off".equals(mode);
            assertEquals("STATUS 200", printed.line("sync", "STATUS"), printed.run::toString);
            if (chunkedSent) {
                assertEquals("STATUS 200", printed.line("chunked", "STATUS"), printed.run::toString);
            } else {
                // audit cannot see a streamed body: the failure policy (closed) fails it
                assertTrue(printed.line("chunked", "ERROR").startsWith("ERROR java.io.IOException: veil: "), printed.run::toString);
            }
            List<FakeLlmServer.Received> got = receivedUnder(t);
            assertEquals(chunkedSent ? 2 : 1, got.size());
            for (FakeLlmServer.Received r : got) {
                assertArrayEquals(prompt.getBytes(StandardCharsets.UTF_8), r.body, mode + " changed the prompt");
            }
            List<String> audit = printed.run.agentLines().stream().filter(l -> l.contains("audit:")).toList();
            assertEquals("audit".equals(mode) ? (chunkedSent ? 2 : 1) : 0, audit.size(), printed.run::toString);
            audit.forEach(l -> assertTrue(l.contains("openai_api_key x1") && l.contains("email"), l));
            assertNoSecretIn(printed.run, key, email);
        }
    }

    /** Engine faults the testing-only seam injects ({@code VEIL_TEST_FAULT(kind)} in a prompt string). */
    private static final String[] ENGINE_FAULTS = {"runtime", "oom", "stackoverflow", "linkage"};

    /**
     * Veil failing inside the app, on every call style, through the testing-only fault injection
     * ({@code -Ddev.veil.testing.faults}): the engine throws (RuntimeException, OutOfMemoryError,
     * StackOverflowError, NoClassDefFoundError) on sync, async and streamed calls, a body 16x over the cap,
     * a slow engine, a response parser that throws (JSON and SSE), a never-ending stream cancelled, a
     * thread interrupted before and during the call. {@code closed}: the call fails with {@code veil: …} and
     * nothing reaches the server; {@code open}: the original bytes are sent and the failure is in the agent
     * log and the audit file. Either way the app keeps running and no planted value appears in any output.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("targets")
    void faultsFollowThePolicyTheAppKeepsRunningAndNothingLeaks(ClientApp app, Jdks.Jdk jdk) throws Exception {
        Jdks.assumeInstalled(jdk);
        TestSecrets secrets = new TestSecrets(app.label.hashCode() + 4);
        String key = secrets.openAiKey();
        String email = secrets.email();
        for (String policy : new String[] {"closed", "open"}) {
            String t = tag();
            Path audit = tmp.resolve("audit" + t.substring(2) + ".jsonl");
            Map<String, String> failing = new LinkedHashMap<>();
            Batch batch = new Batch(tmp);
            for (String kind : ENGINE_FAULTS) {
                failing.put("sync-" + kind, chat("VEIL_TEST_FAULT(" + kind + ") key " + key + " for " + email));
                batch.add("sync-" + kind, server.url(t + "/sync-" + kind + CHAT), "sync", failing.get("sync-" + kind));
            }
            failing.put("async-oom", chat("VEIL_TEST_FAULT(oom) key " + key + " for " + email));
            batch.add("async-oom", server.url(t + "/async-oom" + CHAT), "async", failing.get("async-oom"));
            failing.put("stream-runtime", "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"VEIL_TEST_FAULT(runtime) mail " + email + "\"}]}");
            batch.add("stream-runtime", server.url(t + "/stream-runtime" + CHAT), "stream", failing.get("stream-runtime"));
            failing.put("giant", chat("word ".repeat(200_000) + "key " + key)); // 1 MB against a 64 KiB cap
            batch.add("giant", server.url(t + "/giant" + CHAT), "sync", failing.get("giant"));
            String streamed = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"mail "
                    + email + "\"}]}";
            batch.add("slowEngine", server.url(t + "/slow-engine" + CHAT), "sync", chat("VEIL_TEST_FAULT(slow) key " + key + " for " + email))
                    .add("parser", server.url(t + "/parser-fault" + CHAT), "sync", chat("hello " + email))
                    .add("parserStream", server.url(t + "/parser-fault/s" + CHAT), "stream", streamed)
                    // cancelled, not closed: closing a classic Apache stream drains it, which a never-ending one never allows
                    .add("endless", server.url(t + "/endless" + CHAT), "cancel", streamed)
                    .add("interrupted", server.url(t + "/interrupted" + CHAT), "interrupted", chat("key " + key + " for " + email))
                    .add("interruptLate", server.url(t + "/interrupt-late" + CHAT), "interrupt-late",
                            chat("VEIL_TEST_FAULT(slow) key " + key + " for " + email))
                    .add("afterwards", server.url(t + "/after" + CHAT), "sync", chat("still fine, " + email));
            Batch.Printed printed = batch.run(ChildJvm.on(jdk).property("dev.veil.testing.faults", "inject-faults-in-tests-only")
                    .property("veil.failure", policy).property("veil.prompt.max-bytes", "64KiB")
                    .property("veil.audit.file", audit.toString()).property("veil.log.level", "debug"), app.jar);
            String context = policy + ":\n" + printed.run;
            List<FakeLlmServer.Received> got = receivedUnder(t);
            for (Map.Entry<String, String> f : failing.entrySet()) {
                String id = f.getKey();
                List<FakeLlmServer.Received> sent = got.stream().filter(r -> r.path.startsWith(t + "/" + id + "/")).toList();
                if ("closed".equals(policy)) {
                    String error = printed.line(id, "ERROR");
                    assertTrue(error.startsWith("ERROR java.io.IOException: veil: " + (id.equals("giant")
                            ? "the request body is larger than veil.prompt.max-bytes" : "the prompt could not be inspected")),
                            id + " " + context);
                    assertEquals(0, sent.size(), id + ": nothing may be sent under veil.failure=closed");
                } else {
                    assertEquals("STATUS 200", printed.line(id, "STATUS"), id + " " + context);
                    assertFalse(sent.isEmpty(), id);
                    sent.forEach(r -> assertArrayEquals(f.getValue().getBytes(StandardCharsets.UTF_8), r.decodedBody(),
                            id + ": open sends the original bytes"));
                }
            }
            // The app kept running: a slow engine, broken parsers, a never-ending stream and the calls after the faults.
            assertEquals("STATUS 200", printed.line("slowEngine", "STATUS"), context);
            assertEquals("STATUS 200", printed.line("parser", "STATUS"), context);
            assertTrue(printed.line("parser", "BODY").contains("chatcmpl-it"), context);
            assertEquals("STATUS 200", printed.line("parserStream", "STATUS"), context);
            assertTrue(new String(java.util.Base64.getDecoder().decode(printed.line("parserStream", "STREAM").substring(7)),
                    StandardCharsets.UTF_8).endsWith("data: [DONE]\n\n"), context);
            // the client's own reaction to a cancel: the stream ends, or (Apache classic) the read or close fails
            List<String> endless = printed.of("endless");
            assertTrue(endless.contains("STATUS 200") && (endless.contains("CANCELLED")
                    || endless.stream().anyMatch(l -> l.startsWith("ERROR java.net.SocketException"))), context);
            assertEquals("INTERRUPTED", printed.line("interrupted", "INTERRUPTED"), context);
            assertEquals("INTERRUPTED", printed.line("interruptLate", "INTERRUPTED"), context);
            assertEquals("STATUS 200", printed.line("afterwards", "STATUS"), context);
            // Only the fault paths may carry the planted values (open sends them, by policy); nothing else does.
            for (FakeLlmServer.Received r : got) {
                boolean faultPath = failing.keySet().stream().anyMatch(id -> r.path.startsWith(t + "/" + id + "/"));
                if (!("open".equals(policy) && faultPath)) {
                    assertFalse(r.decodedText().contains(key) || r.decodedText().contains(email), "leaked to " + r.path);
                }
            }
            String outcome = "closed".equals(policy) ? "not sent: " : "sent uninspected: ";
            long logged = printed.run.agentLines().stream().filter(l -> l.contains(outcome)).count();
            assertTrue(logged >= failing.size(), "every fault is in the agent log (" + logged + "): " + context);
            assertTrue(printed.run.stderr.contains("TESTING fault injection is ON"), context);
            List<String> lines = java.nio.file.Files.readAllLines(audit);
            assertEquals(ENGINE_FAULTS.length + 2, lines.stream().filter(l -> l.contains("\"veil_error\":\"the prompt could not be inspected")).count(),
                    () -> "audit:\n" + String.join("\n", lines));
            assertEquals(1, lines.stream().filter(l -> l.contains("\"veil_error\":\"the request body is larger than veil.prompt.max-bytes")).count(),
                    () -> "audit:\n" + String.join("\n", lines));
            // The two calls whose parser threw still ended and were reported once, without response facts.
            assertEquals(2, lines.stream().filter(l -> l.contains("\"status\":200") && !l.contains("\"response_model\"")
                    && !l.contains("\"error\"")).count(), () -> "audit:\n" + String.join("\n", lines));
            for (String line : lines) {
                assertFalse(line.contains(key) || line.contains(email), line);
                JSON.readTree(line);
            }
            assertNoSecretIn(printed.run, key, email);
        }
    }

    /**
     * With {@code veil.otel.propagate} the client sends the {@code traceparent} of Veil's span (the verdict's
     * extra header); without it nothing is added. Sync and async calls.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("targets")
    void propagatesTraceContextOnlyWhenAsked(ClientApp app, Jdks.Jdk jdk) throws Exception {
        Jdks.assumeInstalled(jdk);
        String prompt = chat("Say hello.");
        for (boolean propagate : new boolean[] {true, false}) {
            String t = tag();
            Batch batch = new Batch(tmp)
                    .add("sync", server.url(t + CHAT), "sync", prompt)
                    .add("async", server.url(t + CHAT), "async", prompt);
            try (OtlpReceiver otlp = new OtlpReceiver()) {
                Batch.Printed printed = batch.run(TelemetryIT.withTelemetry(ChildJvm.on(jdk), otlp)
                        .property("veil.otel.propagate", String.valueOf(propagate)), app.jar);
                assertEquals("STATUS 200", printed.line("sync", "STATUS"), printed.run::toString);
                assertEquals("STATUS 200", printed.line("async", "STATUS"), printed.run::toString);
                List<FakeLlmServer.Received> got = receivedUnder(t);
                assertEquals(2, got.size(), printed.run::toString);
                for (FakeLlmServer.Received r : got) {
                    String header = r.headers.getFirst("traceparent");
                    if (propagate) {
                        assertTrue(header != null && TRACEPARENT.matcher(header).matches(),
                                "no traceparent sent: " + header + "\n" + printed.run);
                    } else {
                        assertEquals(null, header, "a traceparent was added without veil.otel.propagate");
                    }
                }
            }
        }
    }

    private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private static String errorClass(String errorLine) {
        return errorLine.substring(0, errorLine.indexOf(':'));
    }

    /** An OpenAI chat body with a system message and {@code userText} as the user's message. */
    static String chat(String userText) {
        return "{\"model\":\"gpt-4o-mini\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"You are a careful assistant.\"},"
                + "{\"role\":\"user\",\"content\":\"" + userText + "\"}],\"temperature\":0.2}";
    }

    /** The canary rule: neither the agent's log nor anything the app printed holds a planted value. */
    static void assertNoSecretIn(ChildJvm.Result run, String... values) {
        for (String v : values) {
            assertFalse(run.stderr.contains(v), "a planted value appeared on stderr:\n" + run);
            assertFalse(run.stdout.contains(v), "a planted value appeared on stdout:\n" + run);
        }
    }

    /** A test-app jar under {@code test-apps/<app>/target/}. */
    protected static Path appJar(String app, String jar) {
        return ChildJvm.testAppJar(app, jar);
    }
}
