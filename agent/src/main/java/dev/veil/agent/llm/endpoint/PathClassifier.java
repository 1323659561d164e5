package dev.veil.agent.llm.endpoint;

import dev.veil.agent.llm.ApiFamily;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Recognises the documented LLM API paths on any host. Runs for every POST of the application, so a
 * path that is not an LLM path is rejected after a few character comparisons and without allocation.
 */
public final class PathClassifier {
    private static final String AZURE_DEPLOYMENTS = "/openai/deployments/";
    private static final String[] IMAGE_OPS = {"/images/generations", "/images/edits"};
    private static final String[] AUDIO_UPLOAD_OPS = {"/audio/transcriptions", "/audio/translations"};

    private PathClassifier() {
    }

    /** The LLM API the raw (still percent-encoded, query-less) path belongs to, or null. */
    public static PathMatch classify(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        if (end < 5) {
            return null;
        }
        int slash = path.lastIndexOf('/', end - 1);
        int colon = indexOf(path, ':', slash + 1, end);
        if (colon > 0) {
            return googleVerb(path, slash, colon, end);
        }
        switch (path.charAt(end - 1)) {
            case 's':
                return endingInS(path, end);
            case 't':
                return endingInT(path, end);
            case 'e':
                if (endsWith(path, end, "/api/generate")) {
                    return PathMatch.of(ApiFamily.OLLAMA_GENERATE, true);
                }
                return bedrock(path, slash, end);
            case 'm':
                return bedrock(path, slash, end);
            case 'h':
                return endsWith(path, end, "/audio/speech")
                        ? versionedOpenAi(path, ApiFamily.OPENAI_AUDIO, end - "/audio/speech".length(), false) : null;
            case 'd':
                if (endsWith(path, end, "/api/embed")) {
                    return PathMatch.of(ApiFamily.OLLAMA_EMBED, true);
                }
                return endsWith(path, end, "/v2/embed") ? PathMatch.of(ApiFamily.COHERE_EMBED, true) : null;
            default:
                return null;
        }
    }

    private static PathMatch endingInS(String path, int end) {
        if (endsWith(path, end, "/chat/completions")) {
            return openAi(path, ApiFamily.OPENAI_CHAT, end - "/chat/completions".length(), false);
        }
        if (endsWith(path, end, "/completions")) {
            return versionedOpenAi(path, ApiFamily.OPENAI_COMPLETIONS, end - "/completions".length(), false);
        }
        if (endsWith(path, end, "/api/embeddings")) {
            return PathMatch.of(ApiFamily.OLLAMA_EMBED, true);
        }
        if (endsWith(path, end, "/embeddings")) {
            return versionedOpenAi(path, ApiFamily.OPENAI_EMBEDDINGS, end - "/embeddings".length(), false);
        }
        if (endsWith(path, end, "/responses")) {
            int prefixEnd = end - "/responses".length();
            if (endsWith(path, prefixEnd, "/openai")) {
                return new PathMatch(ApiFamily.OPENAI_RESPONSES, null, false, true, "azure.ai.openai", null);
            }
            return versionedOpenAi(path, ApiFamily.OPENAI_RESPONSES, prefixEnd, true);
        }
        if (endsWith(path, end, "/v1/messages")) {
            return PathMatch.of(ApiFamily.ANTHROPIC_MESSAGES, true);
        }
        return openAiMedia(path, end);
    }

    /** Image, audio and moderation endpoints: {@code /v1/images/generations}, {@code /v1/audio/transcriptions}, ... */
    private static PathMatch openAiMedia(String path, int end) {
        for (String op : IMAGE_OPS) {
            if (endsWith(path, end, op)) {
                return versionedOpenAi(path, ApiFamily.OPENAI_IMAGES, end - op.length(), false);
            }
        }
        for (String op : AUDIO_UPLOAD_OPS) {
            if (endsWith(path, end, op)) {
                return versionedOpenAi(path, ApiFamily.OPENAI_AUDIO, end - op.length(), false);
            }
        }
        if (endsWith(path, end, "/moderations")) {
            return versionedOpenAi(path, ApiFamily.OPENAI_MODERATIONS, end - "/moderations".length(), false);
        }
        return null;
    }

    private static PathMatch endingInT(String path, int end) {
        if (endsWith(path, end, "/api/chat")) {
            return PathMatch.of(ApiFamily.OLLAMA_CHAT, true);
        }
        if (endsWith(path, end, "/v2/chat")) {
            return PathMatch.of(ApiFamily.COHERE_CHAT, true);
        }
        return null;
    }

