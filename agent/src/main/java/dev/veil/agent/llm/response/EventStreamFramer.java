package dev.veil.agent.llm.response;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * AWS event stream ({@code application/vnd.amazon.eventstream}, Bedrock ConverseStream and
 * InvokeModelWithResponseStream). Each message: total length, headers length, prelude CRC32, headers,
 * payload, message CRC32, all big-endian. Both CRCs are checked. A message is buffered only up to
 * {@link #MAX_BUFFERED} bytes; a larger one is skipped. A bad prelude loses the framing, so reading
 * stops there; a bad message CRC only drops that message.
 */
final class EventStreamFramer implements Framer {
    static final int MAX_BUFFERED = 1 << 20;
    /** The format's own limit on a message (16 MiB). */
    private static final long MAX_MESSAGE = 16L << 20;
    private static final int PRELUDE = 12;

    private final MessageScanner scanner;
    private final ResponseFacts facts;
    private final byte[] prelude = new byte[PRELUDE];
    private int preludeFill;
    private byte[] body = new byte[4096];
    private int bodyFill;
    /** Bytes after the prelude: headers + payload + message CRC. */
    private int bodyLength;
    private int headersLength;
    private boolean skipping;
    private final CRC32 crc = new CRC32();
    private boolean lost;

    EventStreamFramer(MessageScanner scanner, ResponseFacts facts) {
        this.scanner = scanner;
        this.facts = facts;
    }

    @Override
    public void onBytes(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end && !lost) {
            if (preludeFill < PRELUDE) {
                int n = Math.min(PRELUDE - preludeFill, end - i);
                System.arraycopy(b, i, prelude, preludeFill, n);
                preludeFill += n;
                i += n;
                if (preludeFill == PRELUDE) {
                    startMessage();
                }
                continue;
            }
            int n = Math.min(bodyLength - bodyFill, end - i);
            if (!skipping) {
                System.arraycopy(b, i, body, bodyFill, n);
            }
            bodyFill += n;
            i += n;
            if (bodyFill == bodyLength) {
                if (!skipping) {
                    finishMessage();
                }
                preludeFill = 0;
                bodyFill = 0;
            }
        }
    }

    private void startMessage() {
        long total = readInt(prelude, 0) & 0xFFFFFFFFL;
        long headers = readInt(prelude, 4) & 0xFFFFFFFFL;
        crc.reset();
        crc.update(prelude, 0, 8);
        if ((int) crc.getValue() != readInt(prelude, 8) || total < 16 || total > MAX_MESSAGE || headers > total - 16) {
            lost = true;
            facts.malformed = true;
            return;
        }
        crc.update(prelude, 8, 4);
        bodyLength = (int) total - PRELUDE;
        headersLength = (int) headers;
        skipping = bodyLength > MAX_BUFFERED;
        if (skipping) {
            facts.malformed = true;
        } else if (body.length < bodyLength) {
            body = new byte[Math.max(bodyLength, body.length * 2)];
        }
    }

    private void finishMessage() {
        int crcAt = bodyLength - 4;
        crc.update(body, 0, crcAt);
        if ((int) crc.getValue() != readInt(body, crcAt)) {
            facts.malformed = true;
            return;
        }
        String eventType = null;
        String messageType = null;
        String exceptionType = null;
        int p = 0;
        while (p < headersLength) {
            int nameLen = body[p] & 0xFF;
            if (p + 1 + nameLen + 1 > headersLength) {
                facts.malformed = true;
                return;
            }
            String name = new String(body, p + 1, nameLen, StandardCharsets.UTF_8);
            p += 1 + nameLen;
            int type = body[p++];
            if (type == 7 || type == 6) {
                int valueLen = p + 2 <= headersLength ? ((body[p] & 0xFF) << 8) | (body[p + 1] & 0xFF) : -1;
                if (valueLen < 0 || p + 2 + valueLen > headersLength) {
                    facts.malformed = true;
                    return;
                }
                if (type == 7) {
                    String value = new String(body, p + 2, valueLen, StandardCharsets.UTF_8);
                    if (name.equals(":event-type")) {
                        eventType = value;
                    } else if (name.equals(":message-type")) {
                        messageType = value;
                    } else if (name.equals(":exception-type") || name.equals(":error-code")) {
                        exceptionType = value;
                    }
                }
                p += 2 + valueLen;
            } else {
                int size = fixedSize(type);
                if (size < 0 || p + size > headersLength) {
                    facts.malformed = true;
                    return;
                }
                p += size;
            }
        }
        if ("exception".equals(messageType) || "error".equals(messageType)) {
            facts.error(1, exceptionType != null ? exceptionType : messageType);
            return;
        }
        if (eventType != null || messageType == null || "event".equals(messageType)) {
            scanner.scan(body, headersLength, crcAt);
        }
    }

    /** Sizes of the fixed-width header value types: bool true/false, byte, short, int, long, timestamp, uuid. */
    private static int fixedSize(int type) {
        switch (type) {
            case 0:
            case 1:
                return 0;
            case 2:
                return 1;
            case 3:
                return 2;
            case 4:
                return 4;
            case 5:
            case 8:
                return 8;
            case 9:
                return 16;
            default:
                return -1;
        }
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    @Override
    public void onEnd() {
        if (preludeFill != 0 || bodyFill != 0) {
            facts.malformed = true; // truncated message
        }
    }
}
