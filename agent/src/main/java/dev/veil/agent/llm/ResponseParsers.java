package dev.veil.agent.llm;

import dev.veil.agent.llm.response.FramedParser;
import dev.veil.agent.llm.response.FramedParser.Framing;
import java.util.Locale;

/** Picks the response parser for a call from the API family, the request and the response headers. */
public final class ResponseParsers {
    private ResponseParsers() {
    }

    /** A parser that assembles no output text and measures time to first chunk from its own creation. */
    public static ResponseParser forResponse(EndpointMatch m, RequestInfo req, String contentType, String contentEncoding) {
        return forResponse(m, req, contentType, contentEncoding, 0, System.nanoTime());
    }

    /**
     * @param captureChars generated text to assemble for opt-in content capture (0: none)
     * @param requestStartNanos {@link System#nanoTime()} when the request was sent
     */
    public static ResponseParser forResponse(EndpointMatch m, RequestInfo req, String contentType, String contentEncoding,
            int captureChars, long requestStartNanos) {
        boolean requestStreams = req != null ? req.streaming() : m.streamingFromPath();
        Framing framing = framing(m, requestStreams, contentType);
        boolean streaming = framing != Framing.JSON && framing != Framing.MEDIA || requestStreams || m.streamingFromPath();
        return new FramedParser(m.apiFamily(), framing, streaming, contentEncoding, captureChars, requestStartNanos);
    }

    /**
     * The framing the Content-Type names; without a usable one, what the family streams in. An error
     * answer to a streaming request is usually plain JSON, which the Content-Type then says.
     */
    static Framing framing(EndpointMatch m, boolean requestStreams, String contentType) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ct.startsWith("text/event-stream")) {
            return Framing.SSE;
        }
        if (ct.contains("vnd.amazon.eventstream")) {
            return Framing.EVENT_STREAM;
        }
        if (ct.contains("ndjson") || ct.contains("jsonl") || ct.contains("json-seq")) {
            return Framing.NDJSON;
        }
        if (ct.contains("json")) {
            return Framing.JSON;
        }
        if (ct.startsWith("audio/") || ct.startsWith("image/") || ct.startsWith("video/")) {
            return Framing.MEDIA; // generated speech or images: no facts in the body
        }
        if (!requestStreams && !m.streamingFromPath()) {
            return Framing.JSON;
        }
        switch (m.apiFamily()) {
            case BEDROCK_CONVERSE:
            case BEDROCK_INVOKE:
                return Framing.EVENT_STREAM;
            case OLLAMA_CHAT:
            case OLLAMA_GENERATE:
                return Framing.NDJSON;
            case GEMINI_GENERATE:
                return m.sseFromQuery() ? Framing.SSE : Framing.JSON;
            default:
                return Framing.SSE;
        }
    }
}
