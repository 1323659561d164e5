package dev.veil.agent.llm.response;

import dev.veil.agent.llm.json.JsonSkip;
import dev.veil.agent.llm.json.JsonText;

/**
 * Reads one complete, bounded message (an SSE event's data, an NDJSON line, an event-stream payload, a
 * small JSON body) straight from its bytes and reports values to the {@link FieldExtractor} exactly as
 * {@link IncrementalScanner} would. Faster than the incremental parser: strings nobody asks for are skipped
 * without decoding and member names come from a cache. Invalid input ends the message; nothing throws.
 */
final class MessageScanner {
    private static final int MAX_DEPTH = 64;

    /** Invalid JSON; preallocated because it only steers control flow. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed() {
            super(null, null, false, false);
        }
    }

    static final Malformed MALFORMED = new Malformed();

    private final FieldExtractor extractor;
    private final ResponseFacts facts;
    private final boolean rootArrayHoldsMessages;
    private final NameCache names;
    private final String[] path = new String[MAX_DEPTH + 2];
    private final Text text;
    private byte[] b;
    private int pos;
    private int limit;

    /** @param facts where chunks are counted, or null when these messages are not chunks of their own */
    MessageScanner(FieldExtractor extractor, ResponseFacts facts, boolean rootArrayHoldsMessages) {
        this(extractor, facts, rootArrayHoldsMessages, new NameCache());
    }

    /** @param names the call's member-name cache (shared with its {@link IncrementalScanner}) */
    MessageScanner(FieldExtractor extractor, ResponseFacts facts, boolean rootArrayHoldsMessages, NameCache names) {
        this.names = names;
        this.text = new Text(names);
        this.extractor = extractor;
        this.facts = facts;
        this.rootArrayHoldsMessages = rootArrayHoldsMessages;
    }

    void scan(byte[] buf, int start, int end) {
        b = buf;
        pos = start;
        limit = end;
        try {
            skipWs();
            if (pos >= limit) {
                return;
            }
            if (b[pos] == '[' && rootArrayHoldsMessages) {
                pos++;
                skipWs();
                while (pos < limit && b[pos] != ']') {
                    message();
                    skipWs();
                    if (pos < limit && b[pos] == ',') {
                        pos++;
                        skipWs();
                    }
                }
            } else {
                message();
            }
        } catch (Malformed | ArrayIndexOutOfBoundsException e) {
            extractor.malformed();
        } finally {
            b = null;
            text.buf = null;
        }
    }

    private void message() {
        byte c = b[pos];
        if (c == '{' || c == '[') {
            if (facts != null) {
                facts.chunk();
            }
            extractor.onMessageStart();
        }
        if (c == '{') {
            path[1] = null;
            object(1);
            extractor.onContainerEnd(1);
        } else {
            skipValue();
        }
    }

    /** The members of the object whose '{' is at pos; {@code depth} is its container depth. */
    private void object(int depth) {
        pos++;
        skipWs();
        if (pos < limit && b[pos] == '}') {
            pos++;
            return;
        }
        while (true) {
            expect('"');
            int start = pos + 1;
            int flags = stringEnd();
            String name = names.get(b, start, pos - 1, (flags & ESCAPED) != 0, (flags & NON_ASCII) == 0);
            int nameFlags = names.lastFlags();
            skipWs();
            expect(':');
            pos++;
            skipWs();
            value(depth, name, nameFlags);
            if (!another('}')) {
                return;
            }
        }
    }

    private void array(int depth, String name, int nameFlags) {
        pos++;
        skipWs();
        if (pos < limit && b[pos] == ']') {
            pos++;
            return;
        }
        while (true) {
            value(depth, name, nameFlags);
            if (!another(']')) {
                return;
            }
        }
    }

    /** After a member or element: true at a comma (skipped), false at {@code close} (consumed). */
    private boolean another(char close) {
        skipWs();
        if (pos < limit && b[pos] == ',') {
            pos++;
            skipWs();
            return true;
        }
        if (pos < limit && b[pos] == close) {
            pos++;
            return false;
        }
        throw MALFORMED;
    }

    /** A value inside the container at {@code depth}, reached through member (or array) {@code name}. */
    private void value(int depth, String name, int nameFlags) {
        if (pos >= limit) {
            throw MALFORMED;
        }
        byte c = b[pos];
        if (c == '{' || c == '[') {
            if (depth + 1 > MAX_DEPTH) {
                skipValue();
                return;
            }
            path[depth + 1] = name;
            if (c == '{') {
                extractor.onObjectStart(depth, name, nameFlags);
                object(depth + 1);
            } else {
                array(depth + 1, name, nameFlags);
            }
            extractor.onContainerEnd(depth + 1);
        } else if (c == '"') {
            int start = pos + 1;
            int flags = stringEnd();
            if (!extractor.wants(nameFlags)) {
                return;
            }
            text.set(b, start, pos - 1, flags);
            try {
                extractor.onString(depth, name, path, text);
            } catch (java.io.IOException e) {
                throw MALFORMED;
            }
        } else if (c == '-' || c >= '0' && c <= '9') {
            if (extractor.wants(nameFlags)) {
                number(depth, name);
            } else {
                skipValue();
            }
        } else {
            literal();
        }
    }

