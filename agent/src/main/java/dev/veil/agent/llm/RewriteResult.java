package dev.veil.agent.llm;

/** The outcome of {@link RequestRewriter#rewrite}. */
public final class RewriteResult {
    private final byte[] body;
    private final boolean changed;
    private final RequestInfo info;
    private final boolean usageInjected;
    private final boolean recognized;

    RewriteResult(byte[] body, boolean changed, RequestInfo info, boolean usageInjected, boolean recognized) {
        this.body = body;
        this.changed = changed;
        this.info = info;
        this.usageInjected = usageInjected;
        this.recognized = recognized;
    }

    /** The body to send (same Content-Encoding as given); the original array when {@link #changed()} is false. */
    public byte[] body() {
        return body;
    }

    public boolean changed() {
        return changed;
    }

    public RequestInfo info() {
        return info;
    }

    /**
     * Veil added {@code stream_options.include_usage}; the response stream must then go through
     * {@code OpenAiUsageStripper} before the application reads it.
     */
    public boolean usageInjected() {
        return usageInjected;
    }

    /**
     * False when the URL was only a generic path on an unknown host ({@link EndpointMatch#confirmByBody()})
     * and the body shows it is not an LLM call: send it unchanged and record nothing.
     */
    public boolean recognized() {
        return recognized;
    }
}
