package dev.veil.agent.llm.response;

/** Newline-delimited JSON (Ollama streams): every line is one message, fed to the walker as it arrives. */
final class LineFramer implements Framer {
    private final TokenWalker walker;

    LineFramer(TokenWalker walker) {
        this.walker = walker;
    }

    @Override
    public void onBytes(byte[] b, int off, int len) {
        int end = off + len;
        int start = off;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                walker.feed(b, start, i - start);
                walker.endMessage();
                start = i + 1;
            }
        }
        walker.feed(b, start, end - start);
    }

    @Override
    public void onEnd() {
        walker.endMessage();
    }
}
