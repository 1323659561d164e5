package dev.veil.agent.llm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Request-side facts for the span, read while the body is rewritten. Every field is null when the body
 * does not say. Strings are the values as sent (after redaction).
 */
public final class RequestInfo {
    private final String model;
    private final String operation;
    private final Boolean stream;
    private final Long maxTokens;
    private final Double temperature;
    private final Double topP;
    private final Double topK;
    private final List<String> stopSequences;
    private final Long seed;
    private final Long choiceCount;
    private final Double frequencyPenalty;
    private final Double presencePenalty;
    private final boolean includeUsage;

    RequestInfo(Builder b) {
        this.model = b.model;
        this.operation = b.operation;
        this.stream = b.stream;
        this.maxTokens = b.maxTokens;
        this.temperature = b.temperature;
        this.topP = b.topP;
        this.topK = b.topK;
        this.stopSequences = b.stopSequences == null ? null : Collections.unmodifiableList(b.stopSequences);
        this.seed = b.seed;
        this.choiceCount = b.choiceCount;
        this.frequencyPenalty = b.frequencyPenalty;
        this.presencePenalty = b.presencePenalty;
        this.includeUsage = b.includeUsage;
    }

    /** What a request says when the body could not be read: only the URL's facts. */
    public static RequestInfo fromMatch(EndpointMatch match) {
        Builder b = new Builder();
        b.model = match.modelFromPath();
        b.operation = match.operation();
        b.stream = match.streamingFromPath() ? Boolean.TRUE : null;
        return b.build();
    }

    /** {@code gen_ai.request.model}: the body's model, else the one in the URL. */
    public String model() {
        return model;
    }

    /** {@code gen_ai.operation.name}, refined by the body where the URL is not enough (Bedrock InvokeModel). */
    public String operation() {
        return operation;
    }

    /** {@code gen_ai.request.stream}; includes the URL (streamGenerateContent) and provider defaults (Ollama streams). */
    public Boolean stream() {
        return stream;
    }

    public boolean streaming() {
        return stream != null && stream.booleanValue();
    }

    public Long maxTokens() {
        return maxTokens;
    }

    public Double temperature() {
        return temperature;
    }

    public Double topP() {
        return topP;
    }

    public Double topK() {
        return topK;
    }

    public List<String> stopSequences() {
        return stopSequences;
    }

    public Long seed() {
        return seed;
    }

    /** {@code gen_ai.request.choice.count} ({@code n}, {@code candidateCount}). */
    public Long choiceCount() {
        return choiceCount;
    }

    public Double frequencyPenalty() {
        return frequencyPenalty;
    }

    public Double presencePenalty() {
        return presencePenalty;
    }

    /** The request as sent asks for stream usage ({@code stream_options.include_usage: true}). */
    public boolean includeUsage() {
        return includeUsage;
    }

    /** Mutable collector used by the request readers. */
    public static final class Builder {
        public String model;
        public String operation;
        public Boolean stream;
        public Long maxTokens;
        public Double temperature;
        public Double topP;
        public Double topK;
        public List<String> stopSequences;
        public Long seed;
        public Long choiceCount;
        public Double frequencyPenalty;
        public Double presencePenalty;
        public boolean includeUsage;

        public void addStop(String s) {
            if (stopSequences == null) {
                stopSequences = new ArrayList<String>(4);
            }
            if (stopSequences.size() < 16) {
                stopSequences.add(s);
            }
        }

        public RequestInfo build() {
            return new RequestInfo(this);
        }
    }
}
