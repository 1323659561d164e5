package dev.veil.agent.telemetry;

import dev.veil.agent.log.VeilLog;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code veil.otel.exporter=console}: spans and metrics printed to the agent's stderr, one block per span
 * and one line per metric point, prefixed {@code [veil-otel]}. For a quick look, not for machines.
 */
final class ConsoleExporters {
    private ConsoleExporters() {
    }

    static final class Spans implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            StringBuilder sb = new StringBuilder();
            for (SpanData s : spans) {
                sb.append("[veil-otel] span '").append(s.getName()).append("' ").append(s.getKind())
                        .append(" trace=").append(s.getTraceId()).append(" span=").append(s.getSpanId())
                        .append(" parent=").append(s.getParentSpanContext().isValid() ? s.getParentSpanId() : "none")
                        .append(" duration=").append(millis(s.getEndEpochNanos() - s.getStartEpochNanos())).append("ms")
                        .append(" status=").append(s.getStatus().getStatusCode()).append('\n');
                attributes(sb, s.getAttributes(), "[veil-otel]     ", "\n");
            }
            return print(sb);
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

    static final class Metrics implements MetricExporter {
        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            StringBuilder sb = new StringBuilder();
            for (MetricData m : metrics) {
                for (PointData p : m.getData().getPoints()) {
                    sb.append("[veil-otel] metric ").append(m.getName()).append(" [").append(m.getUnit()).append("] ");
                    if (p instanceof HistogramPointData) {
                        HistogramPointData h = (HistogramPointData) p;
                        sb.append("count=").append(h.getCount()).append(" sum=").append(h.getSum());
                    } else if (p instanceof LongPointData) {
                        sb.append("value=").append(((LongPointData) p).getValue());
                    } else if (p instanceof DoublePointData) {
                        sb.append("value=").append(((DoublePointData) p).getValue());
                    }
                    sb.append(" {");
                    attributes(sb, p.getAttributes(), "", ", ");
                    if (sb.charAt(sb.length() - 1) == ' ') {
                        sb.setLength(sb.length() - 2);
                    }
                    sb.append("}\n");
                }
            }
            return print(sb);
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

    private static CompletableResultCode print(StringBuilder text) {
        PrintStream out = VeilLog.stderr();
        synchronized (out) {
            out.print(text);
            out.flush();
        }
        return CompletableResultCode.ofSuccess();
    }

    private static void attributes(StringBuilder sb, Attributes attributes, String before, String after) {
        Map<String, Object> sorted = new TreeMap<String, Object>();
        for (Map.Entry<AttributeKey<?>, Object> e : attributes.asMap().entrySet()) {
            sorted.put(e.getKey().getKey(), e.getValue());
        }
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            sb.append(before).append(e.getKey()).append('=').append(e.getValue()).append(after);
        }
    }

    private static String millis(long nanos) {
        return String.valueOf(Math.round(nanos / 100000.0) / 10.0);
    }
}
