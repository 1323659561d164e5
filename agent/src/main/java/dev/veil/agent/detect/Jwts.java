package dev.veil.agent.detect;

import java.nio.charset.StandardCharsets;

/**
 * JSON Web Tokens: three base64url segments whose header decodes to a JSON object with an {@code alg}
 * member and whose payload decodes to a JSON object. The sample token shown on jwt.io (subject
 * 1234567890, name John Doe) is documentation, not a credential.
 */
final class Jwts {
    private Jwts() {
    }

    private static final int MAX_SEGMENT = 8192;

    /** The token starting at {@code start} (its header segment is the word token ending at {@code headerEnd}). */
    static Finding at(String s, int start, int headerEnd) {
        int n = s.length();
        if (headerEnd - start > MAX_SEGMENT || headerEnd >= n || s.charAt(headerEnd) != '.') {
            return null;
        }
        int payloadStart = headerEnd + 1;
        int payloadEnd = Alphabet.WORD.runEnd(s, payloadStart, MAX_SEGMENT + 1);
        if (payloadEnd - payloadStart < 4 || payloadEnd >= n || s.charAt(payloadEnd) != '.') {
            return null;
        }
        int signatureStart = payloadEnd + 1;
        int end = Alphabet.WORD.runEnd(s, signatureStart, MAX_SEGMENT + 1);
        if (end < n && (s.charAt(end) == '.' || Chars.isWord(s.charAt(end)))) {
            return null;
        }
        // checked on the fly, without decoding into a buffer: JWT-looking text that is not one allocates nothing
        if (!decodesToObject(s, start, headerEnd, false, true) || !decodesToObject(s, payloadStart, payloadEnd, true, false)) {
            return null;
        }
        String payload = decode(s, payloadStart, payloadEnd);
        if (payload == null || isJwtIoSample(payload)) {
            return null;
        }
        boolean unsigned = end == signatureStart;
        if (unsigned) {
            String header = decode(s, start, headerEnd);
            if (header == null || !header.replace(" ", "").contains("\"alg\":\"none\"")) {
                return null;
            }
        }
        return Finding.of(start, end, Detector.JWT);
    }

    private static final String ALG = "\"alg\"";

    /**
     * Whether base64url [from, to) decodes to text starting with {@code {} (after ASCII whitespace when
     * {@code trimmed}) and, when {@code needsAlg}, containing {@code "alg"}. Decodes one byte at a time.
     */
    private static boolean decodesToObject(String s, int from, int to, boolean trimmed, boolean needsAlg) {
        int bits = 0;
        int acc = 0;
        boolean started = false;
        int matched = 0; // chars of "alg" (with quotes) matched so far; '"' occurs only at its ends
        for (int i = from; i < to; i++) {
            int v = Base64Values.sextet(s.charAt(i));
            if (v < 0) {
                return false;
            }
            acc = acc << 6 | v;
            bits += 6;
            if (bits < 8) {
                continue;
            }
            bits -= 8;
            int b = (acc >> bits) & 0xff;
            acc &= (1 << bits) - 1;
            if (!started) {
                if (trimmed && b <= ' ') {
                    continue;
                }
                if (b != '{') {
                    return false;
                }
                started = true;
                if (!needsAlg) {
                    return true;
                }
                continue;
            }
            if (b == ALG.charAt(matched)) {
                if (++matched == ALG.length()) {
                    return true;
                }
            } else {
                matched = b == '"' ? 1 : 0;
            }
        }
        return false;
    }

    private static String decode(String s, int from, int to) {
        byte[] out = new byte[(to - from) * 3 / 4 + 1];
        int len = Base64Values.decode(s, from, to, out);
        return len < 0 ? null : new String(out, 0, len, StandardCharsets.UTF_8);
    }

    private static boolean isJwtIoSample(String payload) {
        String p = payload.replace(" ", "");
        return p.contains("\"sub\":\"1234567890\"") && p.contains("\"name\":\"JohnDoe\"");
    }
}
