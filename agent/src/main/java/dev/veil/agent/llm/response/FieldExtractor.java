package dev.veil.agent.llm.response;

import dev.veil.agent.llm.ApiFamily;
import java.io.IOException;

/**
 * Knows where each provider puts the response facts. Called by {@link MessageScanner} and
 * {@link IncrementalScanner} (same semantics) with the path of every value a rule may read: {@code depth} is the container depth within one message (1 = the message object) and
 * {@code path[i]} the member name that opened the container at depth {@code i} (array elements inherit
 * the array's name). Usage, finish and error names do not collide across providers, so one set of rules
 * serves all; only assembled text needs the family.
 */
final class FieldExtractor {
    private static final int MAX_SCOPE_DEPTH = 2;

    private final ResponseFacts facts;
    private final ApiFamily family;
    /** Depth of the usage (or error) object being read, 0 when outside one. */
    private int usageDepth;
    private int errorDepth;
    /** The message's own {@code type}/{@code object}, e.g. {@code response.output_text.delta}, {@code error}. */
    private String messageType;
    private String messageObject;
    /** Reads Bedrock InvokeModel stream chunks ({@code {"bytes": "<base64 provider JSON>"}}); null elsewhere. */
    private final MessageScanner innerChunks;

    FieldExtractor(ResponseFacts facts, ApiFamily family, boolean decodeBedrockChunks) {
        this.facts = facts;
        this.family = family;
        this.innerChunks = decodeBedrockChunks
                ? new MessageScanner(new FieldExtractor(facts, family, false), null, false) : null;
    }

    void onMessageStart() {
        usageDepth = 0;
        errorDepth = 0;
        messageType = null;
        messageObject = null;
    }

    /** An object opened by member {@code name} of the container at {@code depth}. */
    void onObjectStart(int depth, String name, int flags) {
        if ((flags & FieldNames.FACTS) == 0 || depth > MAX_SCOPE_DEPTH) {
            return;
        }
        // Cohere's embed reports usage as meta.billed_units; in chat billed_units sits inside usage anyway.
        if (usageDepth == 0 && (name.equals("usage") || name.equals("usageMetadata")
                || name.equals("amazon-bedrock-invocationMetrics") || name.equals("billed_units"))) {
            usageDepth = depth + 1;
        } else if (errorDepth == 0 && name.equals("error")) {
            errorDepth = depth + 1;
        }
    }

    void onContainerEnd(int depth) {
        if (depth == usageDepth) {
            usageDepth = 0;
        }
        if (depth == errorDepth) {
            errorDepth = 0;
        }
    }

    /** Whether a value under this name matters; callers skip the value entirely otherwise. */
    boolean wants(int flags) {
        return (flags & FieldNames.FACTS) != 0 || (flags & FieldNames.TEXT) != 0 && facts.capturing();
    }

    void onNumber(int depth, String name, String[] path, long value) {
        if (usageDepth != 0 && depth >= usageDepth) {
            usage(name, value);
        } else if (depth == 1) {
            rootCount(name, value);
        } else if (depth == 3 && name.equals("tokenCount") && "results".equals(path[3])) {
            facts.output = Long.valueOf(value); // Titan text
        }
        if (errorDepth != 0 && depth == errorDepth && name.equals("code")) {
            facts.error(3, String.valueOf(value));
        }
    }

    private void usage(String name, long value) {
        Long v = Long.valueOf(value);
        switch (name) {
            case "prompt_tokens":
            case "input_tokens":
            case "inputTokens":
            case "promptTokenCount":
            case "inputTokenCount":
                facts.input = v;
                break;
            case "completion_tokens":
            case "output_tokens":
            case "outputTokens":
            case "candidatesTokenCount":
            case "outputTokenCount":
                facts.output = v;
                break;
            case "cached_tokens":
            case "cachedContentTokenCount":
            case "prompt_cache_hit_tokens":
                facts.cachedIncluded = v;
                break;
            case "cache_read_input_tokens":
            case "cacheReadInputTokens":
            case "cacheReadInputTokenCount":
                facts.cacheReadExtra = v;
                break;
            case "cache_creation_input_tokens":
            case "cacheWriteInputTokens":
            case "cacheWriteInputTokenCount":
                facts.cacheWriteExtra = v;
                break;
            case "reasoning_tokens":
                facts.reasoning = v;
                break;
            case "thoughtsTokenCount":
                facts.reasoning = v;
                facts.reasoningOutsideOutput = true;
                break;
            default:
                break;
        }
    }

    /** Counts some providers put at the top level: Ollama, and Titan / Llama bodies on Bedrock. */
    private void rootCount(String name, long value) {
        switch (name) {
            case "prompt_eval_count":
            case "inputTextTokenCount":
            case "prompt_token_count":
                facts.input = Long.valueOf(value);
                break;
            case "eval_count":
            case "totalOutputTextTokenCount":
            case "generation_token_count":
                facts.output = Long.valueOf(value);
                break;
            default:
                break;
        }
    }

