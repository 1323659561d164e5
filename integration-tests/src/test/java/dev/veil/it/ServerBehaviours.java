package dev.veil.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * What {@link FakeLlmServer} does for the conformance suite's special paths, chosen by a marker segment so
 * that the rest of the path still ends like a provider's API:
 * <ul>
 * <li>{@code /redirect307/…}, {@code /redirect308/…}: redirect (same method and body) to the path without the marker;</li>
 * <li>{@code /flaky/…}: the first request to a path gets 503, later ones the normal answer;</li>
 * <li>{@code /stall/…}: waits 5 s before answering (clients with a 1 s timeout give up);</li>
 * <li>{@code /slow/…}: a chat stream that sends its first event, then stalls up to 10 s before the rest;</li>
 * <li>{@code /gzip/…}: the answer gzip-encoded when the client accepts gzip (streams flushed per event);</li>
 * <li>{@code …/api/chat}: Ollama's NDJSON stream (or one JSON object with {@code "stream":false});</li>
 * <li>{@code /endless/…}: a chat stream that never ends (an event every 20 ms until the client goes away, at most 20 s);</li>
 * <li>{@code /parser-fault/…}: the normal answer, its {@code Content-Type} carrying the trigger that makes the
 *     agent's testing-only fault injection give the call a throwing response parser.</li>
 * </ul>
 */
final class ServerBehaviours {

    static final String OLLAMA_CHAT_REPLY = "{\"model\":\"llama3.2\",\"created_at\":\"2026-01-01T00:00:00Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":\"Sure.\"},\"done\":true,\"done_reason\":\"stop\","
            + "\"prompt_eval_count\":12,\"eval_count\":2}";

    private static final Set<String> FLAKY_SEEN = ConcurrentHashMap.newKeySet();

    private ServerBehaviours() {
    }

    /** True when the exchange was answered here. */
    static boolean handle(HttpExchange exchange, String path, byte[] body) throws IOException {
        for (String code : new String[] {"307", "308"}) {
            String marker = "/redirect" + code + "/";
            if (path.contains(marker)) {
                exchange.getResponseHeaders().add("Location", path.replace(marker, "/"));
                exchange.sendResponseHeaders(Integer.parseInt(code), -1);
                exchange.close();
                return true;
            }
        }
        if (path.contains("/flaky/") && FLAKY_SEEN.add(path)) {
            send(exchange, 503, "application/json", "{\"error\":{\"message\":\"try again\"}}".getBytes(StandardCharsets.UTF_8));
            return true;
        }
        if (path.contains("/endless/")) {
            endless(exchange);
            return true;
        }
        if (path.contains("/parser-fault/")) {
            JsonNode req = FakeLlmServer.parse(body);
            if (req != null && req.path("stream").asBoolean(false)) {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream; veil-test-fault=parser-oom");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (String event : new String[] {"data: {\"id\":\"c1\",\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\n",
                        "data: [DONE]\n\n"}) {
                        out.write(event.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            } else {
                send(exchange, 200, "application/json; veil-test-fault=parser",
                        FakeLlmServer.OPENAI_CHAT_REPLY.getBytes(StandardCharsets.UTF_8));
            }
            return true;
        }
        if (path.contains("/stall/")) {
            sleep(5_000);
            send(exchange, 200, "application/json", FakeLlmServer.OPENAI_CHAT_REPLY.getBytes(StandardCharsets.UTF_8));
            return true;
        }
        boolean gzip = path.contains("/gzip/") && accepts(exchange, "gzip");
        JsonNode request = FakeLlmServer.parse(body);
        if (path.endsWith("/api/chat")) {
            if (request != null && !request.path("stream").asBoolean(true)) {
                send(exchange, 200, "application/json", OLLAMA_CHAT_REPLY.getBytes(StandardCharsets.UTF_8));
            } else {
                streamOllama(exchange);
            }
            return true;
        }
        if (path.endsWith("/chat/completions") && request != null && request.path("stream").asBoolean(false)
                && (gzip || path.contains("/slow/"))) {
            streamEvents(exchange, gzip, path.contains("/slow/"));
            return true;
        }
        if (gzip) {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            send(exchange, 200, "application/json", gzip(FakeLlmServer.OPENAI_CHAT_REPLY.getBytes(StandardCharsets.UTF_8)));
            return true;
        }
        return false;
    }

    private static void streamOllama(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        String head = "{\"model\":\"llama3.2\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"";
        try (OutputStream out = exchange.getResponseBody()) {
            for (String piece : new String[] {"Hel", "lo", "!"}) {
                out.write((head + piece + "\"},\"done\":false}\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write((head + "\"},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":12,\"eval_count\":3}\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An OpenAI chat stream, gzip-encoded and/or stalling after its first event. */
    private static void streamEvents(HttpExchange exchange, boolean gzip, boolean stall) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
        if (gzip) {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, 0);
        String head = "{\"id\":\"chatcmpl-stream\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"";
        OutputStream raw = exchange.getResponseBody();
        try (OutputStream out = gzip ? new GZIPOutputStream(raw, true) : raw) {
            for (int i = 0; i < 3; i++) {
                out.write(("data: " + head + "part" + i + "\"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (stall && i == 0) {
                    sleep(10_000);
                }
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException clientWentAway) {
            // expected after an early close or a cancel
        }
    }

    /** Never ends on its own: stops when the client goes away (or after 20 s, so no server thread is kept). */
    private static void endless(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        long until = System.nanoTime() + 20_000_000_000L;
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; System.nanoTime() < until; i++) {
                out.write(("data: {\"id\":\"chatcmpl-endless\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tick" + i
                        + "\"}}]}\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(20);
            }
        } catch (IOException clientWentAway) {
            // the only way this stream ends
        }
    }

    private static boolean accepts(HttpExchange exchange, String encoding) {
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        return accepted != null && accepted.toLowerCase().contains(encoding);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
