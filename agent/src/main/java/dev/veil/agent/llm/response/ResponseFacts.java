package dev.veil.agent.llm.response;

import dev.veil.agent.llm.ResponseInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates what the readers find. Usage fields keep the last value seen, because providers that
 * repeat usage (Anthropic message_delta, Gemini chunks) report running totals.
 */
final class ResponseFacts {
    private static final int MAX_FINISH_REASONS = 32;

    private final long startNanos;
    private final int captureChars;

    String responseId;
    String responseModel;
    private List<String> finishReasons;
    /** Responses API: the response status and, when incomplete, why. */
    String status;
    String incompleteReason;

    Long input;
    Long output;
    /** Cache reads already counted in {@link #input} (OpenAI cached_tokens, Gemini cachedContentTokenCount). */
    Long cachedIncluded;
    /** Cache reads/writes reported beside the input (Anthropic, Bedrock) and added to it for the conventions. */
    Long cacheReadExtra;
    Long cacheWriteExtra;
    Long reasoning;
    /** Gemini reports thoughts beside candidates; the conventions count them as output. */
    boolean reasoningOutsideOutput;

    long firstChunkNanos = -1;
    int chunks;
    private String errorType;
    private int errorRank = Integer.MAX_VALUE;
    String systemFingerprint;
    String serviceTier;
    boolean malformed;

    private final StringBuilder text;
    private boolean textTruncated;

    ResponseFacts(long startNanos, int captureChars) {
        this.startNanos = startNanos;
        this.captureChars = captureChars;
        this.text = captureChars > 0 ? new StringBuilder(Math.min(captureChars, 1024)) : null;
    }

    boolean capturing() {
        return text != null;
    }

    void chunk() {
        if (chunks++ == 0) {
            firstChunkNanos = System.nanoTime();
        }
    }

    void finish(String reason) {
        if (finishReasons == null) {
            finishReasons = new ArrayList<String>(2);
        }
        if (finishReasons.size() < MAX_FINISH_REASONS) {
            finishReasons.add(reason);
        }
    }

    /** Keeps the most specific error: lower rank wins (type before status before code). */
    void error(int rank, String type) {
        if (type != null && !type.isEmpty() && rank < errorRank) {
            errorRank = rank;
            errorType = type.length() > 64 ? type.substring(0, 64) : type;
        }
    }

    void text(String s) {
        if (text == null || textTruncated) {
            return;
        }
        int room = captureChars - text.length();
        if (s.length() <= room) {
            text.append(s);
        } else {
            text.append(s, 0, Math.max(0, room));
            textTruncated = true;
        }
    }

    ResponseInfo build(boolean streaming) {
        ResponseInfo.Builder b = new ResponseInfo.Builder();
        b.responseId = responseId;
        b.responseModel = responseModel;
        b.finishReasons = finishReasons;
        if (b.finishReasons == null && (incompleteReason != null || status != null)) {
            b.finishReasons = new ArrayList<String>(1);
            b.finishReasons.add(incompleteReason != null ? incompleteReason : status);
        }
        long extra = orZero(cacheReadExtra) + orZero(cacheWriteExtra);
        b.inputTokens = input == null && extra == 0 ? null : Long.valueOf(orZero(input) + extra);
        b.outputTokens = output == null ? null
                : Long.valueOf(output.longValue() + (reasoningOutsideOutput ? orZero(reasoning) : 0));
        b.cacheReadTokens = cacheReadExtra != null ? cacheReadExtra : cachedIncluded;
        b.cacheCreationTokens = cacheWriteExtra;
        b.reasoningTokens = reasoning;
        if (streaming && firstChunkNanos >= 0) {
            b.timeToFirstChunkNanos = firstChunkNanos - startNanos;
        }
        b.chunkCount = streaming ? chunks : 0;
        b.errorType = errorType;
        b.outputText = text == null ? null : text.toString();
        b.outputTruncated = textTruncated;
        b.systemFingerprint = systemFingerprint;
        b.serviceTier = serviceTier;
        b.malformed = malformed;
        return b.build();
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v.longValue();
    }
}
