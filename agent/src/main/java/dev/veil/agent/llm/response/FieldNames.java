package dev.veil.agent.llm.response;

import java.util.HashMap;
import java.util.Map;

/**
 * The member names any extraction rule looks at. Everything else in a response (indexes, timestamps,
 * logprobs, most of the content) is skipped after one lookup, which keeps stream parsing cheap.
 * Keep in step with {@link FieldExtractor} and {@link TextPaths}.
 */
final class FieldNames {
    /** Read for ids, models, usage, finish reasons or errors. */
    static final int FACTS = 1;
    /** Read only when output text is captured. */
    static final int TEXT = 2;

    private static final Map<String, Integer> FLAGS = new HashMap<String, Integer>();

    static {
        facts("type", "object", "system_fingerprint", "service_tier", "error", "code", "bytes", "id", "responseId", "model",
                "modelVersion", "finish_reason", "finishReason", "stop_reason", "stopReason", "done_reason",
                "completionReason", "status", "reason", "incomplete_details", "message", "response",
                // usage scopes and counters
                "usage", "usageMetadata", "amazon-bedrock-invocationMetrics", "billed_units", "prompt_tokens",
                "input_tokens", "inputTokens", "promptTokenCount", "inputTokenCount", "completion_tokens", "output_tokens",
                "outputTokens", "candidatesTokenCount", "outputTokenCount", "cached_tokens", "cachedContentTokenCount",
                "prompt_cache_hit_tokens",
                "cache_read_input_tokens", "cacheReadInputTokens", "cacheReadInputTokenCount",
                "cache_creation_input_tokens", "cacheWriteInputTokens", "cacheWriteInputTokenCount", "reasoning_tokens",
                "thoughtsTokenCount", "prompt_eval_count", "inputTextTokenCount", "prompt_token_count", "eval_count",
                "totalOutputTextTokenCount", "generation_token_count", "tokenCount");
        for (String n : new String[] {"content", "text", "delta", "outputText", "generation", "completion"}) {
            FLAGS.put(n, TEXT);
        }
        FLAGS.put("response", FACTS | TEXT);
    }

    private FieldNames() {
    }

    /** FACTS and/or TEXT for a member name, 0 when no rule reads it. */
    static int flags(String name) {
        Integer f = name == null ? null : FLAGS.get(name);
        return f == null ? 0 : f.intValue();
    }

    private static void facts(String... names) {
        for (String n : names) {
            FLAGS.put(n, FACTS);
        }
    }
}
