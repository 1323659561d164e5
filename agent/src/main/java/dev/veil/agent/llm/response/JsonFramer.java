package dev.veil.agent.llm.response;

/** A plain JSON body, or Gemini's stream without {@code alt=sse}: one JSON array delivered incrementally. */
final class JsonFramer implements Framer {
    private final TokenWalker walker;

    JsonFramer(TokenWalker walker) {
        this.walker = walker;
    }

    @Override
    public void onBytes(byte[] b, int off, int len) {
        walker.feed(b, off, len);
    }

    @Override
    public void onEnd() {
        walker.endMessage();
    }
}
