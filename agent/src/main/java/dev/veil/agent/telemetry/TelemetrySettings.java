package dev.veil.agent.telemetry;

import dev.veil.agent.config.Setting;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Veil's own telemetry switches. The exporter itself is configured by the standard {@code OTEL_*}
 * variables and {@code otel.*} properties ({@link OtelEnv}); they are not {@code veil.*} keys. This class
 * refers to no OpenTelemetry type: it is read at start-up, when telemetry may be off.
 */
public final class TelemetrySettings {
    private TelemetrySettings() {
    }

    public static final Setting<Boolean> ENABLED = Setting.bool("veil.otel.enabled", false,
            "OpenTelemetry GenAI spans and metrics for LLM calls. Off: Veil opens no socket, starts no thread and "
                    + "loads no OpenTelemetry class. The exporter follows the standard `OTEL_EXPORTER_OTLP_*`, "
                    + "`OTEL_SERVICE_NAME` and `OTEL_RESOURCE_ATTRIBUTES` variables (or their `otel.*` properties).");

    public static final Setting<String> EXPORTER = Setting.choice("veil.otel.exporter", "otlp",
            "Where telemetry goes: `otlp` (OTLP over HTTP, `http/protobuf` or `http/json` per "
                    + "`OTEL_EXPORTER_OTLP_PROTOCOL`) or `console` (spans and metrics printed to stderr, for a quick look).",
            "otlp", "console");

    public static final Setting<Boolean> PROPAGATE = Setting.bool("veil.otel.propagate", false,
            "When an LLM request carries no W3C `traceparent`, add one naming Veil's span, so the provider or a "
                    + "gateway can join the trace. A request that has one keeps it (Veil's span is then its child).");

    public static final Setting<Long> CONTENT_MAX_BYTES = Setting.bytes("veil.otel.content.max-bytes", "16KiB",
            "Cap on each captured content attribute (`gen_ai.input.messages`, `gen_ai.output.messages`, "
                    + "`gen_ai.system_instructions`) in UTF-8 bytes; longer content is cut and stays valid JSON. Content "
                    + "is captured only with `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true`, always redacted.");

    public static final Setting<List<String>> SDK_SPANS = Setting.list("veil.otel.sdk-spans",
            "Providers whose SDK exports its own GenAI span through the application's OpenTelemetry (e.g. `anthropic` "
                    + "when anthropic-java runs with `ANTHROPIC_OPEN_TELEMETRY=true` beside the OpenTelemetry Java agent): "
                    + "Veil exports no span for their calls, so one call is one GenAI span. Redaction, metrics and the "
                    + "audit log are unchanged. Empty: Veil exports a span for every call.",
            "comma-separated provider names (gen_ai.provider.name), e.g. anthropic,openai", null);

    public static final List<Setting<?>> ALL = Collections.unmodifiableList(Arrays.<Setting<?>>asList(
            ENABLED, EXPORTER, PROPAGATE, CONTENT_MAX_BYTES, SDK_SPANS));
}
