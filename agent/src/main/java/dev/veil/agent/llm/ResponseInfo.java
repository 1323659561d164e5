package dev.veil.agent.llm;

import java.util.Collections;
import java.util.List;

/**
 * Response-side facts for the span and metrics. Token counts follow the GenAI semantic conventions:
 * input includes cached tokens (for Anthropic and Bedrock: input + cache read + cache creation) and
 * output includes reasoning tokens. Null means the response did not say.
 */
public final class ResponseInfo {
    private final String responseId;
    private final String responseModel;
    private final List<String> finishReasons;
    private final Long inputTokens;
    private final Long outputTokens;
    private final Long cacheReadTokens;
    private final Long cacheCreationTokens;
    private final Long reasoningTokens;
    private final long timeToFirstChunkNanos;
    private final int chunkCount;
    private final String errorType;
    private final String outputText;
    private final boolean outputTruncated;
    private final String systemFingerprint;
    private final String serviceTier;
    private final boolean malformed;

    ResponseInfo(Builder b) {
        this.responseId = b.responseId;
        this.responseModel = b.responseModel;
        this.finishReasons = b.finishReasons == null ? Collections.<String>emptyList()
                : Collections.unmodifiableList(b.finishReasons);
        this.inputTokens = b.inputTokens;
        this.outputTokens = b.outputTokens;
        this.cacheReadTokens = b.cacheReadTokens;
        this.cacheCreationTokens = b.cacheCreationTokens;
        this.reasoningTokens = b.reasoningTokens;
        this.timeToFirstChunkNanos = b.timeToFirstChunkNanos;
        this.chunkCount = b.chunkCount;
        this.errorType = b.errorType;
        this.outputText = b.outputText;
        this.outputTruncated = b.outputTruncated;
        this.systemFingerprint = b.systemFingerprint;
        this.serviceTier = b.serviceTier;
        this.malformed = b.malformed;
    }

    /** {@code gen_ai.response.id}. */
    public String responseId() {
        return responseId;
    }

    /** {@code gen_ai.response.model}. */
    public String responseModel() {
        return responseModel;
    }

    /** {@code gen_ai.response.finish_reasons}, one per choice/candidate, as the provider names them. */
    public List<String> finishReasons() {
        return finishReasons;
    }

    public Long inputTokens() {
        return inputTokens;
    }

    public Long outputTokens() {
        return outputTokens;
    }

    /** {@code gen_ai.usage.cache_read.input_tokens}. */
    public Long cacheReadTokens() {
        return cacheReadTokens;
    }

    /** {@code gen_ai.usage.cache_creation.input_tokens}. */
    public Long cacheCreationTokens() {
        return cacheCreationTokens;
    }

    /** {@code gen_ai.usage.reasoning.output_tokens}. */
    public Long reasoningTokens() {
        return reasoningTokens;
    }

    /** From the parser's start (or the given request start) to the first chunk of a stream; -1 when none. */
    public long timeToFirstChunkNanos() {
        return timeToFirstChunkNanos;
    }

    /** Stream chunks seen (SSE data events, NDJSON lines, array elements, event-stream messages); 0 for plain JSON. */
    public int chunkCount() {
        return chunkCount;
    }

    /** The provider's error type ({@code invalid_request_error}, {@code RESOURCE_EXHAUSTED}, {@code throttlingException}), or null. */
    public String errorType() {
        return errorType;
    }

    /** The generated text, assembled up to the capture limit; null unless capture was asked for. Not redacted. */
    public String outputText() {
        return outputText;
    }

    public boolean outputTruncated() {
        return outputTruncated;
    }

    /** {@code openai.response.system_fingerprint}. */
    public String systemFingerprint() {
        return systemFingerprint;
    }

    /** {@code openai.response.service_tier}. */
    public String serviceTier() {
        return serviceTier;
    }

    /** Part of the body could not be read (corrupt frame, bad CRC, invalid JSON); what was read is still reported. */
    public boolean malformed() {
        return malformed;
    }

    @Override
    public String toString() {
        return "ResponseInfo{id=" + responseId + ", model=" + responseModel + ", finish=" + finishReasons + ", in="
                + inputTokens + ", out=" + outputTokens + ", cacheRead=" + cacheReadTokens + ", cacheCreation="
                + cacheCreationTokens + ", reasoning=" + reasoningTokens + ", chunks=" + chunkCount + ", error=" + errorType
                + (malformed ? ", malformed" : "") + "}";
    }

    /** Mutable collector used by the parsers. */
    public static final class Builder {
        public String responseId;
        public String responseModel;
        public List<String> finishReasons;
        public Long inputTokens;
        public Long outputTokens;
        public Long cacheReadTokens;
        public Long cacheCreationTokens;
        public Long reasoningTokens;
        public long timeToFirstChunkNanos = -1;
        public int chunkCount;
        public String errorType;
        public String outputText;
        public boolean outputTruncated;
        public String systemFingerprint;
        public String serviceTier;
        public boolean malformed;

        public ResponseInfo build() {
            return new ResponseInfo(this);
        }
    }
}
