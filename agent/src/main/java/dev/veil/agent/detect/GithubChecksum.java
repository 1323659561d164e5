package dev.veil.agent.detect;

import java.util.zip.CRC32;

/**
 * GitHub's (and npm's) token checksum: a 36-char body is 30 random base62 chars followed by the
 * CRC32 of those 30 chars written in 6 base62 digits ({@code 0-9A-Za-z}). A hand-typed or truncated
 * token fails it, a real one always passes.
 */
final class GithubChecksum {
    private GithubChecksum() {
    }

    static final int RANDOM_LENGTH = 30;
    static final int CHECKSUM_LENGTH = 6;

    static boolean valid(String s, int from, int to) {
        if (to - from != RANDOM_LENGTH + CHECKSUM_LENGTH) {
            return false;
        }
        long declared = 0;
        for (int i = to - CHECKSUM_LENGTH; i < to; i++) {
            int digit = base62Digit(s.charAt(i));
            if (digit < 0) {
                return false;
            }
            declared = declared * 62 + digit;
        }
        return declared == crc32(s, from, to - CHECKSUM_LENGTH);
    }

    static long crc32(String s, int from, int to) {
        CRC32 crc = new CRC32();
        for (int i = from; i < to; i++) {
            crc.update(s.charAt(i) & 0xff);
        }
        return crc.getValue();
    }

    /** The 6-char base62 encoding of {@code value}, zero-padded; tests build valid tokens with it. */
    static String encode(long value) {
        char[] out = new char[CHECKSUM_LENGTH];
        long v = value;
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(out);
    }

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static int base62Digit(char c) {
        if (Chars.isDigit(c)) {
            return c - '0';
        }
        if (Chars.isUpper(c)) {
            return c - 'A' + 10;
        }
        if (Chars.isLower(c)) {
            return c - 'a' + 36;
        }
        return -1;
    }
}
