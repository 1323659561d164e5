package dev.veil.it;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A real OTLP/HTTP receiver on 127.0.0.1 ({@code /v1/traces}, {@code /v1/metrics}, protobuf, optionally
 * gzip) that decodes every export with the official OTLP protobuf classes and keeps the raw bytes too,
 * so tests can assert both on what was exported and on what was never in it.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** A span with the resource and scope it came with. */
    public static final class ReceivedSpan {
        public final Resource resource;
        public final String scope;
        public final Span span;

        ReceivedSpan(Resource resource, String scope, Span span) {
            this.resource = resource;
            this.scope = scope;
            this.span = span;
        }

        public AnyValue attr(String key) {
            return OtlpReceiver.attr(span.getAttributesList(), key);
        }

        public String string(String key) {
            AnyValue v = attr(key);
            return v == null ? null : v.getStringValue();
        }

        public Long number(String key) {
            AnyValue v = attr(key);
            return v == null ? null : v.getIntValue();
        }

        public String traceId() {
            return hex(span.getTraceId().toByteArray());
        }

        public String spanId() {
            return hex(span.getSpanId().toByteArray());
        }

        public String parentSpanId() {
            return hex(span.getParentSpanId().toByteArray());
        }

        @Override
        public String toString() {
            return scope + " " + span.getName() + " " + span.getKind() + " trace=" + traceId() + " span=" + spanId()
                    + " parent=" + parentSpanId() + " " + span.getAttributesList();
        }
    }

    /** A metric with the resource it came with. */
    public static final class ReceivedMetric {
        public final Resource resource;
        public final String scope;
        public final Metric metric;

        ReceivedMetric(Resource resource, String scope, Metric metric) {
            this.resource = resource;
            this.scope = scope;
            this.metric = metric;
        }
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new ArrayList<>();
    private final List<ReceivedMetric> metrics = new ArrayList<>();
    private final List<byte[]> raw = new ArrayList<>();
    private final List<Headers> headers = new ArrayList<>();

    public OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/traces", e -> handle(e, true));
        server.createContext("/v1/metrics", e -> handle(e, false));
        server.createContext("/v1/logs", e -> respond(e, new byte[0]));
        server.start();
    }

    /** The value for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange, boolean traces) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
        }
        synchronized (this) {
            raw.add(body);
            headers.add(exchange.getRequestHeaders());
            if (traces) {
                for (ResourceSpans rs : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
                    for (ScopeSpans ss : rs.getScopeSpansList()) {
                        for (Span s : ss.getSpansList()) {
                            spans.add(new ReceivedSpan(rs.getResource(), ss.getScope().getName(), s));
                        }
                    }
                }
            } else {
                for (ResourceMetrics rm : ExportMetricsServiceRequest.parseFrom(body).getResourceMetricsList()) {
                    for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                        for (Metric m : sm.getMetricsList()) {
                            metrics.add(new ReceivedMetric(rm.getResource(), sm.getScope().getName(), m));
                        }
                    }
                }
            }
        }
        respond(exchange, traces ? ExportTraceServiceResponse.getDefaultInstance().toByteArray()
                : ExportMetricsServiceResponse.getDefaultInstance().toByteArray());
    }

    private static void respond(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public synchronized List<ReceivedSpan> spans() {
        return new ArrayList<>(spans);
    }

    public synchronized List<ReceivedMetric> metrics() {
        return new ArrayList<>(metrics);
    }

    /** Every export request body received (decompressed). */
    public synchronized List<byte[]> raw() {
        return new ArrayList<>(raw);
    }

    public synchronized List<Headers> requestHeaders() {
        return new ArrayList<>(headers);
    }

    /** Spans of the given instrumentation scope. */
    public List<ReceivedSpan> spans(String scope) {
        List<ReceivedSpan> out = new ArrayList<>();
        for (ReceivedSpan s : spans()) {
            if (s.scope.equals(scope)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The last exported data of the metric named {@code name} (cumulative: the last one holds every call). */
    public Metric metric(String name) {
        Metric found = null;
        for (ReceivedMetric m : metrics()) {
            if (m.metric.getName().equals(name)) {
                found = m.metric;
            }
        }
        return found;
    }

    static AnyValue attr(List<KeyValue> attributes, String key) {
        for (KeyValue kv : attributes) {
            if (kv.getKey().equals(key)) {
                return kv.getValue();
            }
        }
        return null;
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
