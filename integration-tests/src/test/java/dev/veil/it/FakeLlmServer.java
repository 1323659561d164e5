package dev.veil.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 that answers like an LLM provider and records every request exactly
 * as it arrived on the wire (after the HTTP framing), so tests assert on what actually left the app.
 */
public final class FakeLlmServer implements AutoCloseable {

    /** What the server got. */
    public static final class Received {
        public final String method;
        public final String path;
        public final Headers headers;
        public final byte[] body;

        Received(String method, String path, Headers headers, byte[] body) {
            this.method = method;
            this.path = path;
            this.headers = headers;
            this.body = body;
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body with a {@code Content-Encoding: gzip} undone (the bytes as sent otherwise). */
        public byte[] decodedBody() {
            if (!"gzip".equalsIgnoreCase(headers.getFirst("Content-Encoding"))) {
                return body;
            }
            try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new AssertionError("the server got a broken gzip body", e);
            }
        }

        public String decodedText() {
            return new String(decodedBody(), StandardCharsets.UTF_8);
        }
    }

    /** A canned answer: one body, or chunks flushed one by one (a stream) with a short pause between them. */
    public static final class Reply {
        final int status;
        final String contentType;
        final byte[] body;
        final List<String> chunks;
        final long pauseMillis;

        public Reply(int status, String contentType, String body) {
            this.status = status;
            this.contentType = contentType;
            this.body = body.getBytes(StandardCharsets.UTF_8);
            this.chunks = null;
            this.pauseMillis = 0;
        }

        private Reply(String contentType, List<String> chunks, long pauseMillis) {
            this.status = 200;
            this.contentType = contentType;
            this.body = new byte[0];
            this.chunks = chunks;
            this.pauseMillis = pauseMillis;
        }

        public static Reply streamed(String contentType, List<String> chunks) {
            return new Reply(contentType, chunks, 15);
        }

        /** The same stream with {@code pauseMillis} between chunks (a slow model). */
        public Reply slowed(long pauseMillis) {
            return new Reply(contentType, chunks, pauseMillis);
        }
    }

    public static final String OPENAI_CHAT_REPLY = "{\"id\":\"chatcmpl-it\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"Sure.\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":2,\"total_tokens\":14}}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();

    public FakeLlmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Cached: stalled and never-ending streams hold their thread; 50 concurrent calls must not queue.
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public void reply(String path, Reply reply) {
        replies.put(path, reply);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Received> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    public Received only() {
        List<Received> all = received();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + all.size());
        }
        return all.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders(), body));
        if (ServerBehaviours.handle(exchange, path, body)) {
            return;
        }
        if (path.endsWith("/chat/completions") && !replies.containsKey(path)) {
            JsonNode request = parse(body);
            if (request != null && request.path("stream").asBoolean(false)) {
                streamOpenAiChat(exchange, request.at("/stream_options/include_usage").asBoolean(false));
                return;
            }
        }
        Reply reply = replies.getOrDefault(path, new Reply(200, "application/json", OPENAI_CHAT_REPLY));
        exchange.getResponseHeaders().add("Content-Type", reply.contentType);
        if (reply.chunks != null) {
            exchange.sendResponseHeaders(reply.status, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String chunk : reply.chunks) {
                    out.write(chunk.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    pause(reply.pauseMillis);
                }
            }
            return;
        }
        exchange.sendResponseHeaders(reply.status, reply.body.length == 0 ? -1 : reply.body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body);
        }
    }

    /**
     * Streams a chat completion the way OpenAI does: SSE events flushed one by one; with
     * {@code stream_options.include_usage} every chunk carries {@code "usage":null} and an extra last chunk
     * with {@code "choices":[]} carries the usage.
     */
    static void streamOpenAiChat(HttpExchange exchange, boolean includeUsage) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        String head = "{\"id\":\"chatcmpl-stream\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_1\",\"choices\":[";
        String tail = includeUsage ? "],\"usage\":null}" : "]}";
        String[] deltas = {
            "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}",
            "{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"logprobs\":null,\"finish_reason\":null}",
            "{\"index\":0,\"delta\":{\"content\":\"lo!\"},\"logprobs\":null,\"finish_reason\":null}",
            "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}",
        };
        try (OutputStream out = exchange.getResponseBody()) {
            for (String delta : deltas) {
                out.write(("data: " + head + delta + tail + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            if (includeUsage) {
                out.write(("data: " + head + "],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,"
                        + "\"total_tokens\":11}}\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
