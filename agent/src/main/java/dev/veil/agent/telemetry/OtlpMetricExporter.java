package dev.veil.agent.telemetry;

import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.Collection;

/** OTLP/HTTP metric exporter: the SDK's protobuf (or JSON) marshaler, sent by {@link OtlpHttpSender}. */
final class OtlpMetricExporter implements MetricExporter {
    private final OtlpHttpSender sender;
    private final AggregationTemporalitySelector temporality;

    OtlpMetricExporter(OtlpHttpSender sender, AggregationTemporalitySelector temporality) {
        this.sender = sender;
        this.temporality = temporality;
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return temporality.getAggregationTemporality(instrumentType);
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
        if (metrics.isEmpty()) {
            return CompletableResultCode.ofSuccess();
        }
        return sender.send(MetricsRequestMarshaler.create(metrics));
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
