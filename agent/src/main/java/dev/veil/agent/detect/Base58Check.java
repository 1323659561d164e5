package dev.veil.agent.detect;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Base58Check decoding: the last 4 bytes are the first 4 of SHA-256(SHA-256(payload)). */
final class Base58Check {
    private Base58Check() {
    }

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /** A Bitcoin P2PKH (version 0x00) or P2SH (0x05) address. */
    static boolean validBitcoin(String s, int start, int end) {
        byte[] decoded = decode(s, start, end, 25);
        if (decoded == null || decoded[0] != 0 && decoded[0] != 5) {
            return false;
        }
        byte[] hash = sha256(sha256(decoded, 21));
        for (int i = 0; i < 4; i++) {
            if (hash[i] != decoded[21 + i]) {
                return false;
            }
        }
        return true;
    }

    /** Decodes into exactly {@code size} bytes (big-endian), or null. */
    static byte[] decode(String s, int start, int end, int size) {
        byte[] out = new byte[size];
        for (int i = start; i < end; i++) {
            int carry = ALPHABET.indexOf(s.charAt(i));
            if (carry < 0) {
                return null;
            }
            for (int j = size - 1; j >= 0; j--) {
                carry += 58 * (out[j] & 0xff);
                out[j] = (byte) carry;
                carry >>>= 8;
            }
            if (carry != 0) {
                return null;
            }
        }
        return out;
    }

    private static byte[] sha256(byte[] data) {
        return sha256(data, data.length);
    }

    private static byte[] sha256(byte[] data, int len) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, len);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
