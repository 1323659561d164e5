package dev.veil.agent.llm.request;

import dev.veil.agent.llm.json.JsonText;
import dev.veil.agent.redact.PromptScrubber;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict JSON reader over the request bytes that hands every prompt-bearing string to the scrubber
 * and records where the body must change. Nothing is rebuilt: the caller splices the few changed
 * string tokens into a copy of the original bytes, so everything else stays byte-identical.
 * A string that itself holds JSON (tool-call arguments) is walked the same way and re-encoded.
 */
final class PromptWalker {
    static final int MAX_DEPTH = 512;
    private static final int MAX_NESTED_JSON = 4;
    /** A base64 value shorter than this is scrubbed even under a media name: real media is far larger. */
    private static final int MIN_MEDIA_CHARS = 256;

    /** The body is not valid JSON. Preallocated: thrown on the fallback path, never seen by the caller. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid() {
            super("invalid JSON", null, false, false);
        }
    }

    static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super("JSON nested too deeply", null, false, false);
        }
    }

    private static final Invalid INVALID = new Invalid();

    private final byte[] b;
    private final int limit;
    private final PromptScrubber scrubber;
    private final boolean allAppData;
    private final int nestedLevel;
    private final RequestShape shape;
    private int pos;
    private List<Splice> splices;

    /**
     * @param shape collects request parameters and injection points; null for JSON nested in a string
     * @param allAppData every string is scrubbed whatever its name (JSON found inside a string)
     */
    PromptWalker(byte[] b, int start, int end, PromptScrubber scrubber, RequestShape shape, boolean allAppData,
            int nestedLevel) {
        this.b = b;
        this.pos = start;
        this.limit = end;
        this.scrubber = scrubber;
        this.shape = shape;
        this.allAppData = allAppData;
        this.nestedLevel = nestedLevel;
    }

    /** Reads the whole body. @throws Invalid when it is not exactly one JSON value */
    void walk() {
        skipWs();
        value(0, allAppData, 0, RequestShape.ROOT_VALUE);
        skipWs();
        if (pos != limit) {
            throw INVALID;
        }
    }

    /** The edits found, in body order; null when nothing changes. */
    List<Splice> splices() {
        return splices;
    }

    private void value(int code, boolean appData, int depth, int scope) {
        if (pos >= limit) {
            throw INVALID;
        }
        byte c = b[pos];
        switch (c) {
            case '{':
                object(code, appData, depth + 1, scope);
                break;
            case '[':
                array(code, appData, depth + 1, scope);
                break;
            case '"':
                string(code, appData, scope);
                break;
            case 't':
                literal("true");
                if (shape != null) {
                    shape.onBoolean(code, scope, true, pos - 4, pos);
                }
                break;
            case 'f':
                literal("false");
                if (shape != null) {
                    shape.onBoolean(code, scope, false, pos - 5, pos);
                }
                break;
            case 'n':
                literal("null");
                if (shape != null) {
                    shape.onNull(code, scope, pos - 4, pos);
                }
                break;
            default:
                int start = pos;
                number();
                if (shape != null) {
                    shape.onNumber(code, scope, b, start, pos);
                }
                break;
        }
    }

    private void object(int code, boolean appData, int depth, int scope) {
        if (depth > MAX_DEPTH) {
            throw new TooDeep();
        }
        int open = pos;
        int memberScope = shape == null ? RequestShape.NONE : RequestShape.memberScope(scope, code);
        if (shape != null) {
            shape.onObjectStart(code, scope, open);
        }
        pos++;
        skipWs();
        int members = 0;
        if (pos < limit && b[pos] == '}') {
            pos++;
            if (shape != null) {
                shape.onObjectEnd(code, scope, open, pos - 1, 0);
            }
            return;
        }
        while (true) {
            if (pos >= limit || b[pos] != '"') {
                throw INVALID;
            }
            int keyStart = pos + 1;
            int flags = scanString();
            int keyEnd = pos - 1;
            if (appData) {
                scrubName(keyStart - 1, keyStart, keyEnd, flags);
            }
            int keyCode = (flags & ESCAPED) == 0 ? FieldRules.lookup(b, keyStart, keyEnd) : escapedKeyCode(keyStart, keyEnd);
            skipWs();
            if (pos >= limit || b[pos] != ':') {
                throw INVALID;
            }
            pos++;
            skipWs();
            if (shape != null) {
                shape.onMember(keyCode, memberScope);
            }
            boolean childAppData = appData
                    || (keyCode & FieldRules.TREATMENT_MASK) == FieldRules.APP_DATA && pos < limit && b[pos] == '{';
            value(keyCode, childAppData, depth, memberScope);
            members++;
            skipWs();
            if (pos >= limit) {
                throw INVALID;
            }
            if (b[pos] == ',') {
                pos++;
                skipWs();
                continue;
            }
            if (b[pos] == '}') {
                pos++;
                if (shape != null) {
                    shape.onObjectEnd(code, scope, open, pos - 1, members);
                }
                return;
            }
            throw INVALID;
        }
    }

