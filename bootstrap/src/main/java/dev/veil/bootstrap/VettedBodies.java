package dev.veil.bootstrap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;

/**
 * Request bodies that glue above an HTTP client (azure-core) has inspected and is about to hand to the
 * client: each entry is the SHA-256 of (method, host, the exact bytes to send) and stands for ONE send.
 * Glue below takes an entry when it sees a request with the same key, and leaves that request alone.
 *
 * <p>Why it is safe: an entry exists only for bytes Veil itself inspected and let through (the original
 * bytes on a pass, Veil's own output on a rewrite); a request can be skipped only if its body is
 * byte-for-byte those bytes (SHA-256 collision resistance), so no body Veil has not vetted is ever skipped.
 * A header (such as an API key, the same on every call) is never part of the decision. At worst a mismatch
 * (a later layer changed the body, or an unrelated client sent identical bytes to the same host) costs a
 * second inspection or one span, never a leak. Bounded: at most {@value #MAX} entries, each dropped after
 * {@value #TTL_SECONDS} s.
 */
final class VettedBodies {

    static final int MAX = 256;
    static final long TTL_SECONDS = 120;
    private static final long TTL_NANOS = TTL_SECONDS * 1_000_000_000L;

    /** Entries, oldest first. Guarded by itself. */
    private static final ArrayDeque<Entry> ENTRIES = new ArrayDeque<Entry>();
    /** How many entries there are; read without the lock so glue below pays nothing while it is zero. */
    private static volatile int pending;

    private VettedBodies() {
    }

    static boolean isEmpty() {
        return pending == 0;
    }

    /** The key of a body; null when SHA-256 is unavailable (then nothing is ever skipped). */
    static String key(String method, String host, byte[] body, int offset, int length) {
        if (body == null || offset < 0 || length < 0 || offset + length > body.length) {
            return null;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(normalizeMethod(method).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(normalizeHost(host).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(body, offset, length);
            byte[] hash = digest.digest();
            char[] hex = new char[hash.length * 2];
            for (int i = 0; i < hash.length; i++) {
                hex[2 * i] = HEX[(hash[i] >> 4) & 0xf];
                hex[2 * i + 1] = HEX[hash[i] & 0xf];
            }
            return new String(hex);
        } catch (Throwable t) {
            return null;
        }
    }

    /** Records one send of the body with this key. */
    static void add(String key) {
        if (key == null) {
            return;
        }
        long now = System.nanoTime();
        synchronized (ENTRIES) {
            expire(now);
            if (ENTRIES.size() >= MAX) {
                ENTRIES.pollFirst();
            }
            ENTRIES.addLast(new Entry(key, now + TTL_NANOS));
            pending = ENTRIES.size();
        }
    }

    /** Takes one entry with this key; true when there was one. */
    static boolean take(String key) {
        if (key == null || pending == 0) {
            return false;
        }
        synchronized (ENTRIES) {
            expire(System.nanoTime());
            for (Iterator<Entry> it = ENTRIES.iterator(); it.hasNext(); ) {
                if (it.next().key.equals(key)) {
                    it.remove();
                    pending = ENTRIES.size();
                    return true;
                }
            }
            pending = ENTRIES.size();
            return false;
        }
    }

    /** For tests: forgets every entry. */
    static void clear() {
        synchronized (ENTRIES) {
            ENTRIES.clear();
            pending = 0;
        }
    }

    private static void expire(long now) {
        Entry first;
        while ((first = ENTRIES.peekFirst()) != null && first.expiresAt - now < 0) {
            ENTRIES.pollFirst();
        }
    }

    private static String normalizeMethod(String method) {
        return method == null ? "" : method.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * A host name or a {@code Host} header value, compared without case, brackets or port: {@code [::1]:8080}
     * and {@code ::1} are the same host, so are {@code Example.com:443} and {@code example.com}.
     */
    static String normalizeHost(String host) {
        if (host == null) {
            return "";
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(1, end) : h.substring(1);
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && colon == h.lastIndexOf(':')) {
            return h.substring(0, colon);
        }
        return h;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static final class Entry {
        final String key;
        final long expiresAt;

        Entry(String key, long expiresAt) {
            this.key = key;
            this.expiresAt = expiresAt;
        }
    }
}
