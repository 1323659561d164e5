package dev.veil.it.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.it.ChildJvm;
import dev.veil.it.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The GenAI span Veil exports for one SDK call, as a real OTLP receiver decoded it. */
final class SdkSpans {

    /** Veil's instrumentation scope. */
    static final String SCOPE = "dev.veil";

    private SdkSpans() {
    }

    /** What one call's span must say; {@code null} tokens: the attribute must be absent. */
    static final class Expected {
        final String operation;
        final String provider;
        final String requestModel;
        final Long in;
        final Long out;
        final boolean stream;

        Expected(String operation, String provider, String requestModel, Integer in, Integer out, boolean stream) {
            this.operation = operation;
            this.provider = provider;
            this.requestModel = requestModel;
            this.in = in == null ? null : Long.valueOf(in);
            this.out = out == null ? null : Long.valueOf(out);
            this.stream = stream;
        }
    }

    /** Telemetry on, exporting to {@code otlp} (spans flushed by the agent's shutdown hook when the app exits). */
    static ChildJvm withTelemetry(ChildJvm jvm, OtlpReceiver otlp) {
        return jvm.property("veil.otel.enabled", "true")
                .env("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.endpoint())
                .env("OTEL_SERVICE_NAME", "veil-sdk-it");
    }

    /** Exactly one Veil span was exported; it is returned after the checks every span must pass. */
    static OtlpReceiver.ReceivedSpan onlySpan(OtlpReceiver otlp, ChildJvm.Result run, Expected e, int serverPort, String action) {
        List<OtlpReceiver.ReceivedSpan> spans = otlp.spans(SCOPE);
        assertEquals(1, spans.size(), () -> "expected one Veil span, got " + spans + "\n" + run);
        OtlpReceiver.ReceivedSpan s = spans.get(0);
        assertGenAiSpan(s, e, serverPort, action);
        return s;
    }

    static void assertGenAiSpan(OtlpReceiver.ReceivedSpan s, Expected e, int serverPort, String action) {
        assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, s.span.getKind(), s::toString);
        assertEquals(e.operation + " " + e.requestModel, s.span.getName(), s::toString);
        assertEquals(e.operation, s.string("gen_ai.operation.name"), s::toString);
        assertEquals(e.provider, s.string("gen_ai.provider.name"), s::toString);
        assertEquals(e.requestModel, s.string("gen_ai.request.model"), s::toString);
        assertEquals("127.0.0.1", s.string("server.address"), s::toString);
        assertEquals(serverPort, s.number("server.port").intValue(), s::toString);
        assertEquals(e.in, s.number("gen_ai.usage.input_tokens"), () -> "input tokens: " + s);
        assertEquals(e.out, s.number("gen_ai.usage.output_tokens"), () -> "output tokens: " + s);
        if (e.stream) {
            assertTrue(s.attr("gen_ai.request.stream").getBoolValue(), s::toString);
            assertTrue(s.attr("gen_ai.response.time_to_first_chunk").getDoubleValue() > 0, s::toString);
        }
        assertEquals(action, s.string("veil.action"), s::toString);
        if (!"blocked".equals(action)) {
            assertNull(s.attr("error.type"), s::toString);
        }
    }

    /** Nothing the receiver got holds a planted value. */
    static void assertNothingPlantedExported(OtlpReceiver otlp, SdkChecks.Planted planted) {
        assertFalse(otlp.raw().isEmpty(), "nothing was exported");
        for (byte[] export : otlp.raw()) {
            String text = new String(export, StandardCharsets.ISO_8859_1);
            for (String v : planted.values()) {
                assertFalse(text.contains(v), "a planted value was exported");
            }
        }
    }
}
