package dev.veil.agent.llm;

import java.util.Locale;

/**
 * The wire format of an LLM call: decides how the request is read and how the response is parsed.
 * Several providers share a family (every OpenAI-compatible server speaks {@link #OPENAI_CHAT}).
 */
public enum ApiFamily {
    OPENAI_CHAT("openai-chat", "chat"),
    OPENAI_COMPLETIONS("openai-completions", "text_completion"),
    OPENAI_RESPONSES("openai-responses", "chat"),
    OPENAI_EMBEDDINGS("openai-embeddings", "embeddings"),
    ANTHROPIC_MESSAGES("anthropic-messages", "chat"),
    GEMINI_GENERATE("gemini-generate", "generate_content"),
    GEMINI_EMBED("gemini-embed", "embeddings"),
    BEDROCK_CONVERSE("bedrock-converse", "chat"),
    BEDROCK_INVOKE("bedrock-invoke", "chat"),
    OLLAMA_CHAT("ollama-chat", "chat"),
    OLLAMA_GENERATE("ollama-generate", "text_completion"),
    OLLAMA_EMBED("ollama-embed", "embeddings"),
    COHERE_CHAT("cohere-chat", "chat"),
    COHERE_EMBED("cohere-embed", "embeddings"),
    /**
     * OpenAI image generation and edits ({@code prompt}; edits are multipart). The GenAI conventions have
     * no image operation: {@code generate_content} is their multimodal generation operation.
     */
    OPENAI_IMAGES("openai-images", "generate_content"),
    /** OpenAI text to speech ({@code input}) and transcription/translation (multipart, optional {@code prompt}). */
    OPENAI_AUDIO("openai-audio", "generate_content"),
    /** OpenAI moderations ({@code input}); no GenAI operation fits, so the API's own name is reported. */
    OPENAI_MODERATIONS("openai-moderations", "moderations"),
    /** A host or path the user declared without naming its format: every free-text string is redacted. */
    GENERIC("generic", "chat");

    private final String configName;
    private final String defaultOperation;

    ApiFamily(String configName, String defaultOperation) {
        this.configName = configName;
        this.defaultOperation = defaultOperation;
    }

    /** The name used in {@code veil.llm.paths} ({@code /my/chat=openai-chat}). */
    public String configName() {
        return configName;
    }

    /** {@code gen_ai.operation.name} unless the path or body says otherwise. */
    public String defaultOperation() {
        return defaultOperation;
    }

    /** Streams in OpenAI's chunk format, where {@code stream_options.include_usage} exists. */
    public boolean acceptsStreamOptions() {
        return this == OPENAI_CHAT || this == OPENAI_COMPLETIONS;
    }

    /** The family named {@code name} in configuration, or null. */
    public static ApiFamily byConfigName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (ApiFamily f : values()) {
            if (f.configName.equals(n)) {
                return f;
            }
        }
        return null;
    }
}
