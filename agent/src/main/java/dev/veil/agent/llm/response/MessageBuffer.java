package dev.veil.agent.llm.response;

import dev.veil.agent.llm.json.ByteSink;

/**
 * Collects one message (SSE event data, NDJSON line, small JSON body) for the fast {@link MessageScanner}.
 * A message larger than the cap is handed to the incremental {@link IncrementalScanner} instead, so memory stays
 * bounded whatever the provider sends.
 */
final class MessageBuffer {
    static final int DEFAULT_CAP = 64 * 1024;

    private final ByteSink buf = new ByteSink(2048);
    private final int cap;
    private final MessageScanner scanner;
    private final IncrementalScanner incremental;
    private boolean spilled;

    MessageBuffer(int cap, MessageScanner scanner, IncrementalScanner incremental) {
        this.cap = cap;
        this.scanner = scanner;
        this.incremental = incremental;
    }

    void append(byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        if (spilled) {
            incremental.feed(b, off, len);
            return;
        }
        if (buf.size() + len > cap) {
            spilled = true;
            incremental.feed(buf.array(), 0, buf.size());
            buf.reset();
            incremental.feed(b, off, len);
            return;
        }
        buf.write(b, off, len);
    }

    /** The message is complete. */
    void end() {
        if (spilled) {
            incremental.endMessage();
            spilled = false;
        } else if (buf.size() > 0) {
            scanner.scan(buf.array(), 0, buf.size());
        }
        buf.reset();
    }
}
