package dev.veil.agent.llm.stream;

import dev.veil.agent.llm.json.ByteSink;
import dev.veil.agent.llm.json.JsonSkip;

/**
 * Gives the application back the exact stream it would have received had Veil not added
 * {@code stream_options.include_usage}: removes the {@code "usage":null} member the option adds to every
 * chunk and drops the extra final chunk that has {@code "choices":[]} and the usage. Everything else
 * passes byte for byte. Works on raw SSE bytes split anywhere; holds back at most one event (bounded by
 * {@link #MAX_EVENT_BYTES}; a larger event passes through unchanged). Feed the unfiltered bytes to the
 * {@code ResponseParser}, or read the removed usage from here. Never throws on malformed input.
 */
public final class OpenAiUsageStripper {
    public static final int MAX_EVENT_BYTES = 1 << 20;
    private static final byte[] EMPTY = new byte[0];

    private final ByteSink event = new ByteSink(1024);
    private final ByteSink out = new ByteSink(1024);
    private int lineStart;
    private boolean prevCr;
    /** The current event outgrew the buffer: it streams through unchanged until its blank line. */
    private boolean passThrough;
    private int passLineLength;
    /** The last event was dropped: a line feed completing its CR LF terminator goes too. */
    private boolean lastDropped;

    private Long inputTokens;
    private Long outputTokens;
    private Long cachedTokens;
    private Long reasoningTokens;
    private boolean usageChunkRemoved;
    private int nullsRemoved;

    /**
     * Whether a response with these headers can be filtered: an uncompressed event stream. A JSON body
     * (an error answer) has nothing to strip; a compressed stream cannot be edited byte-wise, so a caller
     * that sees compressed bytes should not inject in the first place.
     */
    public static boolean canStrip(String contentType, String contentEncoding) {
        boolean identity = contentEncoding == null || contentEncoding.trim().isEmpty()
                || contentEncoding.trim().equalsIgnoreCase("identity");
        return identity && contentType != null && contentType.trim().toLowerCase(java.util.Locale.ROOT)
                .startsWith("text/event-stream");
    }

