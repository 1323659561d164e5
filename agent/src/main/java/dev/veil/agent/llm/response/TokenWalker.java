package dev.veil.agent.llm.response;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;

/**
 * Feeds JSON bytes, in pieces of any size, to Jackson's non-blocking parser and reports each value
 * with its path to the {@link FieldExtractor}. One walker reads a whole response: messages (SSE
 * events, NDJSON lines, event-stream payloads, elements of a root array) follow one another as root
 * values. Invalid JSON stops reading until the next message boundary; nothing is ever thrown.
 */
final class TokenWalker {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final byte[] SEPARATOR = {'\n'};
    private static final int MAX_DEPTH = 64;

    private final FieldExtractor extractor;
    private final boolean rootArrayHoldsMessages;
    /** Where each message is counted as a chunk. */
    private final ResponseFacts facts;

    private JsonParser parser;
    private ByteArrayFeeder feeder;
    private int depth;
    /** 1 while inside a root array whose elements are the messages (Gemini's streamed array), else 0. */
    private int base;
    /** Member name that opened each container, by absolute depth (for the names of array elements). */
    private final String[] openers = new String[MAX_DEPTH + 2];
    private final boolean[] isArray = new boolean[MAX_DEPTH + 2];
    /** The same names by depth within the message, as the extractor sees them. */
    private final String[] path = new String[MAX_DEPTH + 2];
    private String field;
    private boolean broken;
    private final TextSource text = new TextSource() {
        @Override
        public String text() throws IOException {
            return parser.getText();
        }
    };

    /** @param rootArrayHoldsMessages a root array is a stream of messages, not one message */
    TokenWalker(FieldExtractor extractor, ResponseFacts facts, boolean rootArrayHoldsMessages) {
        this.extractor = extractor;
        this.facts = facts;
        this.rootArrayHoldsMessages = rootArrayHoldsMessages;
        reset();
    }

    void feed(byte[] b, int off, int len) {
        if (broken || len <= 0) {
            return;
        }
        try {
            feeder.feedInput(b, off, off + len);
            JsonToken t;
            while ((t = parser.nextToken()) != JsonToken.NOT_AVAILABLE && t != null) {
                onToken(t);
            }
        } catch (IOException | RuntimeException e) {
            broken = true;
            extractor.malformed();
        }
    }

    /** A message boundary: whatever is unfinished is discarded, so one bad message does not spoil the next. */
    void endMessage() {
        if (!broken && depth == 0) {
            feed(SEPARATOR, 0, 1);
        }
        if (broken || depth != 0) {
            if (depth != 0) {
                extractor.malformed();
            }
            reset();
        }
    }

    void close() {
        try {
            parser.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing to release beyond recycled buffers
        }
    }

    private void reset() {
        if (parser != null) {
            close();
        }
        try {
            parser = FACTORY.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new IllegalStateException(e); // byte-array parsers do not do I/O
        }
        feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        depth = 0;
        base = 0;
        field = null;
        broken = false;
    }

    private void onToken(JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT:
            case START_ARRAY:
                open(t == JsonToken.START_ARRAY);
                break;
            case END_OBJECT:
            case END_ARRAY:
                if (depth - base >= 1) {
                    extractor.onContainerEnd(depth - base);
                }
                depth--;
                if (depth == 0) {
                    base = 0;
                }
                field = null;
                break;
            case FIELD_NAME:
                field = parser.currentName();
                break;
            case VALUE_STRING:
                if (inMessage() && extractor.wants(FieldNames.flags(name()))) {
                    extractor.onString(depth - base, name(), path, text);
                }
                break;
            case VALUE_NUMBER_INT:
                if (inMessage() && extractor.wants(FieldNames.flags(name())) && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    extractor.onNumber(depth - base, name(), path, parser.getLongValue());
                }
                break;
            default:
                break;
        }
    }

    private void open(boolean array) {
        String opener = name();
        if (depth == 0) {
            if (array && rootArrayHoldsMessages) {
                base = 1;
            } else {
                messageStart();
            }
        } else if (depth == 1 && base == 1) {
            messageStart();
        }
        depth++;
        int rel = depth - base;
        if (depth <= MAX_DEPTH) {
            openers[depth] = opener;
            isArray[depth] = array;
            path[rel] = opener;
        }
        if (!array && rel >= 2 && depth <= MAX_DEPTH) {
            extractor.onObjectStart(rel - 1, opener, FieldNames.flags(opener));
        }
        field = null;
    }

    private void messageStart() {
        extractor.onMessageStart();
        facts.chunk();
    }

    private boolean inMessage() {
        return depth - base >= 1 && depth <= MAX_DEPTH;
    }

    /** The member name of the current value; array elements take the array's name. */
    private String name() {
        if (depth > 0 && depth <= MAX_DEPTH && isArray[depth]) {
            return openers[depth];
        }
        return field;
    }
}
