package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opt-in OpenTelemetry: what a real OTLP/HTTP receiver gets from a child JVM running an unmodified app
 * against each provider's wire format — GenAI spans and metrics per the conventions, content only when
 * asked and always redacted, one trace with the caller's {@code traceparent} — and that nothing at all is
 * exported, or even loaded, without the opt-in.
 */
public class TelemetryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path APP = ChildJvm.testAppJar("jdk-httpclient-app", "jdk-httpclient-app.jar");
    public static final String SCOPE = "dev.veil";

    static final List<Double> DURATION_BUCKETS = Arrays.asList(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56,
            5.12, 10.24, 20.48, 40.96, 81.92);
    static final List<Double> TOKEN_BUCKETS = Arrays.asList(1.0, 4.0, 16.0, 64.0, 256.0, 1024.0, 4096.0, 16384.0,
            65536.0, 262144.0, 1048576.0, 4194304.0, 16777216.0, 67108864.0);

    @TempDir
    Path tmp;

    /** One provider call and what its span must say. */
    static final class Case {
        final String name;
        final String path;
        final String how;
        final String body;
        final FakeLlmServer.Reply reply;
        final String operation;
        final String provider;
        final String requestModel;
        final String responseModel;
        final String responseId;
        final String finishReason;
        final long inputTokens;
        final long outputTokens;
        final boolean stream;
        final boolean hasSystemInstructions;

        Case(String name, String path, String how, String body, FakeLlmServer.Reply reply, String operation, String provider,
             String requestModel, String responseModel, String responseId, String finishReason, long inputTokens,
             long outputTokens, boolean stream, boolean hasSystemInstructions) {
            this.name = name;
            this.path = path;
            this.how = how;
            this.body = body;
            this.reply = reply;
            this.operation = operation;
            this.provider = provider;
            this.requestModel = requestModel;
            this.responseModel = responseModel;
            this.responseId = responseId;
            this.finishReason = finishReason;
            this.inputTokens = inputTokens;
            this.outputTokens = outputTokens;
            this.stream = stream;
            this.hasSystemInstructions = hasSystemInstructions;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The canary prompt text: an OpenAI-key-shaped secret and an e-mail address, generated per run. */
    static final TestSecrets SECRETS = new TestSecrets(6006);
    static final String KEY = SECRETS.openAiKey();
    static final String EMAIL = SECRETS.email();
    static final String PROMPT = "Mail " + EMAIL + " that the key " + KEY + " is rotated.";

    static Stream<Case> providers() {
        return Stream.of(
                new Case("openai chat", "/v1/chat/completions", "send",
                        "{\"model\":\"gpt-4o-mini\",\"temperature\":0.3,\"max_tokens\":100,\"seed\":7,\"messages\":["
                                + "{\"role\":\"system\",\"content\":\"Be brief.\"},"
                                + "{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}",
                        null, "chat", "openai", "gpt-4o-mini", "gpt-4o-mini-2024-07-18", "chatcmpl-it", "stop", 12, 2,
                        false, false),
                new Case("openai chat stream", "/v1/chat/completions", "stream",
                        "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}",
                        null, "chat", "openai", "gpt-4o-mini", "gpt-4o-mini-2024-07-18", "chatcmpl-stream", "stop", 9, 2,
                        true, false),
                new Case("openai responses", "/v1/responses", "send",
                        "{\"model\":\"gpt-4.1-mini\",\"instructions\":\"Answer briefly.\",\"max_output_tokens\":200,"
                                + "\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"" + PROMPT + "\"}]}]}",
                        new FakeLlmServer.Reply(200, "application/json", ProviderReplies.OPENAI_RESPONSES),
                        "chat", "openai", "gpt-4.1-mini", "gpt-4.1-mini-2025-04-14",
                        "resp_0c1f5e2d9a7b4c3e8f6a1b2c3d4e5f60", null, 57, 21, false, true),
                new Case("anthropic stream", "/v1/messages", "stream",
                        "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,\"stream\":true,\"system\":\"Be brief.\","
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}",
                        ProviderReplies.ANTHROPIC_STREAM, "chat", "anthropic", "claude-sonnet-4-5",
                        "claude-sonnet-4-5-20250929", "msg_01XFDUDYJgAACzvnptvVoYEL", "end_turn", 41 + 12 + 30, 9,
                        true, true),
                new Case("gemini", "/v1beta/models/gemini-2.5-flash:generateContent", "send",
                        "{\"systemInstruction\":{\"parts\":[{\"text\":\"Be brief.\"}]},\"contents\":[{\"role\":\"user\","
                                + "\"parts\":[{\"text\":\"" + PROMPT + "\"}]}],\"generationConfig\":{\"temperature\":0.5,"
                                + "\"maxOutputTokens\":128}}",
                        new FakeLlmServer.Reply(200, "application/json", ProviderReplies.GEMINI),
                        "generate_content", "gcp.gen_ai", "gemini-2.5-flash", "gemini-2.5-flash", "bW9ja1Jlc3BvbnNlSWQx",
                        "STOP", 33, 6 + 10, false, true),
                new Case("bedrock converse", "/model/amazon.nova-lite-v1:0/converse", "send",
                        "{\"system\":[{\"text\":\"Be brief.\"}],\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\""
                                + PROMPT + "\"}]}],\"inferenceConfig\":{\"maxTokens\":64,\"temperature\":0.1}}",
                        new FakeLlmServer.Reply(200, "application/json", ProviderReplies.BEDROCK_CONVERSE),
                        "chat", "aws.bedrock", "amazon.nova-lite-v1:0", null, null, "end_turn", 25, 4, false, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void exportsGenAiSpanAndMetricsWithRedactedContent(Case c) throws Exception {
        assertExports(Jdks.current(), c);
    }

    static Stream<Jdks.Jdk> jdks() {
        return Jdks.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void exportsAStreamedCallOnEveryJdk(Jdks.Jdk jdk) throws Exception {
        Jdks.assumeInstalled(jdk);
        assertExports(jdk, providers().filter(c -> c.name.equals("anthropic stream")).findFirst().orElseThrow());
    }

    private void assertExports(Jdks.Jdk jdk, Case c) throws Exception {
        try (FakeLlmServer llm = new FakeLlmServer(); OtlpReceiver otlp = new OtlpReceiver()) {
            if (c.reply != null) {
                llm.reply(c.path, c.reply);
            }
            ChildJvm.Result run = withTelemetry(ChildJvm.on(jdk), otlp)
                    .env("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "true")
                    .runJar(APP, llm.url(c.path), c.how, body(c.body).toString());
            assertEquals("STATUS 200", run.line("STATUS"), run::toString);
            assertFalse(llm.only().bodyText().contains(EMAIL), "the prompt was not redacted");

            OtlpReceiver.ReceivedSpan s = onlyVeilSpan(otlp, run);
            assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, s.span.getKind());
            assertEquals(c.operation + " " + c.requestModel, s.span.getName());
            assertEquals(c.operation, s.string("gen_ai.operation.name"));
            assertEquals(c.provider, s.string("gen_ai.provider.name"));
            assertEquals(c.requestModel, s.string("gen_ai.request.model"));
            assertEquals("127.0.0.1", s.string("server.address"));
            assertEquals(llm.port(), s.number("server.port").intValue());
            assertEquals(c.stream, s.attr("gen_ai.request.stream").getBoolValue());
            assertEquals(c.responseModel, s.string("gen_ai.response.model"));
            assertEquals(c.responseId, s.string("gen_ai.response.id"));
            if (c.finishReason != null) {
                assertEquals(c.finishReason, s.attr("gen_ai.response.finish_reasons").getArrayValue().getValues(0).getStringValue());
            }
            assertEquals(c.inputTokens, s.number("gen_ai.usage.input_tokens"), s::toString);
            assertEquals(c.outputTokens, s.number("gen_ai.usage.output_tokens"), s::toString);
            assertEquals("redacted", s.string("veil.action"));
            assertEquals(2L, s.number("veil.redaction.count"));
            assertEquals(List.of("email_address", "openai_api_key"), strings(s.attr("veil.redaction.types")));
            assertNull(s.attr("error.type"));
            if (c.stream) {
                assertTrue(s.attr("gen_ai.response.time_to_first_chunk").getDoubleValue() > 0, s::toString);
            }
            assertEquals("veil-it", resource(s, "service.name"));
            assertEquals("it", resource(s, "deployment.environment.name"));

            // Content: JSON in the published message schema, redacted.
            JsonNode input = JSON.readTree(s.string("gen_ai.input.messages"));
            JsonNode user = input.get(input.size() - 1);
            assertEquals("user", user.get("role").asText(), input::toString);
            assertEquals("text", user.at("/parts/0/type").asText());
            assertTrue(user.at("/parts/0/content").asText().contains("[[VEIL:EMAIL_ADDRESS_1]]"), input::toString);
            JsonNode output = JSON.readTree(s.string("gen_ai.output.messages"));
            assertEquals("assistant", output.at("/0/role").asText());
            assertFalse(output.at("/0/parts/0/content").asText().isEmpty(), output::toString);
            assertTrue(output.at("/0/finish_reason").isTextual(), output::toString);
            if (c.hasSystemInstructions) {
                JsonNode system = JSON.readTree(s.string("gen_ai.system_instructions"));
                assertEquals("text", system.at("/0/type").asText(), system::toString);
            }

            Metric usage = otlp.metric("gen_ai.client.token.usage");
            assertNotNull(usage, () -> "no token usage metric; got " + otlp.metrics().size() + " metrics\n" + run);
            assertEquals("{token}", usage.getUnit());
            assertEquals(TOKEN_BUCKETS, usage.getHistogram().getDataPoints(0).getExplicitBoundsList());
            assertEquals(c.inputTokens, tokenSum(usage, "input"));
            assertEquals(c.outputTokens, tokenSum(usage, "output"));
            Metric duration = otlp.metric("gen_ai.client.operation.duration");
            assertEquals("s", duration.getUnit());
            HistogramDataPoint d = duration.getHistogram().getDataPoints(0);
            assertEquals(DURATION_BUCKETS, d.getExplicitBoundsList());
            assertEquals(c.provider, OtlpReceiver.attr(d.getAttributesList(), "gen_ai.provider.name").getStringValue());
            assertEquals(1L, redactions(otlp, "email_address"));
            assertEquals(1L, redactions(otlp, "openai_api_key"));
            if (c.stream) {
                assertNotNull(otlp.metric("gen_ai.client.operation.time_to_first_chunk"));
                assertNotNull(otlp.metric("gen_ai.client.operation.time_per_output_chunk"));
            }
            assertEquals("it-secret-header", otlp.requestHeaders().get(0).getFirst("X-It-Header"));
            assertNoCanaryExported(otlp);
        }
    }

    @Test
    void nothingIsLoadedOrExportedWithoutOptIn() throws Exception {
        try (FakeLlmServer llm = new FakeLlmServer(); OtlpReceiver otlp = new OtlpReceiver()) {
            Path classLog = tmp.resolve("classes.log");
            ChildJvm.Result run = ChildJvm.on(Jdks.current())
                    .env("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.endpoint())
                    .env("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", "true")
                    .jvmArg("-Xlog:class+load=info:file=" + classLog)
                    .runJar(APP, llm.url("/v1/chat/completions"), "send", chatBody().toString());
            assertEquals("STATUS 200", run.line("STATUS"), run::toString);
            assertTrue(run.agentLines().stream().anyMatch(l -> l.contains("telemetry off")), run::toString);
            Thread.sleep(500);
            assertTrue(otlp.raw().isEmpty(), "exported without veil.otel.enabled");
            String loaded = Files.readString(classLog);
            assertTrue(loaded.contains("dev.veil.bootstrap.Veil "), "the class log does not show Veil's classes");
            assertFalse(loaded.contains("shaded.otel"), "OpenTelemetry classes were loaded without the opt-in");
            assertFalse(loaded.contains("dev.veil.agent.telemetry.GenAi"), "telemetry classes were loaded without the opt-in");
        }
    }

    @Test
    void withoutCaptureNoContentIsExported() throws Exception {
        try (FakeLlmServer llm = new FakeLlmServer(); OtlpReceiver otlp = new OtlpReceiver()) {
            ChildJvm.Result run = withTelemetry(ChildJvm.on(Jdks.current()), otlp)
                    .runJar(APP, llm.url("/v1/chat/completions"), "send", chatBody().toString());
            OtlpReceiver.ReceivedSpan s = onlyVeilSpan(otlp, run);
            assertNull(s.attr("gen_ai.input.messages"));
            assertNull(s.attr("gen_ai.output.messages"));
            String exported = otlp.raw().stream().map(b -> new String(b, StandardCharsets.UTF_8)).collect(Collectors.joining());
            assertFalse(exported.contains("VEIL:EMAIL"), "content was exported without OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT");
            assertNoCanaryExported(otlp);
        }
    }

    @Test
    void auditModeContentIsStillRedacted() throws Exception {
        try (FakeLlmServer llm = new FakeLlmServer(); OtlpReceiver otlp = new OtlpReceiver()) {
            ChildJvm.Result run = withTelemetry(ChildJvm.on(Jdks.current()), otlp)
                    .property("veil.prompt.mode", "audit")
                    .property("otel.instrumentation.genai.capture-message-content", "true")
                    .runJar(APP, llm.url("/v1/chat/completions"), "send", chatBody().toString());
            assertTrue(llm.only().bodyText().contains(EMAIL), "audit sends the prompt unchanged");
            OtlpReceiver.ReceivedSpan s = onlyVeilSpan(otlp, run);
            assertEquals("audited", s.string("veil.action"));
            assertTrue(s.string("gen_ai.input.messages").contains("[[VEIL:"), s::toString);
            assertNoCanaryExported(otlp);
        }
    }

    @Test
    void blockedCallIsAnErrorSpanAndCounted() throws Exception {
        try (FakeLlmServer llm = new FakeLlmServer(); OtlpReceiver otlp = new OtlpReceiver()) {
            ChildJvm.Result run = withTelemetry(ChildJvm.on(Jdks.current()), otlp)
                    .property("veil.prompt.mode", "block")
                    .runJar(APP, llm.url("/v1/chat/completions"), "send", chatBody().toString());
            assertTrue(run.line("ERROR").contains("veil: blocked"), run::toString);
            OtlpReceiver.ReceivedSpan s = onlyVeilSpan(otlp, run);
            assertEquals("blocked", s.string("veil.action"));
            assertEquals("veil.blocked", s.string("error.type"));
            assertEquals(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR, s.span.getStatus().getCode());
            Metric blocked = otlp.metric("veil.requests.blocked");
            assertNotNull(blocked, "no veil.requests.blocked metric");
            assertEquals(1L, blocked.getSum().getDataPoints(0).getAsInt());
            assertNoCanaryExported(otlp);
        }
    }

    @Test
    void spanIsTheChildOfTheRequestsTraceparent() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String parentId = "00f067aa0ba902b7";
        String header = "00-" + traceId + "-" + parentId + "-01";
        try (FakeLlmServer llm = new FakeLlmServer(); OtlpReceiver otlp = new OtlpReceiver()) {
            ChildJvm.Result run = withTelemetry(ChildJvm.on(Jdks.current()), otlp)
                    .property("veil.otel.propagate", "true")
                    .runJar(APP, llm.url("/v1/chat/completions"), "send", chatBody().toString(), "traceparent: " + header);
            OtlpReceiver.ReceivedSpan s = onlyVeilSpan(otlp, run);
            assertEquals(traceId, s.traceId());
            assertEquals(parentId, s.parentSpanId());
            assertEquals(header, llm.only().headers.getFirst("traceparent"), "the app's own traceparent must be sent as it was");
        }
    }

    @Test
    void propagateAddsATraceparentNamingVeilsSpan() throws Exception {
        try (FakeLlmServer llm = new FakeLlmServer(); OtlpReceiver otlp = new OtlpReceiver()) {
            ChildJvm.Result run = withTelemetry(ChildJvm.on(Jdks.current()), otlp)
                    .property("veil.otel.propagate", "true")
                    .runJar(APP, llm.url("/v1/chat/completions"), "send", chatBody().toString());
            OtlpReceiver.ReceivedSpan s = onlyVeilSpan(otlp, run);
            assertEquals("", s.parentSpanId(), "no incoming traceparent: Veil's span is a root");
            String sent = llm.only().headers.getFirst("traceparent");
            assertTrue(sent.startsWith("00-" + s.traceId() + "-" + s.spanId() + "-"), sent);
            assertEquals(1, Integer.parseInt(sent.substring(53), 16) & 1, "sampled flag: " + sent);
        }
        String clean = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi.\"}]}";
        try (FakeLlmServer llm = new FakeLlmServer(); OtlpReceiver otlp = new OtlpReceiver()) {
            ChildJvm.Result run = withTelemetry(ChildJvm.on(Jdks.current()), otlp)
                    .property("veil.otel.propagate", "true")
                    .runJar(APP, llm.url("/v1/chat/completions"), "byteArray", body(clean).toString());
            OtlpReceiver.ReceivedSpan s = onlyVeilSpan(otlp, run);
            assertEquals("passed", s.string("veil.action"));
            assertEquals(clean, llm.only().bodyText(), "a passed request keeps its body when the header is added");
            assertTrue(llm.only().headers.getFirst("traceparent").startsWith("00-" + s.traceId() + "-" + s.spanId() + "-"));
        }
        try (FakeLlmServer llm = new FakeLlmServer(); OtlpReceiver otlp = new OtlpReceiver()) {
            withTelemetry(ChildJvm.on(Jdks.current()), otlp)
                    .runJar(APP, llm.url("/v1/chat/completions"), "send", chatBody().toString());
            assertNull(llm.only().headers.getFirst("traceparent"), "without veil.otel.propagate no header is added");
        }
    }

    @Test
    void streamClosedEarlyEndsTheSpan() throws Exception {
        try (FakeLlmServer llm = new FakeLlmServer(); OtlpReceiver otlp = new OtlpReceiver()) {
            // Slow enough that the app closes the stream long before the model would have finished.
            llm.reply("/v1/messages", ProviderReplies.ANTHROPIC_STREAM.slowed(2000));
            ChildJvm.Result run = withTelemetry(ChildJvm.on(Jdks.current()), otlp)
                    .runJar(APP, llm.url("/v1/messages"), "early-close", body("{\"model\":\"claude-sonnet-4-5\","
                            + "\"max_tokens\":64,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").toString());
            assertEquals("CLOSED", run.line("CLOSED"), run::toString);
            OtlpReceiver.ReceivedSpan s = onlyVeilSpan(otlp, run);
            assertEquals("java.util.concurrent.CancellationException", s.string("error.type"), s::toString);
            assertNull(s.attr("gen_ai.response.finish_reasons"), "the stream was not read to its end");
            assertTrue(s.span.getEndTimeUnixNano() >= s.span.getStartTimeUnixNano());
        }
    }

    @Test
    void collectorDownNeverAffectsTheAppAndIsReportedOnce() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (FakeLlmServer llm = new FakeLlmServer()) {
            ChildJvm.Result run = ChildJvm.on(Jdks.current())
                    .property("veil.otel.enabled", "true")
                    .env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + closedPort)
                    .env("OTEL_BSP_SCHEDULE_DELAY", "50")
                    .runJar(APP, llm.url("/v1/chat/completions"), "send", chatBody().toString());
            assertEquals(0, run.exitCode, run::toString);
            assertEquals("STATUS 200", run.line("STATUS"), run::toString);
            assertTrue(run.line("BODY").contains("chatcmpl-it"));
            List<String> failures = run.agentLines().stream().filter(l -> l.contains("telemetry export")).collect(Collectors.toList());
            assertTrue(failures.size() >= 1 && failures.size() <= 2, "one line per signal at most: " + failures);
            assertTrue(failures.stream().allMatch(l -> l.contains("WARN") && l.contains("not affected")), failures::toString);
        }
    }

    @Test
    void consoleExporterPrintsSpansAndMetrics() throws Exception {
        try (FakeLlmServer llm = new FakeLlmServer()) {
            ChildJvm.Result run = ChildJvm.on(Jdks.current())
                    .env("VEIL_OTEL_ENABLED", "true")
                    .property("veil.otel.exporter", "console")
                    .runJar(APP, llm.url("/v1/chat/completions"), "send", chatBody().toString());
            assertEquals("STATUS 200", run.line("STATUS"), run::toString);
            assertTrue(run.stderr.contains("[veil-otel] span 'chat gpt-4o-mini' CLIENT trace="), run::toString);
            assertTrue(run.stderr.contains("[veil-otel]     gen_ai.usage.input_tokens=12"), run::toString);
            assertTrue(run.stderr.contains("[veil-otel] metric gen_ai.client.token.usage [{token}]"), run::toString);
            assertFalse(run.stderr.contains(EMAIL) || run.stdout.contains(EMAIL));
        }
    }

    public static ChildJvm withTelemetry(ChildJvm jvm, OtlpReceiver otlp) {
        return jvm.property("veil.otel.enabled", "true")
                .env("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.endpoint())
                .env("OTEL_EXPORTER_OTLP_HEADERS", "X-It-Header=it-secret-header")
                .env("OTEL_SERVICE_NAME", "veil-it")
                .env("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=it,service.name=overridden")
                .property("otel.exporter.otlp.compression", "gzip");
    }

    public static OtlpReceiver.ReceivedSpan onlyVeilSpan(OtlpReceiver otlp, ChildJvm.Result run) {
        List<OtlpReceiver.ReceivedSpan> spans = otlp.spans(SCOPE);
        assertEquals(1, spans.size(), () -> "expected one Veil span, got " + spans + "\n" + run);
        return spans.get(0);
    }

    private Path chatBody() throws Exception {
        return body("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}");
    }

    private Path body(String json) throws Exception {
        return Files.writeString(Files.createTempFile(tmp, "body", ".json"), json);
    }

    static void assertNoCanaryExported(OtlpReceiver otlp) {
        assertFalse(otlp.raw().isEmpty(), "nothing was exported");
        for (byte[] export : otlp.raw()) {
            String text = new String(export, StandardCharsets.UTF_8);
            assertFalse(text.contains(KEY), "the canary secret was exported");
            assertFalse(text.contains(EMAIL), "the canary e-mail address was exported");
            assertFalse(text.contains(KEY.substring(8, 40)), "part of the canary secret was exported");
        }
    }

    private static String resource(OtlpReceiver.ReceivedSpan s, String key) {
        AnyValue v = OtlpReceiver.attr(s.resource.getAttributesList(), key);
        return v == null ? null : v.getStringValue();
    }

    private static List<String> strings(AnyValue array) {
        List<String> out = new ArrayList<>();
        for (AnyValue v : array.getArrayValue().getValuesList()) {
            out.add(v.getStringValue());
        }
        return out;
    }

    private static long tokenSum(Metric usage, String type) {
        for (HistogramDataPoint p : usage.getHistogram().getDataPointsList()) {
            if (type.equals(OtlpReceiver.attr(p.getAttributesList(), "gen_ai.token.type").getStringValue())) {
                return (long) p.getSum();
            }
        }
        throw new AssertionError("no " + type + " token data point in " + usage);
    }

    private static long redactions(OtlpReceiver otlp, String detector) {
        Metric m = otlp.metric("veil.redactions");
        assertNotNull(m, "no veil.redactions metric");
        for (NumberDataPoint p : m.getSum().getDataPointsList()) {
            if (detector.equals(OtlpReceiver.attr(p.getAttributesList(), "veil.detector").getStringValue())) {
                return p.getAsInt();
            }
        }
        return 0;
    }
}
