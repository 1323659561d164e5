package dev.veil.it.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.it.ChildJvm;
import dev.veil.it.Jdks;
import dev.veil.it.OtlpReceiver;
import dev.veil.it.TestSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official Anthropic Java SDK 3.x (its default OkHttp transport), unmodified, against a local fake of the
 * Messages API (JSON and SSE): what the server received, what the app printed, block mode, the SDK's debug log,
 * Veil's GenAI span, and what happens beside the SDK's own OpenTelemetry tracing.
 */
class AnthropicJavaIT {

    private static final Path APP = ChildJvm.testAppJar("anthropic-java-app", "anthropic-java-app.jar");
    /** The instrumentation scope of anthropic-java's own spans. */
    private static final String SDK_SCOPE = "com.anthropic.sdk.java";

    private static RecordingServer fakes() throws java.io.IOException {
        return new RecordingServer().on("/v1/messages", ProviderFakes.anthropicMessages());
    }

    /** An Anthropic-key-shaped API key generated per test: the SDK sends it in {@code x-api-key} and may log it. */
    private static String apiKey(long seed) {
        return "sk-ant-api03-" + new TestSecrets(seed * 17).chars(93) + "AA";
    }

    private static ChildJvm app(ChildJvm jvm, String apiKey) {
        return jvm.env("ANTHROPIC_API_KEY", apiKey);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "chat,   " + ProviderFakes.ANTHROPIC_IN + ", " + ProviderFakes.ANTHROPIC_OUT + ", false",
        "stream, " + ProviderFakes.ANTHROPIC_STREAM_IN + ", " + ProviderFakes.ANTHROPIC_STREAM_OUT + ", true",
    })
    void redactsThePromptAndTheAppSeesTheSameAnswer(String mode, int in, int out, boolean stream) throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(("anthropic" + mode).hashCode());
        String key = apiKey(mode.hashCode());
        try (RecordingServer server = fakes(); OtlpReceiver otlp = new OtlpReceiver()) {
            String url = server.url("");
            SdkChecks.Runs runs = SdkChecks.plainThenVeiled(server, app(ChildJvm.on(Jdks.current()).withoutAgent(), key),
                    SdkSpans.withTelemetry(app(ChildJvm.on(Jdks.current()), key), otlp), planted, APP, url, mode, planted.prompt);
            ChildJvm.Result veiled = runs.veiled;

            SdkChecks.assertSameOutput(runs.plain, veiled, planted);
            assertTrue(veiled.stdout.contains("ANSWER Hello!") || veiled.stdout.contains("TOKEN Hel\nTOKEN lo!\n"), veiled::toString);
            assertTrue(veiled.stdout.contains("USAGE in " + in + " out " + out), veiled::toString);
            SdkChecks.assertRedacted(server.received(), planted);
            SdkSpans.onlySpan(otlp, veiled, new SdkSpans.Expected("chat", "anthropic", "claude-3-5-haiku-20241022", in, out, stream),
                    server.port(), "redacted");
            SdkSpans.assertNothingPlantedExported(otlp, planted);
        }
    }

    /** Tool use: secrets in a {@code tool_use.input} object and in a {@code tool_result}; ids and names intact. */
    @Test
    void toolUseInputAndResultAreRedacted() throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(5151);
        String input = "{\"to\":\"" + planted.email + "\",\"body\":\"The new key is " + planted.key + "\"}";
        String result = "Sent to " + planted.email + " with key " + planted.key;
        String key = apiKey(5151);
        try (RecordingServer server = fakes(); OtlpReceiver otlp = new OtlpReceiver()) {
            String url = server.url("");
            SdkChecks.Runs runs = SdkChecks.plainThenVeiled(server, app(ChildJvm.on(Jdks.current()).withoutAgent(), key),
                    SdkSpans.withTelemetry(app(ChildJvm.on(Jdks.current()), key), otlp), planted, APP, url, "tools",
                    planted.prompt, input, result);
            ChildJvm.Result veiled = runs.veiled;

            SdkChecks.assertSameOutput(runs.plain, veiled, planted);
            SdkChecks.assertRedacted(server.received(), planted);
            JsonNode body = ProviderFakes.json(server.received().get(0).body);
            JsonNode use = body.at("/messages/1/content/0");
            assertEquals("tool_use", use.get("type").asText(), body::toString);
            assertEquals("toolu_it_1", use.get("id").asText());
            assertEquals("send_mail", use.get("name").asText());
            assertEquals("[[VEIL:EMAIL_ADDRESS_1]]", use.at("/input/to").asText(), use::toString);
            assertEquals("The new key is [[VEIL:OPENAI_API_KEY_1]]", use.at("/input/body").asText(), use::toString);
            JsonNode res = body.at("/messages/2/content/0");
            assertEquals("tool_result", res.get("type").asText());
            assertEquals("toolu_it_1", res.get("tool_use_id").asText());
            assertEquals("Sent to [[VEIL:EMAIL_ADDRESS_1]] with key [[VEIL:OPENAI_API_KEY_1]]", res.get("content").asText());
            assertEquals("send_mail", body.at("/tools/0/name").asText());
            SdkSpans.onlySpan(otlp, veiled, new SdkSpans.Expected("chat", "anthropic", "claude-3-5-haiku-20241022",
                    ProviderFakes.ANTHROPIC_IN, ProviderFakes.ANTHROPIC_OUT, false), server.port(), "redacted");
        }
    }

    /**
     * Block mode: the SDK's own {@code AnthropicIoException}, which wraps every transport IOException in the fixed
     * message "Request failed" (after its default retries, each blocked again): Veil's reason is its cause's message.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"chat", "stream"})
    void blockModeIsTheSdksOwnErrorAndTheAppGoesOn(String mode) throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(("anthropic" + mode).hashCode() + 1);
        try (RecordingServer server = fakes()) {
            ChildJvm.Result run = app(ChildJvm.on(Jdks.current()), apiKey(mode.hashCode() + 1))
                    .property("veil.prompt.mode", "block")
                    .runJar(APP, server.url(""), mode, planted.prompt);
            SdkChecks.assertBlockedThenRecovered(run, server.received(), "com.anthropic.errors.AnthropicIoException",
                    "java.io.IOException", planted);
        }
    }

    /** {@code ANTHROPIC_LOG=debug}: the SDK's request log (headers and body, before Veil's redaction) is masked. */
    @Test
    void theSdksDebugLogHasNoSecret() throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(888);
        String key = apiKey(888);
        try (RecordingServer server = fakes()) {
            ChildJvm.Result run = app(ChildJvm.on(Jdks.current()), key).env("ANTHROPIC_LOG", "debug")
                    .runJar(APP, server.url(""), "chat", planted.prompt);
            SdkChecks.assertDebugLogMasked(run, key, planted, "/v1/messages");
        }
    }
    /**
     * anthropic-java's own tracing ({@code ANTHROPIC_OPEN_TELEMETRY=true}) exports through the application's global
     * OpenTelemetry. Without one (no OpenTelemetry agent or SDK in the app) it records nothing, and Veil's span is the
     * only GenAI span.
     */
    @Test
    void sdkTracingWithoutAnApplicationOpenTelemetryLeavesVeilsSpanAlone() throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(6161);
        try (RecordingServer server = fakes(); OtlpReceiver otlp = new OtlpReceiver()) {
            ChildJvm.Result run = SdkSpans.withTelemetry(app(ChildJvm.on(Jdks.current()), apiKey(6161)), otlp)
                    .env("ANTHROPIC_OPEN_TELEMETRY", "true")
                    .runJar(APP, server.url(""), "chat", planted.prompt);
            assertTrue(run.stdout.contains("ANSWER Hello!"), run::toString);
            assertEquals(List.of(), otlp.spans(SDK_SCOPE));
            SdkSpans.onlySpan(otlp, run, new SdkSpans.Expected("chat", "anthropic", "claude-3-5-haiku-20241022",
                    ProviderFakes.ANTHROPIC_IN, ProviderFakes.ANTHROPIC_OUT, false), server.port(), "redacted");
        }
    }

    /**
     * Beside the OpenTelemetry Java agent, anthropic-java's tracing exports its own GenAI span ({@code
     * anthropic.messages.create}, with {@code gen_ai.*} usage) and propagates it: Veil's span is its child, so one
     * call is two GenAI spans in one trace. {@code veil.otel.sdk-spans=anthropic} chooses the SDK's: Veil then exports
     * none for Anthropic calls (it still redacts, and its metrics still count the call), and one call is one GenAI span.
     */
    @ParameterizedTest(name = "veil.otel.sdk-spans={0}")
    @CsvSource(nullValues = "none", value = {"none", "anthropic"})
    void besideTheSdksOwnTracingOneSettingChoosesTheGenAiSpan(String sdkSpans) throws Exception {
        Path otelAgent = Path.of(System.getProperty("veil.it.otel-javaagent", "target/opentelemetry-javaagent.jar"));
        assertTrue(Files.isRegularFile(otelAgent), "OpenTelemetry agent not copied by the build: " + otelAgent);
        SdkChecks.Planted planted = new SdkChecks.Planted(6262);
        try (RecordingServer server = fakes(); OtlpReceiver otlp = new OtlpReceiver()) {
            ChildJvm jvm = SdkSpans.withTelemetry(app(ChildJvm.on(Jdks.current()), apiKey(6262)), otlp)
                    .jvmArg("-javaagent:" + otelAgent)
                    .env("ANTHROPIC_OPEN_TELEMETRY", "true")
                    .env("OTEL_METRICS_EXPORTER", "none")
                    .env("OTEL_LOGS_EXPORTER", "none");
            if (sdkSpans != null) {
                jvm.property("veil.otel.sdk-spans", sdkSpans);
            }
            ChildJvm.Result run = jvm.runJar(APP, server.url(""), "chat", planted.prompt);
            assertTrue(run.stdout.contains("ANSWER Hello!"), run::toString);
            SdkChecks.assertRedacted(server.received(), planted);

            List<OtlpReceiver.ReceivedSpan> sdk = otlp.spans(SDK_SCOPE);
            assertEquals(1, sdk.size(), () -> "the SDK's own span: " + otlp.spans() + "\n" + run);
            OtlpReceiver.ReceivedSpan sdkSpan = sdk.get(0);
            assertEquals("chat", sdkSpan.string("gen_ai.operation.name"), sdkSpan::toString);
            assertEquals(Long.valueOf(ProviderFakes.ANTHROPIC_IN), sdkSpan.number("gen_ai.usage.input_tokens"));
            List<OtlpReceiver.ReceivedSpan> genAi = otlp.spans().stream().filter(s -> s.attr("gen_ai.operation.name") != null)
                    .collect(Collectors.toList());
            if (sdkSpans == null) {
                assertEquals(2, genAi.size(), () -> "expected the SDK's span and Veil's: " + genAi);
                OtlpReceiver.ReceivedSpan veil = SdkSpans.onlySpan(otlp, run, new SdkSpans.Expected("chat", "anthropic",
                        "claude-3-5-haiku-20241022", ProviderFakes.ANTHROPIC_IN, ProviderFakes.ANTHROPIC_OUT, false),
                        server.port(), "redacted");
                assertEquals(sdkSpan.traceId(), veil.traceId(), "one trace");
                assertEquals(sdkSpan.spanId(), veil.parentSpanId(), "Veil's span is the child of the SDK's");
            } else {
                assertEquals(List.of(sdkSpan.spanId()), genAi.stream().map(OtlpReceiver.ReceivedSpan::spanId)
                        .collect(Collectors.toList()), "one call, one GenAI span: the SDK's");
                assertEquals(List.of(), otlp.spans(SdkSpans.SCOPE));
            }
        }
    }
}
