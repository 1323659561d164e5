package dev.veil.it.sdk;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Bedrock Runtime on 127.0.0.1: verifies each request's SigV4 signature against the bytes that arrived
 * (403 with an AWS-style error otherwise, as the service does), answers Converse with JSON and
 * ConverseStream with the binary {@code application/vnd.amazon.eventstream} format (prelude and message
 * CRC32s, {@code :event-type} headers, JSON payloads), and ListAsyncInvokes (not a prompt) with an empty list.
 */
final class FakeBedrock {

    static final int CONVERSE_IN = 21;
    static final int CONVERSE_OUT = 3;
    static final int STREAM_IN = 23;
    static final int STREAM_OUT = 5;

    private FakeBedrock() {
    }

    static RecordingServer start(SigV4Verifier verifier) throws java.io.IOException {
        RecordingServer server = new RecordingServer();
        server.on("/converse", (request, exchange) -> {
            if (rejected(verifier, request, exchange)) {
                return;
            }
            exchange.getResponseHeaders().add("x-amzn-RequestId", "00000000-0000-0000-0000-000000000001");
            RecordingServer.send(exchange, 200, "application/json", "{\"output\":{\"message\":{\"role\":\"assistant\","
                    + "\"content\":[{\"text\":\"Hello!\"}]}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":"
                    + CONVERSE_IN + ",\"outputTokens\":" + CONVERSE_OUT + ",\"totalTokens\":" + (CONVERSE_IN + CONVERSE_OUT)
                    + "},\"metrics\":{\"latencyMs\":120}}");
        });
        server.on("/converse-stream", (request, exchange) -> {
            if (rejected(verifier, request, exchange)) {
                return;
            }
            exchange.getResponseHeaders().add("x-amzn-RequestId", "00000000-0000-0000-0000-000000000002");
            List<byte[]> events = new ArrayList<>();
            events.add(event("messageStart", "{\"p\":\"abcd\",\"role\":\"assistant\"}"));
            events.add(event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hel\"},\"p\":\"ab\"}"));
            events.add(event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"lo!\"},\"p\":\"abc\"}"));
            events.add(event("contentBlockStop", "{\"contentBlockIndex\":0,\"p\":\"a\"}"));
            events.add(event("messageStop", "{\"p\":\"abcdef\",\"stopReason\":\"end_turn\"}"));
            events.add(event("metadata", "{\"metrics\":{\"latencyMs\":150},\"p\":\"ab\",\"usage\":{\"inputTokens\":" + STREAM_IN
                    + ",\"outputTokens\":" + STREAM_OUT + ",\"totalTokens\":" + (STREAM_IN + STREAM_OUT) + "}}"));
            RecordingServer.stream(exchange, "application/vnd.amazon.eventstream", events);
        });
        server.on("/async-invoke", (request, exchange) -> {
            if (!rejected(verifier, request, exchange)) {
                RecordingServer.send(exchange, 200, "application/json", "{\"asyncInvokeSummaries\":[]}");
            }
        });
        return server;
    }

    private static boolean rejected(SigV4Verifier verifier, RecordingServer.Received request,
                                    com.sun.net.httpserver.HttpExchange exchange) throws java.io.IOException {
        String problem = verifier.problem(request);
        if (problem == null) {
            return false;
        }
        exchange.getResponseHeaders().add("x-amzn-ErrorType", "InvalidSignatureException");
        RecordingServer.send(exchange, 403, "application/json", "{\"message\":\"" + problem.replace("\"", "'") + "\"}");
        return true;
    }

    /** One event-stream message: prelude (total length, headers length, CRC32), headers, payload, CRC32. */
    static byte[] event(String eventType, String json) {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        header(headers, ":event-type", eventType);
        header(headers, ":content-type", "application/json");
        header(headers, ":message-type", "event");
        byte[] h = headers.toByteArray();
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        int total = 12 + h.length + payload.length + 4;
        ByteBuffer message = ByteBuffer.allocate(total);
        message.putInt(total).putInt(h.length);
        message.putInt((int) crc(message.array(), 0, 8));
        message.put(h).put(payload);
        message.putInt((int) crc(message.array(), 0, total - 4));
        return message.array();
    }

    private static void header(ByteArrayOutputStream out, String name, String value) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        out.write(n.length);
        out.write(n, 0, n.length);
        out.write(7); // string
        out.write((v.length >> 8) & 0xff);
        out.write(v.length & 0xff);
        out.write(v, 0, v.length);
    }

    private static long crc(byte[] bytes, int off, int len) {
        CRC32 crc = new CRC32();
        crc.update(bytes, off, len);
        return crc.getValue();
    }
}
