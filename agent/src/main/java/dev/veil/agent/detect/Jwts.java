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
        String header = decode(s, start, headerEnd);
        if (header == null || !header.startsWith("{") || !header.contains("\"alg\"")) {
            return null;
        }
        String payload = decode(s, payloadStart, payloadEnd);
        if (payload == null || !payload.trim().startsWith("{") || isJwtIoSample(payload)) {
            return null;
        }
        boolean unsigned = end == signatureStart;
        if (unsigned && !header.replace(" ", "").contains("\"alg\":\"none\"")) {
            return null;
        }
        return Finding.of(start, end, Detector.JWT);
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
