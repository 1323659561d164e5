package dev.veil.testapp.perf;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-style chat server on 127.0.0.1, in the benchmark's own process: {@code /v1/chat/completions}
 * answers a small completion, or with {@code "stream":true} an SSE stream of {@code ?bytes=N} bytes;
 * {@code /api/orders} is an ordinary (non-LLM) endpoint. It counts requests whose body still holds one
 * of the values the benchmark planted ({@link #watch}), so a run can prove they were redacted.
 */
final class FakeLlmServer {

    private static final byte[] COMPLETION = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
            + "\"Noted.\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":2000,\"completion_tokens\":2,"
            + "\"total_tokens\":2002}}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] ORDER = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHUNK = ("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"the quarterly numbers look "
            + "steady across every region we track, with a small rise in returns \"},\"finish_reason\":null}]}\n\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = ("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor;
    private volatile List<String> watched = List.of();
    private final AtomicInteger leaked = new AtomicInteger();

    private FakeLlmServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static FakeLlmServer start() throws IOException {
        // Without it, the response's header and body writes meet delayed ACKs: ~40 ms per keep-alive call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fake-llm-server");
            t.setDaemon(true);
            return t;
        });
        FakeLlmServer fake = new FakeLlmServer(server, executor);
        server.createContext("/", fake::handle);
        server.setExecutor(executor);
        server.start();
        return fake;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** Values that must not reach the server; {@link #leaked()} counts requests that held one. */
    void watch(List<String> values) {
        watched = List.copyOf(values);
    }

    int leaked() {
        return leaked.get();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String text = new String(body, StandardCharsets.UTF_8);
            for (String value : watched) {
                if (text.contains(value)) {
                    leaked.incrementAndGet();
                    break;
                }
            }
            URI uri = exchange.getRequestURI();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (!uri.getPath().endsWith("/chat/completions")) {
                send(exchange, ORDER);
            } else if (text.contains("\"stream\":true")) {
                stream(exchange, bytesParameter(uri));
            } else {
                send(exchange, COMPLETION);
            }
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An SSE stream of about {@code total} bytes; the first event is flushed at once (time to first byte). */
    private static void stream(HttpExchange exchange, long total) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(CHUNK);
            out.flush();
            byte[] batch = new byte[CHUNK.length * 128];
            for (int i = 0; i < 128; i++) {
                System.arraycopy(CHUNK, 0, batch, i * CHUNK.length, CHUNK.length);
            }
            long sent = CHUNK.length;
            while (sent + batch.length <= total) {
                out.write(batch);
                sent += batch.length;
            }
            while (sent + CHUNK.length <= total) {
                out.write(CHUNK);
                sent += CHUNK.length;
            }
            out.write(END);
        }
    }

    private static long bytesParameter(URI uri) {
        String q = uri.getQuery();
        if (q != null && q.startsWith("bytes=")) {
            return Long.parseLong(q.substring("bytes=".length()));
        }
        return 64 * 1024;
    }
}
