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
            if (preludeFill == 0 && end - i >= PRELUDE) {
                int whole = wholeMessage(b, i, end);
                if (whole > 0) {
                    i += whole; // read in place, no copy
                    continue;
                }
            }
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
                    finishMessage(body, 0);
                }
                preludeFill = 0;
                bodyFill = 0;
            }
        }
    }

    /**
     * Reads the message starting at {@code at} straight from the caller's buffer when it lies there whole;
     * returns its length, or 0 when it does not (it is then collected as usual).
     */
    private int wholeMessage(byte[] b, int at, int end) {
        long total = readInt(b, at) & 0xFFFFFFFFL;
        if (total > end - at || total > MAX_BUFFERED + PRELUDE || !prelude(b, at)) {
            return 0; // incomplete, too large or bad: the collecting path decides
        }
        finishMessage(b, at + PRELUDE);
        return (int) total;
    }

    /** Checks the prelude at {@code at}; on success the CRC holds it and the lengths are set. */
    private boolean prelude(byte[] b, int at) {
        long total = readInt(b, at) & 0xFFFFFFFFL;
        long headers = readInt(b, at + 4) & 0xFFFFFFFFL;
        crc.reset();
        crc.update(b, at, 8);
        if ((int) crc.getValue() != readInt(b, at + 8) || total < 16 || total > MAX_MESSAGE || headers > total - 16) {
            return false;
        }
        crc.update(b, at + 8, 4);
        bodyLength = (int) total - PRELUDE;
        headersLength = (int) headers;
        return true;
    }

    private void startMessage() {
        if (!prelude(prelude, 0)) {
            lost = true;
            facts.malformed = true;
            return;
        }
        skipping = bodyLength > MAX_BUFFERED;
        if (skipping) {
            facts.malformed = true;
        } else if (body.length < bodyLength) {
            body = new byte[Math.max(bodyLength, body.length * 2)];
        }
    }

    /** The message after its prelude (headers, payload, message CRC) at {@code m} in {@code buf}. */
    private void finishMessage(byte[] buf, int m) {
        int crcAt = m + bodyLength - 4;
        crc.update(buf, m, bodyLength - 4);
        if ((int) crc.getValue() != readInt(buf, crcAt)) {
            facts.malformed = true;
            return;
        }
        boolean hasEventType = false;
        int messageType = MT_NONE;
        int exceptionAt = -1;
        int exceptionLen = 0;
        int headersEnd = m + headersLength;
        int p = m;
        while (p < headersEnd) {
            int nameLen = buf[p] & 0xFF;
            if (p + 1 + nameLen + 1 > headersEnd) {
                facts.malformed = true;
                return;
            }
            int nameAt = p + 1;
            p += 1 + nameLen;
            int type = buf[p++];
            if (type == 7 || type == 6) {
                int valueLen = p + 2 <= headersEnd ? ((buf[p] & 0xFF) << 8) | (buf[p + 1] & 0xFF) : -1;
                if (valueLen < 0 || p + 2 + valueLen > headersEnd) {
                    facts.malformed = true;
                    return;
                }
                if (type == 7) {
                    int valueAt = p + 2;
                    if (is(buf, nameAt, nameLen, EVENT_TYPE)) {
                        hasEventType = true;
                    } else if (is(buf, nameAt, nameLen, MESSAGE_TYPE)) {
                        messageType = is(buf, valueAt, valueLen, EVENT) ? MT_EVENT
                                : is(buf, valueAt, valueLen, EXCEPTION) ? MT_EXCEPTION
                                : is(buf, valueAt, valueLen, ERROR) ? MT_ERROR : MT_OTHER;
                    } else if (is(buf, nameAt, nameLen, EXCEPTION_TYPE) || is(buf, nameAt, nameLen, ERROR_CODE)) {
                        exceptionAt = valueAt;
                        exceptionLen = valueLen;
                    }
                }
                p += 2 + valueLen;
            } else {
                int size = fixedSize(type);
                if (size < 0 || p + size > headersEnd) {
                    facts.malformed = true;
                    return;
                }
                p += size;
            }
        }
        if (messageType == MT_EXCEPTION || messageType == MT_ERROR) {
            facts.error(1, exceptionAt >= 0 ? new String(buf, exceptionAt, exceptionLen, StandardCharsets.UTF_8)
                    : messageType == MT_EXCEPTION ? "exception" : "error");
            return;
        }
        if (hasEventType || messageType == MT_NONE || messageType == MT_EVENT) {
            scanner.scan(buf, headersEnd, crcAt);
        }
    }

    private static final int MT_NONE = 0;
    private static final int MT_EVENT = 1;
    private static final int MT_EXCEPTION = 2;
    private static final int MT_ERROR = 3;
    private static final int MT_OTHER = 4;
    private static final byte[] EVENT_TYPE = ascii(":event-type");
    private static final byte[] MESSAGE_TYPE = ascii(":message-type");
    private static final byte[] EXCEPTION_TYPE = ascii(":exception-type");
    private static final byte[] ERROR_CODE = ascii(":error-code");
    private static final byte[] EVENT = ascii("event");
    private static final byte[] EXCEPTION = ascii("exception");
    private static final byte[] ERROR = ascii("error");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether {@code buf[at, at + len)} holds exactly {@code expected} (header names compare as bytes, no String). */
    private static boolean is(byte[] buf, int at, int len, byte[] expected) {
        if (len != expected.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (buf[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
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
