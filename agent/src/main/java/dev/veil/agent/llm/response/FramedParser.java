package dev.veil.agent.llm.response;

import dev.veil.agent.llm.ApiFamily;
import dev.veil.agent.llm.ResponseInfo;
import dev.veil.agent.llm.ResponseParser;
import java.util.Locale;

/**
 * The {@link ResponseParser} behind every format: optional decompression, a framer, the scanners
 * and the extractor. Anything unexpected inside marks the result malformed and stops reading; it never
 * reaches the application.
 */
public final class FramedParser implements ResponseParser {
    /** How a response body is framed. */
    public enum Framing {
        JSON, SSE, NDJSON, EVENT_STREAM,
        /** Binary media (generated speech, images): counted as a response, not read. */
        MEDIA
    }

    private final ResponseFacts facts;
    private final Framer first;
    private final boolean streaming;
    private boolean dead;
    private boolean ended;
    private Long headerInput;
    private Long headerOutput;
    private String headerError;

    /**
     * @param streaming the response is a stream (time to first chunk and chunk count are reported)
     * @param encoding the response Content-Encoding, or null
     * @param captureChars how much generated text to keep (0: none)
     * @param startNanos {@link System#nanoTime()} the time to first chunk is measured from
     */
    public FramedParser(ApiFamily family, Framing framing, boolean streaming, String encoding, int captureChars,
            long startNanos) {
        this(family, framing, streaming, encoding, captureChars, startNanos, MessageBuffer.DEFAULT_CAP);
    }

    /** @param maxMessageBytes messages up to this size are collected and scanned; larger ones are parsed incrementally */
    FramedParser(ApiFamily family, Framing framing, boolean streaming, String encoding, int captureChars,
            long startNanos, int maxMessageBytes) {
        this.facts = new ResponseFacts(startNanos, captureChars);
        this.streaming = streaming;
        FieldExtractor extractor = new FieldExtractor(facts, family,
                family == ApiFamily.BEDROCK_INVOKE && framing == Framing.EVENT_STREAM);
        NameCache names = new NameCache();
        IncrementalScanner incremental = new IncrementalScanner(extractor, facts, framing == Framing.JSON, names);
        MessageScanner scanner = new MessageScanner(extractor, facts, framing == Framing.JSON, names);
        MessageBuffer message = new MessageBuffer(maxMessageBytes, scanner, incremental);
        Framer framer;
        switch (framing) {
            case SSE:
                framer = new SseFramer(message);
                break;
            case NDJSON:
                framer = new LineFramer(message);
                break;
            case EVENT_STREAM:
                framer = new EventStreamFramer(scanner, facts);
                break;
            case MEDIA:
                framer = new Framer() {
                    @Override
                    public void onBytes(byte[] b, int off, int len) {
                        // binary media carries no id, model, usage or finish reason
                    }

                    @Override
                    public void onEnd() {
                    }
                };
                break;
            default:
                framer = new JsonFramer(message, incremental, streaming);
                break;
        }
        String enc = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        if (enc.equals("gzip") || enc.equals("x-gzip")) {
            framer = new Inflating(framer, facts, true);
        } else if (enc.equals("deflate")) {
            framer = new Inflating(framer, facts, false);
        } else if (!enc.isEmpty() && !enc.equals("identity")) {
            facts.malformed = true; // br, zstd: not readable without a dependency
            dead = true;
        }
        this.first = framer;
    }

    @Override
    public void onBytes(byte[] b, int off, int len) {
        if (dead || ended || b == null || len <= 0 || off < 0 || off + len > b.length) {
            return;
        }
        try {
            first.onBytes(b, off, len);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail();
        }
    }

    @Override
    public void onHeader(String name, String value) {
        if (name == null || value == null) {
            return;
        }
        try {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.equals("x-amzn-bedrock-input-token-count")) {
                headerInput = Long.valueOf(value.trim());
            } else if (n.equals("x-amzn-bedrock-output-token-count")) {
                headerOutput = Long.valueOf(value.trim());
            } else if (n.equals("x-amzn-errortype")) {
                headerError = FieldExtractor.bedrockErrorHeader(value);
            }
        } catch (NumberFormatException ignored) {
            // a header Veil cannot read is left out of the span
        }
    }

    @Override
    public void onEnd() {
        if (ended) {
            return;
        }
        ended = true;
        if (!dead) {
            try {
                first.onEnd();
            } catch (RuntimeException | StackOverflowError e) {
                fail();
            }
        }
    }

    @Override
    public ResponseInfo result() {
        try {
            if (headerError != null) {
                facts.error(0, headerError);
            }
            if (facts.input == null && facts.cacheReadExtra == null) {
                facts.input = headerInput;
            }
            if (facts.output == null) {
                facts.output = headerOutput;
            }
            return facts.build(streaming);
        } catch (RuntimeException e) {
            return new ResponseInfo.Builder().build();
        }
    }

    private void fail() {
        dead = true;
        facts.malformed = true;
    }
}
