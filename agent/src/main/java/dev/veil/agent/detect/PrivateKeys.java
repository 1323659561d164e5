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
        int i = bodyStart;
        int base64 = 0;
        int limit = Math.min(s.length(), bodyStart + MAX_BODY);
        while (i < limit && (isBodyChar(s.charAt(i)) || s.charAt(i) == '-' && !s.startsWith("-----", i))) {
            base64 += Chars.isBase64(s.charAt(i)) ? 1 : 0;
            i++;
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
        while (i > bodyStart && !Chars.isBase64(s.charAt(i - 1))) {
            i--;
        }
        return Finding.of(start, i, Detector.PRIVATE_KEY);
    }

    /** Base64, line breaks (real or escaped as {@code \n} in JSON or logs) and encrypted-PEM headers ({@code Proc-Type: 4,ENCRYPTED}). */
    private static boolean isBodyChar(char c) {
        return Chars.isBase64(c) || c == '\n' || c == '\r' || c == ' ' || c == '\t' || c == '\\' || c == ':' || c == ','
                || c == '"';
    }
}
