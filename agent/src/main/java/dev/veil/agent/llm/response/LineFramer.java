package dev.veil.agent.llm.response;

/** Newline-delimited JSON (Ollama streams): every line is one message. */
final class LineFramer implements Framer {
    private final MessageBuffer message;

    LineFramer(MessageBuffer message) {
        this.message = message;
    }

    @Override
    public void onBytes(byte[] b, int off, int len) {
        int end = off + len;
        int start = off;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                message.append(b, start, i - start);
                message.end();
                start = i + 1;
            }
        }
        message.append(b, start, end - start);
    }

    @Override
    public void onEnd() {
        message.end();
    }
}
