package dev.veil.agent.llm.response;

import dev.veil.agent.llm.json.ByteSink;

/**
 * The incremental reader: JSON bytes in pieces of any size (a large body, a message over the
 * {@link MessageBuffer} cap, Gemini's streamed array), reported to the {@link FieldExtractor} exactly as
 * {@link MessageScanner} reports a whole message. A resumable state machine: it keeps only the open
 * containers' names and the bytes of the string a rule wants (or of the member name being read), so
 * memory does not grow with the body. One scanner reads a whole response: messages follow one another
 * as root values. Invalid JSON stops reading until the next message boundary; nothing is ever thrown.
 */
final class IncrementalScanner {
    /** Deepest nesting read; deeper input is malformed (as Jackson's default limit). */
    private static final int MAX_NESTING = 1000;
    /** Containers deeper than this are followed but not reported (as {@link MessageScanner}). */
    private static final int MAX_DEPTH = 64;

    private static final int VALUE = 0;
    private static final int VALUE_OR_CLOSE = 1;
    private static final int NAME_OR_CLOSE = 2;
    private static final int NAME = 3;
    private static final int IN_NAME = 4;
    private static final int COLON = 5;
    private static final int IN_STRING = 6;
    private static final int IN_NUMBER = 7;
    private static final int IN_LITERAL = 8;
    private static final int AFTER_VALUE = 9;

    /** The bytes a JSON number is made of: digits, sign, point, exponent. */
    private static final boolean[] NUMBER_BYTE = new boolean[256];

    static {
        for (byte c : "0123456789+-.eE".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) {
            NUMBER_BYTE[c] = true;
        }
    }

    private final FieldExtractor extractor;
    private final ResponseFacts facts;
    private final boolean rootArrayHoldsMessages;
    private final NameCache names;
    private final MessageScanner.Text text;
    private final ByteSink bytes = new ByteSink(256);

    private int state;
    private int depth;
    /** 1 while inside a root array whose elements are the messages (Gemini's streamed array), else 0. */
    private int base;
    private final String[] openers = new String[MAX_DEPTH + 2];
    private final int[] openerFlags = new int[MAX_DEPTH + 2];
    /** Whether the container at each depth is an array, one bit per depth. */
    private final long[] arrays = new long[(MAX_NESTING + 64) / 64];
    /** The same names by depth within the message, as the extractor sees them. */
    private final String[] path = new String[MAX_DEPTH + 2];
    /** Member name of the value being read and its {@link FieldNames} flags. */
    private String field;
    private int fieldFlags;
    /** String state: collecting its bytes, after a backslash, escape / non-ASCII flags. */
    private boolean collecting;
    private boolean escape;
    private int stringFlags;
    /** Number state. */
    private boolean wantNumber;
    private boolean negative;
    private long number;
    private int digits;
    private boolean integral;
    private int literalLeft;
    private boolean broken;