    /** The bytes to hand to the application now (possibly empty; never null). */
    public byte[] filter(byte[] b, int off, int len) {
        out.reset();
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (passThrough) {
                passThrough(c);
                continue;
            }
            if (prevCr && c == '\n') {
                prevCr = false;
                if (event.size() == 0) {
                    if (!lastDropped) {
                        out.write(c); // second half of the CR LF that ended the previous event
                    }
                } else {
                    event.write(c);
                    lineStart = event.size();
                }
                continue;
            }
            prevCr = c == '\r';
            event.write(c);
            if (c == '\n' || c == '\r') {
                if (event.size() - 1 == lineStart) {
                    endEvent();
                } else {
                    lineStart = event.size();
                }
            } else if (event.size() > MAX_EVENT_BYTES) {
                out.write(event.array(), 0, event.size());
                event.reset();
                lineStart = 0;
                passThrough = true;
                passLineLength = 1;
            }
        }
        return out.size() == 0 ? EMPTY : out.toByteArray();
    }

    /** End of stream: whatever is held back goes out unchanged. */
    public byte[] finish() {
        out.reset();
        out.write(event.array(), 0, event.size());
        event.reset();
        lineStart = 0;
        return out.size() == 0 ? EMPTY : out.toByteArray();
    }

    /** An oversized event streams through; only its blank line is watched for. */
    private void passThrough(byte c) {
        out.write(c);
        if (prevCr && c == '\n') {
            prevCr = false;
            return;
        }
        prevCr = c == '\r';
        if (c == '\n' || c == '\r') {
            if (passLineLength == 0) {
                passThrough = false;
                lastDropped = false;
            }
            passLineLength = 0;
        } else {
            passLineLength++;
        }
    }

    private void endEvent() {
        byte[] e = event.array();
        int n = event.size();
        lastDropped = false;
        int[] data = singleJsonData(e, n);
        if (data == null) {
            out.write(e, 0, n);
        } else {
            rewrite(e, n, data[0], data[1]);
        }
        event.reset();
        lineStart = 0;
    }

    /** The JSON payload span of an event with exactly one {@code data:} line holding an object, else null. */
    private static int[] singleJsonData(byte[] e, int n) {
        int[] span = null;
        int p = 0;
        while (p < n) {
            int eol = p;
            while (eol < n && e[eol] != '\n' && e[eol] != '\r') {
                eol++;
            }
            if (eol - p >= 5 && e[p] == 'd' && e[p + 1] == 'a' && e[p + 2] == 't' && e[p + 3] == 'a' && e[p + 4] == ':') {
                if (span != null) {
                    return null;
                }
                int s = p + 5 < eol && e[p + 5] == ' ' ? p + 6 : p + 5;
                if (s >= eol || e[s] != '{') {
                    return null;
                }
                span = new int[] {s, eol};
            }
            p = eol + 1;
        }
        return span;
    }

    /** Drops the usage-only chunk, or cuts the {@code "usage":null} member out of the JSON. */
    private void rewrite(byte[] e, int n, int start, int end) {
        int usageKey = -1;
        int usageValue = -1;
        int usageEnd = -1;
        int cutFrom = -1;
        int cutTo = -1;
        boolean emptyChoices = false;
        int prevValueEnd = start + 1;
        int p = JsonSkip.skipWs(e, start + 1, end);
        boolean first = true;
        while (p < end && e[p] == '"') {
            int keyEnd = JsonSkip.stringEnd(e, p, end);
            if (keyEnd < 0) {
                break;
            }
            int colon = JsonSkip.skipWs(e, keyEnd, end);
            if (colon >= end || e[colon] != ':') {
                break;
            }
            int v = JsonSkip.skipWs(e, colon + 1, end);
            int vEnd = JsonSkip.valueEnd(e, v, end);
            if (vEnd < 0) {
                break;
            }
            if (JsonSkip.isName(e, p, keyEnd, "usage")) {
                usageKey = p;
                usageValue = v;
                usageEnd = vEnd;
                cutFrom = first ? p : prevValueEnd;
                cutTo = vEnd;
            } else if (JsonSkip.isName(e, p, keyEnd, "choices")) {
                emptyChoices = e[v] == '[' && JsonSkip.skipWs(e, v + 1, vEnd) == vEnd - 1;
            }
            int after = JsonSkip.skipWs(e, vEnd, end);
            if (first && usageKey == p && after < end && e[after] == ',') {
                cutTo = JsonSkip.skipWs(e, after + 1, end); // first member: take its comma instead
            }
            first = false;
            prevValueEnd = vEnd;
            if (after >= end || e[after] != ',') {
                break;
            }
            p = JsonSkip.skipWs(e, after + 1, end);
        }
        if (usageKey < 0) {
            out.write(e, 0, n);
            return;
        }
        if (e[usageValue] == '{' && emptyChoices) {
            readUsage(e, usageValue, usageEnd);
            usageChunkRemoved = true;
            lastDropped = true;
            return;
        }
        if (usageEnd - usageValue == 4 && e[usageValue] == 'n') {
            nullsRemoved++;
            out.write(e, 0, cutFrom);
            out.write(e, cutTo, n - cutTo);
            return;
        }
        out.write(e, 0, n);
    }

    private void readUsage(byte[] e, int start, int end) {
        inputTokens = UsageNumbers.find(e, start, end, "prompt_tokens");
        outputTokens = UsageNumbers.find(e, start, end, "completion_tokens");
        cachedTokens = UsageNumbers.find(e, start, end, "cached_tokens");
        reasoningTokens = UsageNumbers.find(e, start, end, "reasoning_tokens");
    }

    /** Whether the usage-only chunk was found and removed. */
    public boolean usageChunkRemoved() {
        return usageChunkRemoved;
    }

    /** How many {@code "usage":null} members were cut out. */
    public int nullUsagesRemoved() {
        return nullsRemoved;
    }

    public Long inputTokens() {
        return inputTokens;
    }

    public Long outputTokens() {
        return outputTokens;
    }

    /** {@code prompt_tokens_details.cached_tokens}. */
    public Long cachedTokens() {
        return cachedTokens;
    }

    /** {@code completion_tokens_details.reasoning_tokens}. */
    public Long reasoningTokens() {
        return reasoningTokens;
    }
}
