package dev.veil.benchmarks.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;

/** Realistic benchmark payloads, built once: an ~8 KiB chat request and ~256 KiB response streams. */
final class Payloads {
    private static final String[] WORDS = ("the of and to in is you that it he was for on are as with his they at be this "
            + "have from or one had by word but not what all were we when your can said there use an each which she do how "
            + "their if will up other about out many then them these so some her would make like him into time has look two "
            + "more write go see number no way could people my than first water been call who oil its now find long down day "
            + "did get come made may part deploy cluster invoice customer refund order shipping account password policy").split(" ");

    private Payloads() {
    }

    static String words(Random r, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(i % 17 == 0 ? ".\\n" : " ");
            }
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    /** An OpenAI chat request of about {@code size} bytes: system prompt, turns, a tool call and its result. */
    static byte[] chatRequest(int size, String secret) {
        Random r = new Random(1);
        StringBuilder sb = new StringBuilder("{\"model\":\"gpt-4o-mini\",\"temperature\":0.2,\"max_tokens\":512,\"stream\":false,"
                + "\"messages\":[{\"role\":\"system\",\"content\":\"" + words(r, 60) + "\"}");
        sb.append(",{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_8dK2x\",\"type\":\"function\","
                + "\"function\":{\"name\":\"lookup_order\",\"arguments\":\"{\\\"order_id\\\":\\\"A-1234\\\",\\\"note\\\":\\\""
                + words(r, 12) + "\\\"}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"call_8dK2x\",\"content\":\"{\\\"status\\\":"
                + "\\\"shipped\\\",\\\"eta\\\":\\\"2 days\\\"}\"}");
        boolean user = true;
        while (sb.length() < size - 400) {
            sb.append(",{\"role\":\"").append(user ? "user" : "assistant").append("\",\"content\":\"")
                    .append(words(r, 40 + r.nextInt(40))).append("\"}");
            user = !user;
        }
        sb.append(",{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"").append(words(r, 20))
                .append(secret == null ? "" : " my key is " + secret).append("\"}]}]}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An OpenAI chat completion stream of about {@code size} bytes, usage chunk included. */
    static byte[] openAiStream(int size) {
        Random r = new Random(2);
        StringBuilder sb = new StringBuilder();
        String head = "data: {\"id\":\"chatcmpl-AbCdEf123\",\"object\":\"chat.completion.chunk\",\"created\":1727000000,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_0ba0d124f1\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"";
        while (sb.length() < size) {
            sb.append(head).append(words(r, 1 + r.nextInt(3))).append(" \"},\"logprobs\":null,\"finish_reason\":null}],"
                    + "\"usage\":null}\n\n");
        }
        sb.append("data: {\"id\":\"chatcmpl-AbCdEf123\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":"
                + "{\"prompt_tokens\":900,\"completion_tokens\":4000,\"total_tokens\":4900}}\n\ndata: [DONE]\n\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An Anthropic Messages stream of about {@code size} bytes. */
    static byte[] anthropicStream(int size) {
        Random r = new Random(3);
        StringBuilder sb = new StringBuilder("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":"
                + "\"msg_01XFDUDYJgAACzvnptvVoYEL\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":"
                + "\"claude-sonnet-4-20250514\",\"stop_reason\":null,\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}\n\n");
        while (sb.length() < size) {
            sb.append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                    + "\"text_delta\",\"text\":\"").append(words(r, 1 + r.nextInt(4))).append(" \"}}\n\n");
        }
        sb.append("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                + "\"usage\":{\"output_tokens\":4000}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A Bedrock ConverseStream body of about {@code size} bytes in the binary event-stream framing. */
    static byte[] bedrockStream(int size) {
        Random r = new Random(4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "messageStart", "{\"role\":\"assistant\",\"p\":\"abcdefgh\"}");
        while (out.size() < size) {
            write(out, "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"" + words(r, 1 + r.nextInt(4))
                    + " \"},\"p\":\"abcdefghijkl\"}");
        }
        write(out, "messageStop", "{\"stopReason\":\"end_turn\",\"p\":\"abc\"}");
        write(out, "metadata", "{\"usage\":{\"inputTokens\":25,\"outputTokens\":4000,\"totalTokens\":4025},"
                + "\"metrics\":{\"latencyMs\":9000}}");
        return out.toByteArray();
    }

    /** A plain JSON embeddings response of about {@code size} bytes (mostly numbers). */
    static byte[] embeddingsResponse(int size) {
        Random r = new Random(5);
        StringBuilder sb = new StringBuilder("{\"object\":\"list\",\"data\":[");
        int index = 0;
        while (sb.length() < size) {
            if (index > 0) {
                sb.append(',');
            }
            sb.append("{\"object\":\"embedding\",\"index\":").append(index++).append(",\"embedding\":[");
            for (int i = 0; i < 256; i++) {
                sb.append(i == 0 ? "" : ",").append(r.nextGaussian() * 0.02);
            }
            sb.append("]}");
        }
        sb.append("],\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String base64(int bytes) {
        byte[] b = new byte[bytes];
        new Random(6).nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static void write(ByteArrayOutputStream out, String eventType, String json) {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        header(headers, ":event-type", eventType);
        header(headers, ":content-type", "application/json");
        header(headers, ":message-type", "event");
        byte[] h = headers.toByteArray();
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        int total = 16 + h.length + payload.length;
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        int32(m, total);
        int32(m, h.length);
        CRC32 crc = new CRC32();
        crc.update(m.toByteArray(), 0, 8);
        int32(m, (int) crc.getValue());
        m.write(h, 0, h.length);
        m.write(payload, 0, payload.length);
        crc.reset();
        crc.update(m.toByteArray(), 0, m.size());
        int32(m, (int) crc.getValue());
        byte[] bytes = m.toByteArray();
        out.write(bytes, 0, bytes.length);
    }

    private static void header(ByteArrayOutputStream out, String name, String value) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        out.write(n.length);
        out.write(n, 0, n.length);
        out.write(7);
        out.write(v.length >> 8);
        out.write(v.length & 0xFF);
        out.write(v, 0, v.length);
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
