package dev.veil.agent.telemetry;

import dev.veil.agent.call.CallListener;
import dev.veil.agent.call.CallRecord;
import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.log.VeilLog;
import dev.veil.agent.redact.Redactor;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.List;
import org.slf4j.Logger;

/**
 * Telemetry as a call listener: a GenAI span opened when the request is inspected (a child of the
 * request's {@code traceparent}, or a root that the request then names with {@code veil.otel.propagate}),
 * completed and ended with the call, and the call's metrics. The SDK is built on a background thread as
 * soon as telemetry is installed, so the application's first LLM call normally does not wait for it.
 */
final class GenAiTelemetry implements CallListener {
    private static final Logger LOG = VeilLog.get(GenAiTelemetry.class);

    private final VeilConfig config;
    private final OtelEnv env;
    private final boolean console;
    private final boolean propagate;
    private final boolean captureContent;
    private final List<String> sdkSpans;
    private final String version;

    private volatile Ready ready;
    private volatile boolean failed;

    /** What exists once the SDK is built. */
    private static final class Ready {
        final TelemetrySdk sdk;
        final GenAiMetrics metrics;
        final ContentCapture content;

        Ready(TelemetrySdk sdk, GenAiMetrics metrics, ContentCapture content) {
            this.sdk = sdk;
            this.metrics = metrics;
            this.content = content;
        }
    }

    GenAiTelemetry(VeilConfig config, OtelEnv env, String version) {
        this.config = config;
        this.env = env;
        this.version = version;
        this.console = "console".equals(config.get(TelemetrySettings.EXPORTER));
        this.propagate = config.get(TelemetrySettings.PROPAGATE);
        this.captureContent = env.bool("otel.instrumentation.genai.capture-message-content", false);
        this.sdkSpans = config.get(TelemetrySettings.SDK_SPANS);
    }

    /** {@code veil.otel.sdk-spans}: the provider's SDK exports this call's GenAI span itself. */
    private boolean spanLeftToSdk(CallRecord call) {
        return !sdkSpans.isEmpty() && sdkSpans.contains(call.endpoint().provider());
    }

    /** Builds the SDK off the application's threads. */
    void warmUp() {
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                ready();
            }
        }, "veil-otel-init");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void callStarted(CallRecord call) {
        // Only propagation needs the span before the request leaves; otherwise a call made while the SDK is
        // still being built does not wait for it: its span is started at the end, with the same start time.
        Ready r = propagate ? ready() : ready;
        if (r == null || spanLeftToSdk(call)) {
            return;
        }
        Span span = GenAiSpans.start(r.sdk.tracer(), call);
        call.attach(span);
        SpanContext ctx = span.getSpanContext();
        if (propagate && call.traceparent() == null && ctx.isValid()) {
            call.addRequestHeader("traceparent", Traceparent.format(ctx));
        }
    }

    @Override
    public int contentCaptureChars() {
        Ready r = ready;
        if (!captureContent) {
            return 0;
        }
        return r != null && r.content != null ? r.content.captureChars()
                : (int) Math.min(Integer.MAX_VALUE - 8, config.get(TelemetrySettings.CONTENT_MAX_BYTES));
    }

    @Override
    public void callEnded(CallRecord call) {
        Ready r = ready();
        if (r == null) {
            return;
        }
        String errorType = GenAiSpans.errorType(call);
        if (spanLeftToSdk(call)) {
            r.metrics.record(call, errorType);
            return;
        }
        Object attached = call.attachment();
        Span span = attached instanceof Span ? (Span) attached : GenAiSpans.start(r.sdk.tracer(), call);
        if (r.content != null && span.isRecording()) {
            try {
                r.content.addTo(span, call);
            } catch (Throwable t) {
                LOG.debug("content capture failed for a {} call", call.endpoint().provider(), t);
            }
        }
        GenAiSpans.end(span, call, errorType);
        r.metrics.record(call, errorType);
    }

    private Ready ready() {
        Ready r = ready;
        if (r != null || failed) {
            return r;
        }
        synchronized (this) {
            if (ready == null && !failed) {
                try {
                    long start = System.nanoTime();
                    TelemetrySdk sdk = TelemetrySdk.build(env, console, version);
                    ContentCapture content = captureContent
                            ? new ContentCapture(Redactor.fromConfig(config), config.get(TelemetrySettings.CONTENT_MAX_BYTES))
                            : null;
                    ready = new Ready(sdk, new GenAiMetrics(sdk.meter()), content);
                    LOG.debug("telemetry ready in {} ms ({} exporter, content capture {})",
                            (System.nanoTime() - start) / 1000000, console ? "console" : "otlp", captureContent ? "on" : "off");
                } catch (Throwable t) {
                    failed = true;
                    LOG.warn("telemetry could not start and is off for this JVM: {}", t.toString());
                }
            }
            return ready;
        }
    }
}