    private void array(int code, boolean appData, int depth, int scope) {
        if (depth > MAX_DEPTH) {
            throw new TooDeep();
        }
        pos++;
        skipWs();
        if (pos < limit && b[pos] == ']') {
            pos++;
            return;
        }
        // Elements keep the member name of the array: "stop": ["a"], "images": ["<base64>"].
        int elementScope = scope == RequestShape.ROOT_VALUE ? RequestShape.NONE : scope;
        while (true) {
            value(code, appData, depth, elementScope);
            skipWs();
            if (pos >= limit) {
                throw INVALID;
            }
            if (b[pos] == ',') {
                pos++;
                skipWs();
                continue;
            }
            if (b[pos] == ']') {
                pos++;
                return;
            }
            throw INVALID;
        }
    }

    private void string(int code, boolean appData, int scope) {
        int tokenStart = pos;
        int flags = scanString();
        int start = tokenStart + 1;
        int end = pos - 1;
        int treatment = appData ? FieldRules.FREE_TEXT : code & FieldRules.TREATMENT_MASK;
        if (treatment == FieldRules.STRUCTURAL) {
            if (shape != null && (code & FieldRules.PARAM_MASK) != 0) {
                shape.onString(code, scope, JsonText.decode(b, start, end, (flags & ESCAPED) != 0, (flags & NON_ASCII) == 0));
            }
            return;
        }
        if (isDataUrl(start, end) || treatment == FieldRules.MEDIA && looksLikeBase64(start, end)) {
            return;
        }
        String text = JsonText.decode(b, start, end, (flags & ESCAPED) != 0, (flags & NON_ASCII) == 0);
        String sent = scrub(text);
        if (sent != text && !sent.equals(text)) {
            addSplice(new Splice(tokenStart, pos, JsonText.encode(sent)));
        }
        if (shape != null && (code & FieldRules.PARAM_MASK) != 0) {
            shape.onString(code, scope, sent);
        }
    }

    /** In application data even member names are data (a map keyed by e-mail address, say). */
    private void scrubName(int tokenStart, int start, int end, int flags) {
        String name = JsonText.decode(b, start, end, (flags & ESCAPED) != 0, (flags & NON_ASCII) == 0);
        String sent = scrubber.scrub(name);
        if (sent != name && !sent.equals(name)) {
            addSplice(new Splice(tokenStart, end + 1, JsonText.encode(sent)));
        }
    }

    /** Scrubs one string; JSON inside it is walked so that its own strings are scrubbed and it stays valid. */
    private String scrub(String text) {
        if (nestedLevel < MAX_NESTED_JSON && looksLikeJson(text)) {
            byte[] inner = text.getBytes(StandardCharsets.UTF_8);
            PromptWalker nested = new PromptWalker(inner, 0, inner.length, scrubber, null, true, nestedLevel + 1);
            try {
                nested.walk();
                return nested.splices == null ? text : new String(RequestSplicer.apply(inner, nested.splices),
                        StandardCharsets.UTF_8);
            } catch (Invalid notJson) {
                // Free text that merely starts with a brace: scrub it as text.
            }
        }
        return scrubber.scrub(text);
    }

    private void addSplice(Splice s) {
        if (splices == null) {
            splices = new ArrayList<Splice>(4);
        }
        splices.add(s);
    }

    private int escapedKeyCode(int start, int end) {
        byte[] key = JsonText.decode(b, start, end, true, false).getBytes(StandardCharsets.UTF_8);
        return FieldRules.lookup(key, 0, key.length);
    }

    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    private static final int ESCAPED = 1;
    private static final int NON_ASCII = 2;