    /** A string value; its text is only materialised when a rule wants it. */
    void onString(int depth, String name, String[] path, TextSource p) throws IOException {
        if (depth == 1) {
            if (wantsRootString(name)) {
                rootString(name, isRepeated(name) ? p.repeatedText() : p.text());
            }
        } else if (depth == 2 && isIdentityName(name) && ("message".equals(path[2]) || "response".equals(path[2]))) {
            identity(name, p.text());
        }
        if (depth <= 3 && family != ApiFamily.OPENAI_RESPONSES && isFinishName(name)) {
            facts.finish(p.text());
        }
        if (family == ApiFamily.OPENAI_RESPONSES && depth <= 3) {
            responsesStatus(depth, name, path, p);
        }
        if (errorDepth != 0 && depth == errorDepth) {
            if (name.equals("type")) {
                facts.error(1, p.text());
            } else if (name.equals("status")) {
                facts.error(2, p.text());
            } else if (name.equals("code")) {
                facts.error(3, p.text());
            }
        }
        if (facts.capturing() && TextPaths.isOutputText(family, depth, name, path, messageType)) {
            facts.text(p.text());
        }
    }

    void malformed() {
        facts.malformed = true;
    }

    private void rootString(String name, String value) {
        switch (name) {
            case "type":
                messageType = value;
                break;
            case "object":
                messageObject = value;
                break;
            case "system_fingerprint":
                if (!value.isEmpty()) {
                    facts.systemFingerprint = value;
                }
                break;
            case "service_tier":
                facts.serviceTier = value;
                break;
            case "error":
                facts.error(4, "error"); // Ollama: {"error": "<message>"}
                break;
            case "bytes":
                if (innerChunks != null) {
                    byte[] chunk = decodeBase64(value);
                    innerChunks.scan(chunk, 0, chunk.length);
                }
                break;
            default:
                identity(name, value);
                break;
        }
        if ("error".equals(messageType) && name.equals("code")) {
            facts.error(3, value); // OpenAI Responses stream error event
        } else if ("error".equals(messageObject) && name.equals("type")) {
            facts.error(1, value); // Mistral error body
        }
    }

    private byte[] decodeBase64(String value) {
        try {
            return java.util.Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            facts.malformed = true;
            return new byte[0];
        }
    }

    private void identity(String name, String value) {
        if (value.isEmpty()) {
            return; // Azure's first (content filter) chunk carries "id": "" and "model": ""
        }
        if ((name.equals("id") || name.equals("responseId")) && facts.responseId == null) {
            facts.responseId = value;
        } else if ((name.equals("model") || name.equals("modelVersion")) && facts.responseModel == null) {
            facts.responseModel = value;
        } else if (name.equals("service_tier")) {
            facts.serviceTier = value;
        }
    }

    private void responsesStatus(int depth, String name, String[] path, TextSource p) throws IOException {
        boolean responseLevel = depth == 1 || depth == 2 && "response".equals(path[2]);
        if (responseLevel && name.equals("status")) {
            facts.status = p.text();
        } else if (name.equals("reason") && depth >= 2 && "incomplete_details".equals(path[depth])) {
            facts.incompleteReason = p.text();
        }
    }

    /** Root strings some rule reads; the rest (and identities already known) are not decoded at all. */
    private boolean wantsRootString(String name) {
        switch (name) {
            case "id":
            case "responseId":
                return facts.responseId == null;
            case "model":
            case "modelVersion":
                return facts.responseModel == null;
            case "system_fingerprint":
                return facts.systemFingerprint == null; // one per response, repeated in every chunk
            case "type":
            case "object":
            case "service_tier":
            case "error":
            case "code":
                return true;
            case "bytes":
                return innerChunks != null;
            default:
                return false;
        }
    }

    /** Root strings whose values repeat from chunk to chunk (event types, object kinds): decoded from a cache. */
    private static boolean isRepeated(String name) {
        return name.equals("type") || name.equals("object") || name.equals("service_tier");
    }

    private boolean isIdentityName(String name) {
        return name.equals("id") && facts.responseId == null || name.equals("model") && facts.responseModel == null
                || name.equals("service_tier");
    }

    private static boolean isFinishName(String name) {
        switch (name) {
            case "finish_reason":
            case "finishReason":
            case "stop_reason":
            case "stopReason":
            case "done_reason":
            case "completionReason":
                return true;
            default:
                return false;
        }
    }

    /** Bedrock reports errors in a header ({@code x-amzn-ErrorType: ValidationException:http://...}). */
    static String bedrockErrorHeader(String value) {
        int colon = value.indexOf(':');
        String type = (colon > 0 ? value.substring(0, colon) : value).trim();
        return type.isEmpty() ? null : type;
    }
}
