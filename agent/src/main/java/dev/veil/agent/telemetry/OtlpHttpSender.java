package dev.veil.agent.telemetry;

import dev.veil.agent.call.ExportGuard;
import dev.veil.agent.log.VeilLog;
import io.opentelemetry.exporter.internal.marshal.Marshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;

/**
 * Posts one OTLP export request with {@link HttpURLConnection} (Java 8, no extra dependency). Runs on the
 * SDK's export threads inside {@link ExportGuard}, so Veil never treats its own export as an LLM call.
 * A failure (collector down, 4xx/5xx) never reaches the application: it is logged once per signal, then
 * only at debug level, and logged again once when exports succeed after failing.
 */
final class OtlpHttpSender {
    private static final Logger LOG = VeilLog.get(OtlpHttpSender.class);

    private final String signal;
    private final OtlpTarget target;
    private final String userAgent;
    private final AtomicBoolean failureReported = new AtomicBoolean();
    private volatile boolean failing;

    OtlpHttpSender(String signal, OtlpTarget target, String version) {
        this.signal = signal;
        this.target = target;
        this.userAgent = "veil-otlp-exporter/" + version;
    }

    CompletableResultCode send(Marshaler request) {
        ExportGuard.enter();
        try {
            int status = post(request);
            if (status >= 200 && status < 300) {
                if (failing) {
                    failing = false;
                    LOG.info("telemetry export of {} to {} works again", signal, where());
                }
                return CompletableResultCode.ofSuccess();
            }
            return failed("the collector answered HTTP " + status, null);
        } catch (Throwable t) {
            return failed(t.getClass().getName(), t);
        } finally {
            ExportGuard.exit();
        }
    }

    private int post(Marshaler request) throws IOException {
        byte[] payload = serialize(request);
        HttpURLConnection c = (HttpURLConnection) new URL(target.url).openConnection();
        int timeout = (int) Math.min(Integer.MAX_VALUE, Math.max(1, target.timeoutMillis));
        c.setConnectTimeout(timeout);
        c.setReadTimeout(timeout);
        c.setDoOutput(true);
        c.setUseCaches(false);
        c.setInstanceFollowRedirects(false);
        c.setRequestMethod("POST");
        c.setRequestProperty("Content-Type", target.json ? "application/json" : "application/x-protobuf");
        c.setRequestProperty("User-Agent", userAgent);
        if (target.gzip) {
            c.setRequestProperty("Content-Encoding", "gzip");
        }
        for (Map.Entry<String, String> h : target.headers.entrySet()) {
            c.setRequestProperty(h.getKey(), h.getValue());
        }
        c.setFixedLengthStreamingMode(payload.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(payload);
        }
        int status = c.getResponseCode();
        drain(status >= 400 ? c.getErrorStream() : c.getInputStream()); // lets the connection be reused
        return status;
    }

    private byte[] serialize(Marshaler request) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        OutputStream out = target.gzip ? new GZIPOutputStream(bytes) : bytes;
        if (target.json) {
            request.writeJsonTo(out);
        } else {
            request.writeBinaryTo(out);
        }
        out.close();
        return bytes.toByteArray();
    }

    private static void drain(InputStream in) throws IOException {
        if (in == null) {
            return;
        }
        try {
            byte[] buffer = new byte[1024];
            while (in.read(buffer) >= 0) {
                // discard
            }
        } finally {
            in.close();
        }
    }

    private CompletableResultCode failed(String why, Throwable t) {
        failing = true;
        if (failureReported.compareAndSet(false, true)) {
            LOG.warn("telemetry export of {} to {} failed: {}; the application is not affected, and further "
                    + "failures are logged at debug level only", signal, where(), why);
        } else {
            LOG.debug("telemetry export of {} to {} failed: {}", signal, where(), why, t);
        }
        return CompletableResultCode.ofFailure();
    }

    /** The endpoint without user info or query (neither belongs in a log). */
    private String where() {
        try {
            URL u = new URL(target.url);
            return u.getProtocol() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + u.getPath();
        } catch (IOException e) {
            return "the configured endpoint";
        }
    }
}
