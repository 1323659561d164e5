package dev.veil.testapp.huc;

import dev.veil.testapp.protocol.ConformanceApp;
import dev.veil.testapp.protocol.Reply;
import dev.veil.testapp.protocol.RequestSpec;
import dev.veil.testapp.protocol.Streamed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An unmodified app that posts with {@code java.net.HttpURLConnection} the way legacy code does: write the
 * body to {@code getOutputStream()}, then {@code getResponseCode()} and {@code getInputStream()}. By
 * default the JDK buffers the body; {@code chunked} uses {@code setChunkedStreamingMode}, the variant
 * {@code fixed} {@code setFixedLengthStreamingMode}. "Async" is a task on the common pool, as apps do it.
 */
public final class HttpUrlConnectionApp extends ConformanceApp {

    public static void main(String[] args) throws Exception {
        new HttpUrlConnectionApp().runMain(args);
    }

    @Override
    protected Object build(RequestSpec spec) {
        // A connection is single-use: the spec is the reusable request.
        return spec;
    }

    private static HttpURLConnection send(RequestSpec spec) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(spec.url).openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(spec.readTimeoutMillis > 0 ? spec.readTimeoutMillis : 30_000);
        for (Map.Entry<String, String> h : spec.headers.entrySet()) {
            connection.setRequestProperty(h.getKey(), h.getValue());
        }
        if (spec.unknownLength) {
            connection.setChunkedStreamingMode(16);
        } else if ("fixed".equals(spec.variant)) {
            connection.setFixedLengthStreamingMode(spec.body.length);
        }
        try (OutputStream out = connection.getOutputStream()) {
            out.write(spec.body);
        }
        return connection;
    }

    @Override
    protected Reply execute(Object request) throws IOException {
        HttpURLConnection connection = send((RequestSpec) request);
        int status = connection.getResponseCode();
        InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        try (InputStream in = body) {
            return new Reply(status, in == null ? "" : text(in));
        }
    }

    @Override
    protected Reply executeAsync(Object request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return execute(request);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }).join();
    }

    @Override
    protected Streamed open(Object request) throws IOException {
        HttpURLConnection connection = send((RequestSpec) request);
        int status = connection.getResponseCode();
        return new Streamed(status, connection.getInputStream(), connection::disconnect);
    }
}