    /** Moves past a string token starting at the quote, validating it; returns ESCAPED / NON_ASCII flags. */
    private int scanString() {
        int p = pos + 1;
        int flags = 0;
        final byte[] buf = b;
        final int lim = limit;
        while (true) {
            // Fast path: the bytes that need no attention (printable ASCII other than quote and backslash).
            while (p < lim && PLAIN[buf[p] & 0xFF]) {
                p++;
            }
            if (p >= lim) {
                throw INVALID;
            }
            byte c = buf[p];
            if (c == '"') {
                pos = p + 1;
                return flags;
            }
            if (c == '\\') {
                flags |= ESCAPED;
                if (p + 1 >= lim) {
                    throw INVALID;
                }
                byte e = buf[p + 1];
                if (e == 'u') {
                    if (p + 5 >= lim || hex(buf[p + 2]) < 0 || hex(buf[p + 3]) < 0 || hex(buf[p + 4]) < 0
                            || hex(buf[p + 5]) < 0) {
                        throw INVALID;
                    }
                    p += 6;
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r'
                        || e == 't') {
                    p += 2;
                } else {
                    throw INVALID;
                }
            } else if (c < 0) {
                flags |= NON_ASCII;
                p = utf8Sequence(buf, p, lim);
            } else if (c < 0x20) {
                throw INVALID;
            } else {
                p++;
            }
        }
    }

    /** Validates one multi-byte UTF-8 sequence starting at {@code p} (RFC 3629); returns the index after it. */
    private static int utf8Sequence(byte[] buf, int p, int lim) {
        int lead = buf[p] & 0xFF;
        int n;
        int min = 0x80;
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 2;
            min = lead == 0xE0 ? 0xA0 : 0x80; // no overlong forms
            max = lead == 0xED ? 0x9F : 0xBF; // no surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 3;
            min = lead == 0xF0 ? 0x90 : 0x80;
            max = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw INVALID;
        }
        if (p + n >= lim) {
            throw INVALID;
        }
        int second = buf[p + 1] & 0xFF;
        if (second < min || second > max) {
            throw INVALID;
        }
        for (int i = 2; i <= n; i++) {
            int cont = buf[p + i] & 0xFF;
            if (cont < 0x80 || cont > 0xBF) {
                throw INVALID;
            }
        }
        return p + n + 1;
    }

    private void number() {
        int p = pos;
        if (p < limit && b[p] == '-') {
            p++;
        }
        if (p >= limit) {
            throw INVALID;
        }
        if (b[p] == '0') {
            p++;
        } else if (b[p] >= '1' && b[p] <= '9') {
            p = digits(p);
        } else {
            throw INVALID;
        }
        if (p < limit && b[p] == '.') {
            int q = digits(p + 1);
            if (q == p + 1) {
                throw INVALID;
            }
            p = q;
        }
        if (p < limit && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            if (p < limit && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            int q = digits(p);
            if (q == p) {
                throw INVALID;
            }
            p = q;
        }
        pos = p;
    }

    private int digits(int p) {
        while (p < limit && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        return p;
    }

    private void literal(String word) {
        int n = word.length();
        if (pos + n > limit) {
            throw INVALID;
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != word.charAt(i)) {
                throw INVALID;
            }
        }
        pos += n;
    }

    private void skipWs() {
        int p = pos;
        while (p < limit) {
            byte c = b[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            p++;
        }
        pos = p;
    }

    private boolean isDataUrl(int start, int end) {
        if (end - start < 16 || b[start] != 'd' || b[start + 1] != 'a' || b[start + 2] != 't' || b[start + 3] != 'a'
                || b[start + 4] != ':') {
            return false;
        }
        int stop = Math.min(end - 7, start + 200);
        for (int i = start + 5; i < stop; i++) {
            if (b[i] == ';' && b[i + 1] == 'b' && b[i + 2] == 'a' && b[i + 3] == 's' && b[i + 4] == 'e'
                    && b[i + 5] == '6' && b[i + 6] == '4' && b[i + 7] == ',') {
                return true;
            }
        }
        return false;
    }

    /** Base64 or base64url characters only (escaped newlines and slashes allowed), and long enough to be media. */
    private boolean looksLikeBase64(int start, int end) {
        if (end - start < MIN_MEDIA_CHARS) {
            return false;
        }
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '='
                    || c == '-' || c == '_') {
                continue;
            }
            if (c == '\\' && i + 1 < end && (b[i + 1] == 'n' || b[i + 1] == 'r' || b[i + 1] == '/')) {
                i++;
                continue;
            }
            return false;
        }
        return true;
    }

    private static boolean looksLikeJson(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && s.charAt(i) <= ' ') {
            i++;
        }
        int j = n - 1;
        while (j > i && s.charAt(j) <= ' ') {
            j--;
        }
        if (j <= i) {
            return false;
        }
        char first = s.charAt(i);
        char last = s.charAt(j);
        return first == '{' && last == '}' || first == '[' && last == ']';
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
            return 1;
        }
        return -1;
    }
}