    private void number(int depth, String name) {
        int p = pos;
        boolean negative = b[p] == '-';
        if (negative) {
            p++;
        }
        long v = 0;
        int digits = 0;
        while (p < limit && b[p] >= '0' && b[p] <= '9') {
            v = v * 10 + (b[p] - '0');
            digits++;
            p++;
        }
        boolean integral = digits > 0 && digits <= 18;
        while (p < limit && (b[p] == '.' || b[p] == 'e' || b[p] == 'E' || b[p] == '+' || b[p] == '-'
                || b[p] >= '0' && b[p] <= '9')) {
            integral = false;
            p++;
        }
        if (digits == 0) {
            throw MALFORMED;
        }
        pos = p;
        if (integral) {
            extractor.onNumber(depth, name, path, negative ? -v : v);
        }
    }

    private void literal() {
        byte c = b[pos];
        int n = c == 't' || c == 'n' ? 4 : c == 'f' ? 5 : -1;
        if (n < 0 || pos + n > limit) {
            throw MALFORMED;
        }
        pos += n;
    }

    private void skipValue() {
        byte c = b[pos];
        if (c == '"') {
            stringEnd();
            return;
        }
        if (c != '{' && c != '[') {
            if (c == '-' || c >= '0' && c <= '9') {
                while (pos < limit && b[pos] != ',' && b[pos] != '}' && b[pos] != ']' && b[pos] > ' ') {
                    pos++;
                }
            } else {
                literal();
            }
            return;
        }
        int depth = 0;
        while (pos < limit) {
            c = b[pos];
            if (c == '"') {
                stringEnd();
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    pos++;
                    return;
                }
            }
            pos++;
        }
        throw MALFORMED;
    }

    /** Printable ASCII other than {@code "} and {@code \\}: the bytes a string scan just steps over. */
    static final boolean[] PLAIN = new boolean[256];

    static {
        for (int c = ' '; c < 127; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
        PLAIN[127] = true;
    }

    static final int ESCAPED = 1;
    static final int NON_ASCII = 2;

    /** Moves past the string token whose quote is at pos; returns ESCAPED / NON_ASCII flags. */
    private int stringEnd() {
        int p = pos + 1;
        int flags = 0;
        final byte[] buf = b;
        final int lim = limit;
        final boolean[] plain = PLAIN;
        while (p < lim) {
            byte c = buf[p];
            if (plain[c & 0xff]) {
                p++; // printable ASCII other than the quote and the backslash: one table lookup
                continue;
            }
            if (c == '"') {
                pos = p + 1;
                return flags;
            }
            if (c == '\\') {
                flags |= ESCAPED;
                p += 2;
            } else {
                if (c < 0) {
                    flags |= NON_ASCII;
                }
                p++;
            }
        }
        throw MALFORMED;
    }

    private void expect(char c) {
        if (pos >= limit || b[pos] != c) {
            throw MALFORMED;
        }
    }

    private void skipWs() {
        if (pos < limit && b[pos] > ' ') {
            return; // compact JSON: no whitespace between tokens
        }
        pos = JsonSkip.skipWs(b, pos, limit);
    }

    /** The string just scanned, decoded on demand. Escapes are checked only then (a bad one reads as malformed). */
    static final class Text implements TextSource {
        private final NameCache cache;
        byte[] buf;
        int start;
        int end;
        int flags;

        Text(NameCache cache) {
            this.cache = cache;
        }

        @Override
        public String repeatedText() {
            return (flags & ESCAPED) != 0 ? text() : cache.get(buf, start, end, false, (flags & NON_ASCII) == 0);
        }

        void set(byte[] b, int s, int e, int f) {
            buf = b;
            start = s;
            end = e;
            flags = f;
        }

        @Override
        public String text() {
            if ((flags & ESCAPED) != 0 && !escapesValid()) {
                throw MALFORMED;
            }
            return JsonText.decode(buf, start, end, (flags & ESCAPED) != 0, (flags & NON_ASCII) == 0);
        }

        private boolean escapesValid() {
            for (int i = start; i < end; i++) {
                if (buf[i] == '\\') {
                    if (i + 1 >= end) {
                        return false;
                    }
                    if (buf[i + 1] == 'u') {
                        if (i + 5 >= end) {
                            return false;
                        }
                        for (int k = i + 2; k <= i + 5; k++) {
                            byte h = buf[k];
                            if (!(h >= '0' && h <= '9' || h >= 'a' && h <= 'f' || h >= 'A' && h <= 'F')) {
                                return false;
                            }
                        }
                        i += 5;
                    } else {
                        i++;
                    }
                }
            }
            return true;
        }
    }
}
