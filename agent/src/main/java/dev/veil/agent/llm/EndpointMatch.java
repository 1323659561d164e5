package dev.veil.agent.llm;

/**
 * What {@link EndpointRegistry#match} learned about one outbound request from its URL alone. Immutable.
 */
public final class EndpointMatch {
    private final String provider;
    private final String operation;
    private final ApiFamily apiFamily;
    private final String modelFromPath;
    private final String serverAddress;
    private final int serverPort;
    private final boolean streamingFromPath;
    private final boolean sseFromQuery;
    private final boolean confirmByBody;
    private final boolean injectStreamUsage;
    private final long maxBodyBytes;

    EndpointMatch(Builder b) {
        this.provider = b.provider;
        this.operation = b.operation;
        this.apiFamily = b.family;
        this.modelFromPath = b.modelFromPath;
        this.serverAddress = b.serverAddress;
        this.serverPort = b.serverPort;
        this.streamingFromPath = b.streamingFromPath;
        this.sseFromQuery = b.sseFromQuery;
        this.confirmByBody = b.confirmByBody;
        this.injectStreamUsage = b.injectStreamUsage;
        this.maxBodyBytes = b.maxBodyBytes;
    }

    /** {@code gen_ai.provider.name}: a registered value ({@code openai}, {@code aws.bedrock}, ...) or a clear custom one. */
    public String provider() {
        return provider;
    }

    /** {@code gen_ai.operation.name}: chat, generate_content, text_completion or embeddings. */
    public String operation() {
        return operation;
    }

    public ApiFamily apiFamily() {
        return apiFamily;
    }

    /** The model named by the URL (Gemini model, Bedrock model id, Azure deployment), or null. */
    public String modelFromPath() {
        return modelFromPath;
    }

    /** {@code server.address}: the host as the application wrote it, lower-cased. */
    public String serverAddress() {
        return serverAddress;
    }

    /** {@code server.port}: the explicit port, else the scheme's default (443, 80), else -1. */
    public int serverPort() {
        return serverPort;
    }

    /** The URL alone says the response streams (Gemini streamGenerateContent, Bedrock converse-stream, ...). */
    public boolean streamingFromPath() {
        return streamingFromPath;
    }

    /** Gemini's {@code alt=sse}: the stream is server-sent events rather than a JSON array. */
    public boolean sseFromQuery() {
        return sseFromQuery;
    }

    /**
     * Matched on a generic path of an unknown host (e.g. {@code /api/chat}): the body must show a top-level
     * {@code model} before Veil treats the call as an LLM call, so an application's own API is left alone.
     */
    public boolean confirmByBody() {
        return confirmByBody;
    }

    /** Whether {@link RequestRewriter} adds {@code stream_options.include_usage} to a streaming request lacking it. */
    public boolean injectStreamUsage() {
        return injectStreamUsage;
    }

    /** {@code veil.prompt.max-bytes}: the largest (decompressed) body the rewriter inspects. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    @Override
    public String toString() {
        return "EndpointMatch{" + provider + ", " + operation + ", " + apiFamily + ", model=" + modelFromPath + ", "
                + serverAddress + ":" + serverPort + (streamingFromPath ? ", stream" : "") + "}";
    }

    static final class Builder {
        String provider;
        String operation;
        ApiFamily family;
        String modelFromPath;
        String serverAddress;
        int serverPort = -1;
        boolean streamingFromPath;
        boolean sseFromQuery;
        boolean confirmByBody;
        boolean injectStreamUsage;
        long maxBodyBytes;

        EndpointMatch build() {
            return new EndpointMatch(this);
        }
    }
}
