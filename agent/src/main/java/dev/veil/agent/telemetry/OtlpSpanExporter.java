package dev.veil.agent.telemetry;

import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/** OTLP/HTTP span exporter: the SDK's protobuf (or JSON) marshaler, sent by {@link OtlpHttpSender}. */
final class OtlpSpanExporter implements SpanExporter {
    private final OtlpHttpSender sender;

    OtlpSpanExporter(OtlpHttpSender sender) {
        this.sender = sender;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        if (spans.isEmpty()) {
            return CompletableResultCode.ofSuccess();
        }
        return sender.send(TraceRequestMarshaler.create(spans));
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
