package dev.veil.agent.detect;

import java.nio.charset.StandardCharsets;

/**
 * EIP-55 mixed-case checksum for Ethereum addresses: hex letter i is upper case exactly when nibble i
 * of Keccak-256(lower-case hex address) is 8 or more.
 */
final class Eip55 {
    private Eip55() {
    }

    /** [start, end) is the 40 hex chars after {@code 0x}. */
    static boolean valid(String s, int start, int end) {
        String lower = s.substring(start, end).toLowerCase(java.util.Locale.ROOT);
        byte[] hash = Keccak256.digest(lower.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 40; i++) {
            char c = s.charAt(start + i);
            if (!Chars.isLetter(c)) {
                continue;
            }
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            if (nibble >= 8 != Chars.isUpper(c)) {
                return false;
            }
        }
        return true;
    }
}
