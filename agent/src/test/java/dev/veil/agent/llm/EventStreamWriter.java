package dev.veil.agent.llm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Builds AWS event-stream bytes from a readable fixture: one message per line,
 * {@code event<TAB>eventType<TAB>json}, {@code exception<TAB>exceptionType<TAB>json}, or
 * {@code chunk<TAB>json} (an InvokeModel chunk: the JSON travels base64-encoded in {@code bytes}).
 */
final class EventStreamWriter {
    private EventStreamWriter() {
    }

    static byte[] fromFixture(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : text.split("\n")) {
            if (line.trim().isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", 3);
            byte[] m;
            if (f[0].equals("chunk")) {
                String b64 = Base64.getEncoder().encodeToString(f[1].getBytes(StandardCharsets.UTF_8));
                m = message("event", ":event-type", "chunk", "{\"bytes\":\"" + b64 + "\",\"p\":\"abcd\"}");
            } else if (f[0].equals("exception")) {
                m = message("exception", ":exception-type", f[1], f[2]);
            } else {
                m = message("event", ":event-type", f[1], f[2]);
            }
            out.write(m, 0, m.length);
        }
        return out.toByteArray();
    }

    static byte[] message(String messageType, String typeHeader, String type, String json) {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        stringHeader(headers, ":message-type", messageType);
        stringHeader(headers, typeHeader, type);
        stringHeader(headers, ":content-type", "application/json");
        byte[] h = headers.toByteArray();
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        int total = 16 + h.length + payload.length;
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        writeInt(m, total);
        writeInt(m, h.length);
        CRC32 crc = new CRC32();
        crc.update(m.toByteArray(), 0, 8);
        writeInt(m, (int) crc.getValue());
        m.write(h, 0, h.length);
        m.write(payload, 0, payload.length);
        crc.reset();
        crc.update(m.toByteArray(), 0, m.size());
        writeInt(m, (int) crc.getValue());
        return m.toByteArray();
    }

    private static void stringHeader(ByteArrayOutputStream out, String name, String value) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        out.write(n.length);
        out.write(n, 0, n.length);
        out.write(7);
        out.write(v.length >> 8);
        out.write(v.length & 0xFF);
        out.write(v, 0, v.length);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
