package dev.veil.agent.llm.request;

import java.nio.charset.StandardCharsets;

/**
 * What a member name means in a provider request, looked up straight from the body bytes without
 * allocation. The rule of the house: on an LLM endpoint every string is prompt text and gets
 * scrubbed, except names that are structure (model, role, ids, enums), base64 media and provider
 * signatures, whose values must reach the provider exactly as written.
 */
final class FieldRules {
    /** Low bits: how a string value under this name is treated. */
    static final int FREE_TEXT = 0;
    static final int STRUCTURAL = 1;
    /** Base64 media: left alone when the value looks like a long base64 blob, scrubbed otherwise (text documents). */
    static final int MEDIA = 2;
    /** An object under this name is application data (tool arguments/results): every string in it is scrubbed. */
    static final int APP_DATA = 3;
    static final int TREATMENT_MASK = 0xF;

    /** High bits: a request parameter recorded for the span (see {@link RequestFacts}). */
    static final int P_MODEL = 1 << 4;
    static final int P_STREAM = 2 << 4;
    static final int P_MAX_TOKENS = 3 << 4;
    static final int P_TEMPERATURE = 4 << 4;
    static final int P_TOP_P = 5 << 4;
    static final int P_TOP_K = 6 << 4;
    static final int P_STOP = 7 << 4;
    static final int P_SEED = 8 << 4;
    static final int P_CHOICES = 9 << 4;
    static final int P_FREQUENCY_PENALTY = 10 << 4;
    static final int P_PRESENCE_PENALTY = 11 << 4;
    static final int P_STREAM_OPTIONS = 12 << 4;
    static final int P_INCLUDE_USAGE = 13 << 4;
    /** An object holding generation parameters (generationConfig, inferenceConfig, options, ...). */
    static final int P_CONFIG = 14 << 4;
    static final int P_MESSAGES = 15 << 4;
    static final int P_PROMPT = 16 << 4;
    static final int PARAM_MASK = 0x1F << 4;

    private static final int SIZE = 512;
    private static final byte[][] KEYS = new byte[SIZE][];
    private static final int[] CODES = new int[SIZE];

    static {
        structural("role", "type", "name", "object", "anthropic_version", "version", "mime_type", "mimeType",
                "media_type", "mediaType", "format", "detail", "encoding_format", "service_tier", "effort",
                "reasoning_effort", "verbosity", "status", "truncation", "truncate", "voice", "modality", "modalities",
                "include", "input_type", "embedding_types", "embeddingTypes", "taskType", "task_type", "keep_alive",
                "category", "threshold", "mode", "method", "responseMimeType", "response_mime_type", "tool_choice",
                "stop_reason", "finish_reason", "stopReason", "anthropic_beta", "signature", "thoughtSignature",
                "thought_signature", "encrypted_content", "cache_control", "safety_mode", "fileUri", "file_uri",
                "outputDimensionality", "dimensions", "logprobs", "parallel_tool_calls", "cachedContent", "cached_content");
        media("data", "bytes", "b64_json", "file_data", "images", "image_data", "redactedContent", "audio_data");
        for (String k : new String[] {"input", "args", "arguments", "response", "json", "metadata"}) {
            put(k, APP_DATA);
        }
        put("model", STRUCTURAL | P_MODEL);
        put("modelId", STRUCTURAL | P_MODEL);
        put("stream", P_STREAM);
        for (String k : new String[] {"max_tokens", "max_completion_tokens", "max_output_tokens", "maxOutputTokens",
                "maxTokens", "num_predict", "max_gen_len", "maxTokenCount", "max_new_tokens"}) {
            put(k, P_MAX_TOKENS);
        }
        put("temperature", P_TEMPERATURE);
        put("top_p", P_TOP_P);
        put("topP", P_TOP_P);
        put("p", P_TOP_P);
        put("top_k", P_TOP_K);
        put("topK", P_TOP_K);
        put("k", P_TOP_K);
        put("stop", P_STOP);
        put("stop_sequences", P_STOP);
        put("stopSequences", P_STOP);
        put("seed", P_SEED);
        put("random_seed", P_SEED);
        put("n", P_CHOICES);
        put("candidateCount", P_CHOICES);
        put("frequency_penalty", P_FREQUENCY_PENALTY);
        put("frequencyPenalty", P_FREQUENCY_PENALTY);
        put("presence_penalty", P_PRESENCE_PENALTY);
        put("presencePenalty", P_PRESENCE_PENALTY);
        put("stream_options", P_STREAM_OPTIONS);
        put("include_usage", P_INCLUDE_USAGE);
        for (String k : new String[] {"generationConfig", "generation_config", "inferenceConfig", "options",
                "textGenerationConfig"}) {
            put(k, P_CONFIG);
        }
        put("messages", P_MESSAGES);
        put("contents", P_MESSAGES);
        put("prompt", P_PROMPT);
        put("inputText", P_PROMPT);
    }

    private FieldRules() {
    }

    /** The code of the member name {@code b[start, end)} (raw bytes without quotes), 0 when unknown. */
    static int lookup(byte[] b, int start, int end) {
        int len = end - start;
        if (len == 0 || len > 40) {
            return 0;
        }
        int h = hash(b, start, end);
        for (int probe = 0; probe < SIZE; probe++) {
            int slot = (h + probe) & (SIZE - 1);
            byte[] k = KEYS[slot];
            if (k == null) {
                return idLike(b, start, end) ? STRUCTURAL : 0;
            }
            if (k.length == len && equal(k, b, start)) {
                return CODES[slot];
            }
        }
        return 0;
    }

    /** {@code id}, {@code tool_call_id}, {@code toolUseId}, {@code file_ids}: identifiers that must match elsewhere. */
    private static boolean idLike(byte[] b, int start, int end) {
        int len = end - start;
        if (len == 2) {
            return b[start] == 'i' && b[start + 1] == 'd';
        }
        if (endsWith(b, end, len, "_id") || endsWith(b, end, len, "Id") || endsWith(b, end, len, "_ids")
                || endsWith(b, end, len, "Ids")) {
            return true;
        }
        return false;
    }

    private static boolean endsWith(byte[] b, int end, int len, String suffix) {
        int n = suffix.length();
        if (len <= n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[end - n + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equal(byte[] k, byte[] b, int start) {
        for (int i = 0; i < k.length; i++) {
            if (k[i] != b[start + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] b, int start, int end) {
        int h = 0x811C9DC5;
        for (int i = start; i < end; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }

    private static void structural(String... keys) {
        for (String k : keys) {
            put(k, STRUCTURAL);
        }
    }

    private static void media(String... keys) {
        for (String k : keys) {
            put(k, MEDIA);
        }
    }

    private static void put(String key, int code) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int h = hash(k, 0, k.length);
        for (int probe = 0; probe < SIZE; probe++) {
            int slot = (h + probe) & (SIZE - 1);
            if (KEYS[slot] == null) {
                KEYS[slot] = k;
                CODES[slot] = code;
                return;
            }
            if (java.util.Arrays.equals(KEYS[slot], k)) {
                throw new IllegalStateException("duplicate rule " + key);
            }
        }
        throw new IllegalStateException("rule table full");
    }
}
