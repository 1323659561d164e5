package dev.veil.agent.llm.response;

/**
 * A plain JSON body: collected and read at the end when small, read incrementally when large. Gemini's
 * stream without {@code alt=sse} (one JSON array whose elements arrive over time) is always read
 * incrementally, so each element counts as a chunk when it arrives.
 */
final class JsonFramer implements Framer {
    private final MessageBuffer message;
    private final IncrementalScanner scanner;
    private final boolean incremental;

    JsonFramer(MessageBuffer message, IncrementalScanner scanner, boolean incremental) {
        this.message = message;
        this.scanner = scanner;
        this.incremental = incremental;
    }

    @Override
    public void onBytes(byte[] b, int off, int len) {
        if (incremental) {
            scanner.feed(b, off, len);
        } else {
            message.append(b, off, len);
        }
    }

    @Override
    public void onEnd() {
        if (incremental) {
            scanner.endMessage();
        } else {
            message.end();
        }
    }
}
