package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Veil beside the OpenTelemetry Java agent (from Maven Central, copied by the build) in one JVM: both
 * start, neither breaks the other or the app, and Veil's GenAI span is the child of the agent's HTTP client
 * span in the same trace — in either order of the {@code -javaagent} flags.
 */
class OtelJavaagentIT {

    private static final Path APP = ChildJvm.testAppJar("jdk-httpclient-app", "jdk-httpclient-app.jar");
    private static final String HTTP_SCOPE = "io.opentelemetry.java-http-client";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "OpenTelemetry agent first: {0}")
    @ValueSource(booleans = {false, true})
    void veilSpanJoinsTheAgentsHttpSpan(boolean otelFirst) throws Exception {
        Path otelAgent = Path.of(System.getProperty("veil.it.otel-javaagent", "target/opentelemetry-javaagent.jar"));
        assertTrue(Files.isRegularFile(otelAgent), "OpenTelemetry agent not copied by the build: " + otelAgent);
        Path body = Files.writeString(tmp.resolve("chat.json"), "{\"model\":\"gpt-4o-mini\",\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"Mail " + TelemetryIT.EMAIL + " today.\"}]}");
        try (FakeLlmServer llm = new FakeLlmServer(); OtlpReceiver otlp = new OtlpReceiver()) {
            ChildJvm jvm = ChildJvm.on(Jdks.current());
            if (otelFirst) {
                jvm.withoutAgent().jvmArg("-javaagent:" + otelAgent).jvmArg("-javaagent:" + ChildJvm.agentJar());
            } else {
                jvm.jvmArg("-javaagent:" + otelAgent);
            }
            ChildJvm.Result run = jvm
                    .property("veil.otel.enabled", "true")
                    .env("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.endpoint())
                    .env("OTEL_SERVICE_NAME", "side-by-side")
                    .env("OTEL_METRICS_EXPORTER", "none")
                    .env("OTEL_LOGS_EXPORTER", "none")
                    .runJar(APP, llm.url("/v1/chat/completions"), "send", body.toString());

            assertEquals(0, run.exitCode, run::toString);
            assertEquals("STATUS 200", run.line("STATUS"), run::toString);
            assertTrue(run.stderr.contains("opentelemetry-javaagent - version:"), "the OpenTelemetry agent did not start:\n" + run);
            assertTrue(run.agentLines().stream().anyMatch(l -> l.contains("started") && l.contains("telemetry on")), run::toString);
            for (String problem : List.of("LinkageError", "ClassNotFoundException", "NoClassDefFoundError", "VerifyError",
                    "ClassCastException", "Failed to")) {
                assertFalse(run.stderr.contains(problem), problem + " in:\n" + run);
            }
            assertFalse(llm.only().bodyText().contains(TelemetryIT.EMAIL), "Veil did not redact beside the agent");

            OtlpReceiver.ReceivedSpan veil = TelemetryIT.onlyVeilSpan(otlp, run);
            List<OtlpReceiver.ReceivedSpan> http = otlp.spans(HTTP_SCOPE).stream()
                    .filter(s -> Long.valueOf(llm.port()).equals(s.number("server.port")))
                    .collect(Collectors.toList());
            assertEquals(1, http.size(), () -> "expected the agent's HTTP span to the LLM server, got " + otlp.spans());
            OtlpReceiver.ReceivedSpan httpSpan = http.get(0);
            assertEquals(httpSpan.traceId(), veil.traceId(), "one trace");
            assertEquals(httpSpan.spanId(), veil.parentSpanId(), "Veil's span is the child of the agent's HTTP span");
            String sent = llm.only().headers.getFirst("traceparent");
            assertTrue(sent != null && sent.contains(httpSpan.traceId()), "the agent's traceparent reached the server: " + sent);
            assertEquals("side-by-side", veil.resource.getAttributesList().stream()
                    .filter(kv -> kv.getKey().equals("service.name")).findFirst().orElseThrow().getValue().getStringValue());
        }
    }
}
