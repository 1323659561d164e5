package dev.veil.agent.detect;

/**
 * PEM private-key blocks ({@code -----BEGIN ... PRIVATE KEY-----}, including OpenSSH, encrypted and PGP
 * blocks). The whole block is one finding; a block cut off before its END line is redacted up to where
 * its base64 body stops, so a truncated paste still does not leak. Public keys and certificates are
 * not secrets.
 */
final class PrivateKeys {
    private PrivateKeys() {
    }

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final int MAX_LABEL = 64;
    private static final int MAX_BODY = 64 * 1024;
    private static final int MIN_BODY_CHARS = 32;

    /** The block starting at {@code start}, or null. */
    static Finding at(String s, int start) {
        if (!s.startsWith(BEGIN, start)) {
            return null;
        }
        int labelStart = start + BEGIN.length();
        int labelEnd = Chars.indexOf(s, "-----", labelStart, Math.min(s.length(), labelStart + MAX_LABEL));
        if (labelEnd < 0 || Chars.indexOf(s, "PRIVATE KEY", labelStart, labelEnd) < 0) {
            return null;
        }
        int bodyStart = labelEnd + 5;
        int limit = Math.min(s.length(), bodyStart + MAX_BODY);
        int base64 = 0;
        int bodyEnd = bodyStart;
        int i = bodyStart;
        while (i < limit) {
            int br = lineBreak(s, i);
            if (br > 0) {
                i += br;
                continue;
            }
            if (s.startsWith("-----", i)) {
                break;
            }
            int lineEnd = lineEnd(s, i, limit);
            int chars = base64Line(s, i, lineEnd);
            if (chars < 0) {
                break; // prose after a cut-off key: the key ended with the previous line
            }
            base64 += chars;
            bodyEnd = lineEnd;
            i = lineEnd;
        }
        if (base64 < MIN_BODY_CHARS) {
            return null; // "-----BEGIN PRIVATE KEY-----\n...\n-----END": a mention, not a key
        }
        if (s.startsWith(END, i)) {
            int close = Chars.indexOf(s, "-----", i + END.length(), Math.min(s.length(), i + END.length() + MAX_LABEL));
            if (close > 0) {
                return Finding.of(start, close + 5, Detector.PRIVATE_KEY);
            }
        }
        while (bodyEnd > bodyStart && !Chars.isBase64(s.charAt(bodyEnd - 1))) {
            bodyEnd--;
        }
        return Finding.of(start, bodyEnd, Detector.PRIVATE_KEY);
    }

    /** Length of the line break at {@code i}: a real one or {@code \n} escaped in JSON or a log; 0 if none. */
    private static int lineBreak(String s, int i) {
        char c = s.charAt(i);
        if (c == '\n' || c == '\r') {
            return 1;
        }
        return c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 'n' || s.charAt(i + 1) == 'r') ? 2 : 0;
    }

    private static final String[] HEADERS = {"Proc-Type:", "DEK-Info:", "Comment:", "Version:", "Hash:", "Charset:"};

    private static boolean isHeader(String s, int from, int to) {
        int i = from;
        while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '"')) {
            i++;
        }
        for (String h : HEADERS) {
            if (s.startsWith(h, i)) {
                return true;
            }
        }
        return false;
    }

    private static int lineEnd(String s, int from, int limit) {
        int i = from;
        while (i < limit && lineBreak(s, i) == 0 && !s.startsWith("-----", i)) {
            i++;
        }
        return i;
    }

    /**
     * The number of base64 characters on a body line, or -1 when the line is not part of a key: a key
     * line is base64 with optional indentation and quotes, or an encrypted-PEM header
     * ({@code Proc-Type: 4,ENCRYPTED}); a space between two runs of data means prose.
     */
    private static int base64Line(String s, int from, int to) {
        boolean header = isHeader(s, from, to);
        int count = 0;
        boolean gapAfterData = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Chars.isBase64(c)) {
                if (gapAfterData && !header) {
                    return -1;
                }
                count++;
            } else if (c == ' ' || c == '\t' || c == '"' || c == ',') {
                gapAfterData |= count > 0;
            } else if (!header || c != ':' && c != '-') {
                return -1;
            }
        }
        return header ? 0 : count;
    }
}