    /**
     * @param rootArrayHoldsMessages a root array is a stream of messages, not one message
     * @param names the call's member-name cache (shared with its {@link MessageScanner})
     */
    IncrementalScanner(FieldExtractor extractor, ResponseFacts facts, boolean rootArrayHoldsMessages, NameCache names) {
        this.names = names;
        this.text = new MessageScanner.Text(names);
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
            run(b, off, off + len);
        } catch (MessageScanner.Malformed | ArrayIndexOutOfBoundsException e) {
            broken = true;
            extractor.malformed();
        }
    }

    /** A message boundary: whatever is unfinished is discarded, so one bad message does not spoil the next. */
    void endMessage() {
        if (!broken && depth == 0 && state != VALUE && state != AFTER_VALUE) {
            try {
                if (state != IN_NUMBER) {
                    throw MessageScanner.MALFORMED; // an unfinished root string or literal
                }
                endNumber();
                state = AFTER_VALUE;
            } catch (MessageScanner.Malformed e) {
                broken = true;
                extractor.malformed();
            }
        }
        if (broken || depth != 0) {
            if (depth != 0) {
                extractor.malformed();
            }
            reset();
        }
    }

    private void reset() {
        state = VALUE;
        depth = 0;
        base = 0;
        field = null;
        fieldFlags = 0;
        broken = false;
        bytes.reset();
    }

    private void run(byte[] b, int i, int end) {
        while (i < end) {
            switch (state) {
                case IN_STRING:
                case IN_NAME:
                    i = string(b, i, end);
                    continue;
                case IN_NUMBER:
                    i = number(b, i, end);
                    continue;
                case IN_LITERAL:
                    int n = Math.min(literalLeft, end - i);
                    literalLeft -= n;
                    i += n;
                    if (literalLeft == 0) {
                        state = AFTER_VALUE;
                    }
                    continue;
                default:
                    break;
            }
            byte c = b[i];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                i++;
                continue;
            }
            switch (state) {
                case VALUE_OR_CLOSE:
                    if (c == ']') {
                        close();
                        break;
                    }
                    // fall through: the first element
                case VALUE:
                    startValue(c);
                    break;
                case NAME_OR_CLOSE:
                    if (c == '}') {
                        close();
                        break;
                    }
                    // fall through: the first member
                case NAME:
                    if (c != '"') {
                        throw MessageScanner.MALFORMED;
                    }
                    startString(true, IN_NAME);
                    break;
                case COLON:
                    if (c != ':') {
                        throw MessageScanner.MALFORMED;
                    }
                    state = VALUE;
                    break;
                default: // AFTER_VALUE
                    afterValue(c);
                    break;
            }
            i++;
        }
    }

    private void afterValue(byte c) {
        if (depth == 0) {
            startValue(c); // the next root value (message)
        } else if (c == ',') {
            state = isArray(depth) ? VALUE : NAME;
        } else if (c == (isArray(depth) ? ']' : '}')) {
            close();
        } else {
            throw MessageScanner.MALFORMED;
        }
    }

    /** The first byte of a value (not whitespace). */
    private void startValue(byte c) {
        if (c == '{' || c == '[') {
            open(c == '[');
        } else if (c == '"') {
            startString(inMessage() && extractor.wants(nameFlags()), IN_STRING);
        } else if (c == '-' || c >= '0' && c <= '9') {
            wantNumber = inMessage() && extractor.wants(nameFlags());
            negative = c == '-';
            number = negative ? 0 : c - '0';
            digits = negative ? 0 : 1;
            integral = true;
            state = IN_NUMBER;
        } else if (c == 't' || c == 'n' || c == 'f') {
            literalLeft = c == 'f' ? 4 : 3;
            state = IN_LITERAL;
        } else {
            throw MessageScanner.MALFORMED;
        }
    }

    private void startString(boolean collect, int next) {
        collecting = collect;
        escape = false;
        stringFlags = 0;
        bytes.reset();
        state = next;
    }

    /** String bytes from {@code i}; returns the index after the closing quote, or {@code end}. */
    private int string(byte[] b, int i, int end) {
        int from = i;
        int p = i;
        final boolean[] plain = MessageScanner.PLAIN;
        while (p < end) {
            byte c = b[p];
            if (escape) {
                escape = false;
                p++;
                continue;
            }
            if (plain[c & 0xff]) {
                p++;
                continue;
            }
            if (c == '"') {
                if (collecting) {
                    bytes.write(b, from, p - from);
                }
                endString();
                return p + 1;
            }
            if (c == '\\') {
                stringFlags |= MessageScanner.ESCAPED;
                escape = true;
            } else if (c < 0) {
                stringFlags |= MessageScanner.NON_ASCII;
            }
            p++;
        }
        if (collecting) {
            bytes.write(b, from, p - from);
        }
        return end;
    }

    private void endString() {
        if (state == IN_NAME) {
            field = names.get(bytes.array(), 0, bytes.size(), (stringFlags & MessageScanner.ESCAPED) != 0,
                    (stringFlags & MessageScanner.NON_ASCII) == 0);
            fieldFlags = names.lastFlags();
            state = COLON;
            return;
        }
        state = AFTER_VALUE;
        if (collecting) {
            text.set(bytes.array(), 0, bytes.size(), stringFlags);
            try {
                extractor.onString(depth - base, name(), path, text);
            } catch (java.io.IOException e) {
                throw MessageScanner.MALFORMED;
            } finally {
                text.buf = null;
            }
        }
    }

    private int number(byte[] b, int i, int end) {
        int p = i;
        if (!wantNumber && digits > 0) {
            // nothing to compute (embedding vectors, indexes): step over the number's bytes
            final boolean[] numberByte = NUMBER_BYTE;
            while (p < end && numberByte[b[p] & 0xff]) {
                p++;
            }
            if (p < end) {
                state = AFTER_VALUE;
            }
            return p;
        }
        while (p < end) {
            byte c = b[p];
            if (c >= '0' && c <= '9') {
                if (integral) {
                    number = number * 10 + (c - '0');
                    integral = ++digits <= 18;
                }
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                integral = false; // a fraction or exponent: not a count
            } else {
                endNumber();
                state = AFTER_VALUE;
                return p;
            }
            p++;
        }
        return end;
    }

    private void endNumber() {
        if (digits == 0) {
            throw MessageScanner.MALFORMED;
        }
        if (integral && wantNumber) {
            extractor.onNumber(depth - base, name(), path, negative ? -number : number);
        }
    }

    private void open(boolean array) {
        if (depth >= MAX_NESTING) {
            throw MessageScanner.MALFORMED;
        }
        String opener = name();
        int flags = nameFlags();
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
        if (array) {
            arrays[depth >>> 6] |= 1L << depth;
        } else {
            arrays[depth >>> 6] &= ~(1L << depth);
        }
        if (depth <= MAX_DEPTH) {
            openers[depth] = opener;
            openerFlags[depth] = flags;
            path[rel] = opener;
        }
        if (!array && rel >= 2 && depth <= MAX_DEPTH) {
            extractor.onObjectStart(rel - 1, opener, flags);
        }
        field = null;
        fieldFlags = 0;
        state = array ? VALUE_OR_CLOSE : NAME_OR_CLOSE;
    }

    private void close() {
        if (depth - base >= 1) {
            extractor.onContainerEnd(depth - base);
        }
        depth--;
        if (depth == 0) {
            base = 0;
        }
        field = null;
        fieldFlags = 0;
        state = AFTER_VALUE;
    }

    private void messageStart() {
        extractor.onMessageStart();
        facts.chunk();
    }

    private boolean inMessage() {
        return depth - base >= 1 && depth <= MAX_DEPTH;
    }

    private boolean isArray(int d) {
        return (arrays[d >>> 6] & 1L << d) != 0;
    }

    /** The member name of the current value; array elements take the array's name. */
    private String name() {
        if (depth > 0 && depth <= MAX_DEPTH && isArray(depth)) {
            return openers[depth];
        }
        return field;
    }

    private int nameFlags() {
        if (depth > 0 && depth <= MAX_DEPTH && isArray(depth)) {
            return openerFlags[depth];
        }
        return fieldFlags;
    }
}
