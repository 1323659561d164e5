package dev.veil.agent.redact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 under a key drawn once per process: equal values hash equally within one JVM run (so
 * a model can still tell them apart), but the hash cannot be brute-forced offline from a guess list
 * without the key, and never matches across restarts.
 */
final class Hmac {
    private Hmac() {
    }

    /** Created on first use only; immutable afterwards. */
    private static final class Key {
        static final SecretKeySpec KEY;

        static {
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            KEY = new SecretKeySpec(k, "HmacSHA256");
        }
    }

    static Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(Key.KEY);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The first {@code hexChars} hex digits of HMAC(value). */
    static String hex(Mac mac, String value, int hexChars) {
        byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder(hexChars);
        for (int i = 0; sb.length() < hexChars; i++) {
            sb.append(Character.forDigit((digest[i] >> 4) & 0xf, 16));
            if (sb.length() < hexChars) {
                sb.append(Character.forDigit(digest[i] & 0xf, 16));
            }
        }
        return sb.toString();
    }
}
