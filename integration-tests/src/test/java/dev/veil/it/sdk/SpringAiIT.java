package dev.veil.it.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.it.ChildJvm;
import dev.veil.it.Jdks;
import dev.veil.it.OtlpReceiver;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spring Boot 3 + Spring AI's OpenAI starter, as users run it: the app's executable jar (Boot's nested-jar
 * class loader) started with {@code java -javaagent:veil-agent.jar -jar app.jar}, pointed at a local fake of
 * OpenAI's chat completions with {@code spring.ai.openai.base-url} and a dummy key.
 * <ul>
 * <li>servlet: {@code spring-boot-starter-web}; {@code ChatClient.call()} over RestClient, whose request
 * factory Boot detects from the class path — with these dependencies (no Apache HC5, Jetty or Reactor
 * Netty) the JDK {@code HttpClient};</li>
 * <li>webflux: {@code spring-boot-starter-webflux}; {@code ChatClient.stream()} over WebClient and Reactor
 * Netty 1.2 (server-sent events), with {@code stream-usage=true}.</li>
 * </ul>
 * The same run exports Veil's span to a local OTLP receiver.
 */
class SpringAiIT {

    private static Path app(String kind) {
        return ChildJvm.testAppJar("spring-ai-" + kind + "-app", "spring-ai-" + kind + "-app.jar");
    }

    /** A child JVM for a Spring Boot app; C1 only, the usual start-up setting for short-lived Boot processes (CI time). */
    private static ChildJvm jvm() {
        return ChildJvm.on(Jdks.current()).jvmArg("-XX:TieredStopAtLevel=1");
    }

    private static String[] args(RecordingServer server, SdkChecks.Planted planted) {
        return new String[] {"--spring.ai.openai.base-url=" + server.url(""), "--spring.ai.openai.api-key=test-key",
                "--prompt=" + planted.prompt};
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "servlet, false, " + ProviderFakes.OPENAI_IN + ", " + ProviderFakes.OPENAI_OUT,
        "webflux, true, " + ProviderFakes.OPENAI_STREAM_IN + ", " + ProviderFakes.OPENAI_STREAM_OUT,
    })
    void redactsThePromptTheAppSeesTheSameAnswerAndTheSpanCarriesTheUsage(String kind, boolean streamed, int in, int out)
            throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(("spring-ai-" + kind).hashCode());
        try (RecordingServer server = new RecordingServer().on("/v1/chat/completions", ProviderFakes.openAiChat());
             OtlpReceiver otlp = new OtlpReceiver()) {
            ChildJvm.Result plain = jvm().withoutAgent().runJar(app(kind), args(server, planted));
            assertEquals(1, server.received().size(), plain::toString);
            server.clear();

            ChildJvm.Result veiled = jvm().property("veil.log.level", "debug")
                    .property("veil.otel.enabled", "true")
                    .env("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.endpoint())
                    .env("OTEL_SERVICE_NAME", "spring-ai-" + kind)
                    .runJar(app(kind), args(server, planted));

            SdkChecks.assertRedactedRun(plain, veiled, server.received(), planted, "openai", streamed, in, out);
            // The transport Boot chose, as the agent saw it: the JDK client for RestClient, Reactor Netty for WebClient.
            String transport = streamed ? "reactor.netty.http.client.HttpClientOperations" : "jdk.internal.net.http.HttpClientImpl";
            assertTrue(veiled.agentLines().stream().anyMatch(l -> l.endsWith("instrumented " + transport)), veiled::toString);
            List<OtlpReceiver.ReceivedSpan> spans = otlp.spans("dev.veil");
            assertEquals(1, spans.size(), () -> "expected one Veil span, got " + spans + "\n" + veiled);
            OtlpReceiver.ReceivedSpan span = spans.get(0);
            assertEquals("chat gpt-4o-mini", span.span.getName(), span::toString);
            assertEquals(streamed, span.attr("gen_ai.request.stream").getBoolValue(), span::toString);
            assertEquals((long) in, span.number("gen_ai.usage.input_tokens"), span::toString);
            assertEquals((long) out, span.number("gen_ai.usage.output_tokens"), span::toString);
            assertEquals("redacted", span.string("veil.action"), span::toString);
            assertTrue(span.toString().contains("openai_api_key") && span.toString().contains("email_address"), span::toString);
        }
    }

    /**
     * Block mode surfaces as Spring's own error for the transport, carrying Veil's message: RestClient turns
     * the JDK client's IOException into {@code ResourceAccessException} (Spring AI retries it once, as
     * configured, and it is blocked again); WebClient turns Reactor Netty's into {@code WebClientRequestException}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "servlet, org.springframework.web.client.ResourceAccessException",
        "webflux, org.springframework.web.reactive.function.client.WebClientRequestException",
    })
    void blockModeIsSpringsOwnError(String kind, String exceptionClass) throws Exception {
        SdkChecks.Planted planted = new SdkChecks.Planted(("spring-ai-" + kind).hashCode() + 1);
        try (RecordingServer server = new RecordingServer().on("/v1/chat/completions", ProviderFakes.openAiChat())) {
            ChildJvm.Result run = jvm().property("veil.prompt.mode", "block")
                    .runJar(app(kind), args(server, planted));
            SdkChecks.assertBlocked(run, server.received(), exceptionClass, planted);
        }
    }
}
