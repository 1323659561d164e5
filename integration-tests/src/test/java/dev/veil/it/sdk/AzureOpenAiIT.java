package dev.veil.it.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.it.ChildJvm;
import dev.veil.it.Jdks;
import dev.veil.it.OtlpReceiver;
import dev.veil.it.TelemetryIT;
import dev.veil.it.TestSecrets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * azure-ai-openai (the legacy Azure OpenAI SDK), unmodified, over azure-core: its default Reactor Netty
 * transport and, chosen as users choose it ({@code AZURE_HTTP_CLIENT_IMPLEMENTATION}), the OkHttp one.
 * Azure URL style ({@code /openai/deployments/{d}/chat/completions?api-version=...}, {@code api-key}).
 * Veil's azure-core policy inspects each call once; the transport glue below (OkHttp) must leave the vetted
 * send alone, which the "one call logged" and "one span" checks prove.
 */
class AzureOpenAiIT {

    private static final Path APP = ChildJvm.testAppJar("azure-openai-app", "azure-openai-app.jar");
    private static final String DEPLOYMENT = "gpt-4o-mini-prod";
    private static final String OKHTTP = "com.azure.core.http.okhttp.OkHttpAsyncClientProvider";

    private static TestTls tls;

    @BeforeAll
    static void tls() throws Exception {
        tls = TestTls.create(8);
    }

    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of("netty", "chat"), Arguments.of("netty", "stream"),
                Arguments.of("netty", "async-chat"), Arguments.of("netty", "async-stream"),
                Arguments.of("okhttp", "chat"), Arguments.of("okhttp", "stream"), Arguments.of("okhttp", "async-stream"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modes")
    void redactsThePromptAndTheAppSeesTheSameAnswer(String transport, String mode) throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted((transport + mode).hashCode());
        String key = apiKey(mode.hashCode());
        boolean streamed = mode.endsWith("stream");
        try (RecordingServer server = new RecordingServer(tls).on("/chat/completions", ProviderFakes.openAiChat())) {
            String url = server.url("");
            ChildJvm.Result plain = jvm(transport).withoutAgent().runJar(APP, url, key, DEPLOYMENT, mode, planted.prompt);
            assertEquals(1, server.received().size(), plain::toString);
            assertTrue(server.received().get(0).bodyText().contains(planted.email), "the fake must see the prompt without Veil");
            server.clear();

            ChildJvm.Result veiled = jvm(transport).property("veil.log.level", "debug")
                    .runJar(APP, url, key, DEPLOYMENT, mode, planted.prompt);

            SdkChecks.assertRedactedRun(plain, veiled, server.received(), planted, "azure.ai.openai", streamed,
                    streamed ? ProviderFakes.OPENAI_STREAM_IN : ProviderFakes.OPENAI_IN,
                    streamed ? ProviderFakes.OPENAI_STREAM_OUT : ProviderFakes.OPENAI_OUT);
            assertEquals(1, server.received().size(), "one request per call");
            RecordingServer.Received got = server.received().get(0);
            assertEquals("/openai/deployments/" + DEPLOYMENT + "/chat/completions", got.rawPath);
            assertTrue(got.rawQuery.startsWith("api-version="), got.rawQuery);
            assertEquals(key, got.headers.getFirst("api-key"));
            assertEquals(String.valueOf(got.body.length), got.headers.getFirst("Content-Length"));
            assertEquals(streamed, ProviderFakes.json(got.body).path("stream").asBoolean(false));
            assertTrue(veiled.stdout.endsWith("AFTER\n"), veiled::toString);
            assertTransport(veiled, transport);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"netty, chat, java.io.UncheckedIOException", "netty, stream, java.io.UncheckedIOException",
                "netty, async-chat, reactor.core.Exceptions$ReactiveException",
                "netty, async-stream, reactor.core.Exceptions$ReactiveException",
                "okhttp, chat, java.io.UncheckedIOException"})
    void blockModeIsTheSdksOwnErrorAndTheAppGoesOn(String transport, String mode, String exception) throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted((transport + mode).hashCode() + 1);
        try (RecordingServer server = new RecordingServer(tls).on("/chat/completions", ProviderFakes.openAiChat())) {
            long started = System.nanoTime();
            ChildJvm.Result run = jvm(transport).property("veil.prompt.mode", "block")
                    .runJar(APP, server.url(""), apiKey(2), DEPLOYMENT, mode, planted.prompt);
            SdkChecks.assertBlocked(run, server.received(), exception, planted);
            assertTrue(run.stdout.endsWith("AFTER\n"), run::toString);
            // Above azure-core's retry policy: a block is not retried (3 retries would back off for seconds).
            assertFalse(run.stderr.contains("Retry attempts") || run.stdout.contains("Retry"), run::toString);
            assertTrue(System.nanoTime() - started < 60_000_000_000L);
        }
    }

    /** One GenAI span per call, whatever the transport, with the Azure provider, the deployment and the usage. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"netty, chat", "netty, async-stream", "okhttp, stream"})
    void exportsExactlyOneGenAiSpanPerCall(String transport, String mode) throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted((transport + mode).hashCode() + 2);
        boolean streamed = mode.endsWith("stream");
        try (RecordingServer server = new RecordingServer(tls).on("/chat/completions", ProviderFakes.openAiChat());
             OtlpReceiver otlp = new OtlpReceiver()) {
            ChildJvm.Result run = TelemetryIT.withTelemetry(jvm(transport), otlp)
                    .runJar(APP, server.url(""), apiKey(3), DEPLOYMENT, mode, planted.prompt);
            assertTrue(run.stdout.contains("ANSWER Hello!"), run::toString);
            SdkChecks.assertRedacted(server.received(), planted);
            OtlpReceiver.ReceivedSpan s = TelemetryIT.onlyVeilSpan(otlp, run);
            assertEquals("chat " + DEPLOYMENT, s.span.getName());
            assertEquals("chat", s.string("gen_ai.operation.name"));
            assertEquals("azure.ai.openai", s.string("gen_ai.provider.name"));
            assertEquals(DEPLOYMENT, s.string("gen_ai.request.model"));
            assertEquals("gpt-4o-mini-2024-07-18", s.string("gen_ai.response.model"));
            assertEquals("127.0.0.1", s.string("server.address"));
            assertEquals(streamed, s.attr("gen_ai.request.stream").getBoolValue());
            assertEquals(streamed ? ProviderFakes.OPENAI_STREAM_IN : ProviderFakes.OPENAI_IN,
                    s.number("gen_ai.usage.input_tokens").intValue(), s::toString);
            assertEquals(streamed ? ProviderFakes.OPENAI_STREAM_OUT : ProviderFakes.OPENAI_OUT,
                    s.number("gen_ai.usage.output_tokens").intValue(), s::toString);
            assertEquals("redacted", s.string("veil.action"));
            assertNull(s.attr("error.type"));
            for (byte[] export : otlp.raw()) {
                String text = new String(export, java.nio.charset.StandardCharsets.UTF_8);
                for (String v : planted.values()) {
                    assertFalse(text.contains(v), "a planted value was exported");
                }
            }
        }
    }

    /** The transport the SDK used: OkHttp only when chosen (Veil's OkHttp glue then saw the client being built). */
    private static void assertTransport(ChildJvm.Result run, String transport) {
        List<String> lines = run.agentLines();
        boolean okhttp = lines.stream().anyMatch(l -> l.contains("instrumented okhttp3.OkHttpClient"));
        assertEquals(transport.equals("okhttp"), okhttp, run::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("instrumented com.azure.core.http.HttpPipeline")), run::toString);
    }

    private static ChildJvm jvm(String transport) {
        // azure-core sends a key credential over HTTPS only: the fake server is a TLS one the child JVM trusts.
        ChildJvm jvm = tls.trustedBy(ChildJvm.on(Jdks.current()));
        return transport.equals("okhttp") ? jvm.property("AZURE_HTTP_CLIENT_IMPLEMENTATION", OKHTTP) : jvm;
    }

    /** An Azure-style key (32 hex digits) generated per test; it goes in the api-key header, never in a prompt. */
    private static String apiKey(long seed) {
        return new TestSecrets(seed).chars(32);
    }
}
