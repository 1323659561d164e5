package dev.veil.agent.telemetry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where and how one signal (traces or metrics) is sent over OTLP/HTTP, from the standard variables:
 * {@code OTEL_EXPORTER_OTLP_[TRACES_|METRICS_]ENDPOINT}, {@code …_HEADERS}, {@code …_TIMEOUT},
 * {@code …_COMPRESSION}, {@code …_PROTOCOL}. A signal-specific endpoint is used as it is; the general one
 * gets {@code /v1/traces} or {@code /v1/metrics} appended.
 */
final class OtlpTarget {
    static final String DEFAULT_ENDPOINT = "http://localhost:4318";

    final String url;
    final Map<String, String> headers;
    final long timeoutMillis;
    final boolean gzip;
    final boolean json;

    private OtlpTarget(String url, Map<String, String> headers, long timeoutMillis, boolean gzip, boolean json) {
        this.url = url;
        this.headers = headers;
        this.timeoutMillis = timeoutMillis;
        this.gzip = gzip;
        this.json = json;
    }

    /** @param signal {@code traces} or {@code metrics} */
    static OtlpTarget of(OtelEnv env, String signal) {
        String prefix = "otel.exporter.otlp." + signal + ".";
        String url = env.get(prefix + "endpoint");
        if (url == null) {
            String base = env.get("otel.exporter.otlp.endpoint", DEFAULT_ENDPOINT);
            url = (base.endsWith("/") ? base : base + "/") + "v1/" + signal;
        }
        Map<String, String> headers = new LinkedHashMap<String, String>(env.keyValues("otel.exporter.otlp.headers"));
        headers.putAll(env.keyValues(prefix + "headers"));
        long timeout = env.millis(prefix + "timeout", env.millis("otel.exporter.otlp.timeout", 10000));
        String compression = env.get(prefix + "compression", env.get("otel.exporter.otlp.compression", "none"));
        String protocol = env.get(prefix + "protocol", env.get("otel.exporter.otlp.protocol", "http/protobuf"));
        return new OtlpTarget(url, Collections.unmodifiableMap(headers), timeout,
                "gzip".equals(compression.toLowerCase(Locale.ROOT)), "http/json".equals(protocol.toLowerCase(Locale.ROOT)));
    }

    /** The protocol named when it is one Veil cannot speak (grpc), else null. */
    static String unsupportedProtocol(OtelEnv env) {
        for (String key : new String[] {"otel.exporter.otlp.protocol", "otel.exporter.otlp.traces.protocol",
                "otel.exporter.otlp.metrics.protocol"}) {
            String p = env.get(key);
            if (p != null && !p.equalsIgnoreCase("http/protobuf") && !p.equalsIgnoreCase("http/json")) {
                return key + "=" + p;
            }
        }
        return null;
    }
}
