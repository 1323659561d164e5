package dev.veil.agent.llm.json;

/** Finds where a JSON value ends without decoding it; lenient about content, strict about nesting. */
public final class JsonSkip {
    private static final int MAX_DEPTH = 256;

    private JsonSkip() {
    }

    public static int skipWs(byte[] b, int p, int limit) {
        while (p < limit && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t')) {
            p++;
        }
        return p;
    }

    /** The index just after the value starting at {@code p}, or -1 when it does not end before {@code limit}. */
    public static int valueEnd(byte[] b, int p, int limit) {
        if (p >= limit) {
            return -1;
        }
        byte c = b[p];
        if (c == '"') {
            return stringEnd(b, p, limit);
        }
        if (c != '{' && c != '[') {
            while (p < limit && b[p] != ',' && b[p] != '}' && b[p] != ']' && b[p] != ' ' && b[p] != '\n'
                    && b[p] != '\r' && b[p] != '\t') {
                p++;
            }
            return p;
        }
        int depth = 0;
        while (p < limit) {
            c = b[p];
            if (c == '"') {
                p = stringEnd(b, p, limit);
                if (p < 0) {
                    return -1;
                }
                continue;
            }
            if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    return -1;
                }
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    return p + 1;
                }
            }
            p++;
        }
        return -1;
    }

    /** The index just after the string token starting with the quote at {@code p}, or -1. */
    public static int stringEnd(byte[] b, int p, int limit) {
        p++;
        while (p < limit) {
            byte c = b[p];
            if (c == '"') {
                return p + 1;
            }
            p += c == '\\' ? 2 : 1;
        }
        return -1;
    }

    /** Whether {@code b[start, end)} is exactly the member name {@code name} in quotes (no escapes). */
    public static boolean isName(byte[] b, int start, int end, String name) {
        if (end - start != name.length() + 2) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (b[start + 1 + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
