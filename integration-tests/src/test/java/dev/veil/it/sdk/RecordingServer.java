package dev.veil.it.sdk;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 that records each request as it arrived and answers through a
 * {@link Responder} chosen by the end of the request path; responders write JSON, SSE, NDJSON or binary
 * event streams, flushing event by event like the real providers.
 */
final class RecordingServer implements AutoCloseable {

    /** What the server got. */
    static final class Received {
        final String method;
        final String rawPath;
        /** The raw query string, or null. */
        final String rawQuery;
        final Headers headers;
        final byte[] body;

        Received(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
            this.method = method;
            this.rawPath = rawPath;
            this.rawQuery = rawQuery;
            this.headers = headers;
            this.body = body;
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Writes the answer to one request. */
    interface Responder {
        void respond(Received request, HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Responder> responders = new ConcurrentHashMap<>();

    RecordingServer() throws IOException {
        this(null);
    }

    /** Over TLS when {@code tls} is set (for SDKs that refuse to send a key over plain HTTP). */
    RecordingServer(TestTls tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls != null) {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
            server = https;
        } else {
            server = HttpServer.create(address, 0);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers requests whose path ends with {@code pathSuffix}. */
    RecordingServer on(String pathSuffix, Responder responder) {
        responders.put(pathSuffix, responder);
        return this;
    }

    String url(String path) {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    void clear() {
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes());
            received.add(request);
            for (Map.Entry<String, Responder> r : responders.entrySet()) {
                if (request.rawPath.endsWith(r.getKey())) {
                    r.getValue().respond(request, exchange);
                    return;
                }
            }
            send(exchange, 404, "application/json", "{\"error\":\"no fake for " + request.rawPath + "\"}");
        } finally {
            exchange.close();
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Streams {@code parts} chunked, flushing after each one. */
    static void stream(HttpExchange exchange, String contentType, List<byte[]> parts) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (byte[] part : parts) {
                out.write(part);
                out.flush();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