    /** {@code .../v1/<op>} or an Azure deployment URL; anything else is too generic to claim. */
    private static PathMatch versionedOpenAi(String path, ApiFamily family, int prefixEnd, boolean ambiguous) {
        if (endsWith(path, prefixEnd, "/v1") || path.contains(AZURE_DEPLOYMENTS)) {
            return openAi(path, family, prefixEnd, ambiguous);
        }
        return null;
    }

    private static PathMatch openAi(String path, ApiFamily family, int prefixEnd, boolean ambiguous) {
        int dep = path.indexOf(AZURE_DEPLOYMENTS);
        if (dep >= 0) {
            int start = dep + AZURE_DEPLOYMENTS.length();
            int stop = path.indexOf('/', start);
            if (stop == prefixEnd && stop > start) {
                return new PathMatch(family, decode(path, start, stop), false, false, "azure.ai.openai", null);
            }
        }
        if (family == ApiFamily.OPENAI_CHAT && endsWith(path, prefixEnd, "/models")) {
            return new PathMatch(family, null, false, ambiguous, "azure.ai.inference", null);
        }
        return PathMatch.of(family, ambiguous);
    }

    /** Gemini and Vertex AI name the method after a colon: {@code .../models/gemini-2.0-flash:generateContent}. */
    private static PathMatch googleVerb(String path, int slash, int colon, int end) {
        int prev = path.lastIndexOf('/', slash - 1);
        if (prev < 0) {
            return null;
        }
        boolean models = path.regionMatches(prev, "/models/", 0, 8) || path.regionMatches(prev, "/tunedModels/", 0, 13);
        if (!models) {
            return null;
        }
        int verb = colon + 1;
        if (isVerb(path, verb, end, "generateContent") || isVerb(path, verb, end, "streamGenerateContent")) {
            String hint = path.contains("/publishers/") ? "gcp.vertex_ai" : null;
            return new PathMatch(ApiFamily.GEMINI_GENERATE, decode(path, slash + 1, colon), path.charAt(verb) == 's', false,
                    hint, null);
        }
        if (isVerb(path, verb, end, "embedContent") || isVerb(path, verb, end, "batchEmbedContents")) {
            return new PathMatch(ApiFamily.GEMINI_EMBED, decode(path, slash + 1, colon), false, false, null, null);
        }
        if ((isVerb(path, verb, end, "rawPredict") || isVerb(path, verb, end, "streamRawPredict"))
                && path.contains("/publishers/anthropic/")) {
            return new PathMatch(ApiFamily.ANTHROPIC_MESSAGES, decode(path, slash + 1, colon), path.charAt(verb) == 's',
                    false, "gcp.vertex_ai", null);
        }
        return null;
    }

    private static boolean isVerb(String path, int start, int end, String verb) {
        return end - start == verb.length() && path.regionMatches(start, verb, 0, verb.length());
    }

    /** {@code /model/{modelId}/converse}, {@code converse-stream}, {@code invoke}, {@code invoke-with-response-stream}. */
    private static PathMatch bedrock(String path, int slash, int end) {
        ApiFamily family;
        boolean streaming;
        if (endsWith(path, end, "/converse")) {
            family = ApiFamily.BEDROCK_CONVERSE;
            streaming = false;
        } else if (endsWith(path, end, "/converse-stream")) {
            family = ApiFamily.BEDROCK_CONVERSE;
            streaming = true;
        } else if (endsWith(path, end, "/invoke")) {
            family = ApiFamily.BEDROCK_INVOKE;
            streaming = false;
        } else if (endsWith(path, end, "/invoke-with-response-stream")) {
            family = ApiFamily.BEDROCK_INVOKE;
            streaming = true;
        } else {
            return null;
        }
        int model = path.lastIndexOf("/model/", slash);
        if (model < 0 || model + 7 >= slash) {
            return null;
        }
        String modelId = decode(path, model + 7, slash);
        String operation = null;
        if (family == ApiFamily.BEDROCK_INVOKE) {
            if (modelId.contains("embed")) {
                operation = "embeddings";
            } else if (modelId.contains("titan-text")) {
                operation = "text_completion";
            }
        }
        return new PathMatch(family, modelId, streaming, false, null, operation);
    }

    static boolean endsWith(String s, int end, String suffix) {
        int start = end - suffix.length();
        return start >= 0 && s.regionMatches(start, suffix, 0, suffix.length());
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Percent-decodes one path part (a Bedrock model ARN arrives as {@code arn%3Aaws%3A...}). */
    static String decode(String s, int start, int end) {
        if (s.indexOf('%', start) < 0 || s.indexOf('%', start) >= end) {
            return s.substring(start, end);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < end && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
