package dev.veil.agent.detect;

/** Shape checks and allocation-free decoding for base64 values. */
final class Base64Values {
    private Base64Values() {
    }

    /** Standard base64, length a multiple of 4, {@code =} only as trailing padding. */
    static boolean isPaddedBase64(String s, int start, int end) {
        if ((end - start) % 4 != 0 || end == start) {
            return false;
        }
        int pad = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '=') {
                pad++;
            } else if (pad > 0 || !Chars.isBase64(c)) {
                return false;
            }
        }
        return pad <= 2;
    }

    /** The 6-bit value of a base64 or base64url character, or -1. */
    static int sextet(char c) {
        if (Chars.isUpper(c)) {
            return c - 'A';
        }
        if (Chars.isLower(c)) {
            return c - 'a' + 26;
        }
        if (Chars.isDigit(c)) {
            return c - '0' + 52;
        }
        if (c == '+' || c == '-') {
            return 62;
        }
        if (c == '/' || c == '_') {
            return 63;
        }
        return -1;
    }

    /**
     * Decodes [start, end) (standard or url alphabet, padding optional) into {@code out}; returns the
     * number of bytes, or -1 when a character is invalid or {@code out} is too small.
     */
    static int decode(String s, int start, int end, byte[] out) {
        int bits = 0;
        int acc = 0;
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '=') {
                break;
            }
            int v = sextet(c);
            if (v < 0) {
                return -1;
            }
            acc = acc << 6 | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                if (n == out.length) {
                    return -1;
                }
                out[n++] = (byte) (acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        return n;
    }
}
