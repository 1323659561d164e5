package dev.veil.agent.detect;

/**
 * The credential after {@code Bearer} or {@code Basic} in an Authorization header (or anywhere the
 * scheme word is followed by a credential). Bearer values must look random; Basic values must decode
 * to {@code user:password}. The word "basic" in prose is followed by words, which fail both.
 */
final class AuthHeaders {
    private AuthHeaders() {
    }

    private static final int MAX_VALUE = 4096;

    /** The credential introduced by the scheme word at [start, end), or null. */
    static Finding at(String s, int start, int end) {
        boolean bearer = end - start == 6 && Chars.regionMatchesIgnoreCase(s, start, "bearer");
        boolean basic = !bearer && end - start == 5 && Chars.regionMatchesIgnoreCase(s, start, "basic");
        if (!bearer && !basic || end >= s.length() || s.charAt(end) != ' ') {
            return null;
        }
        int from = end + 1;
        int to = from;
        int limit = Math.min(s.length(), from + MAX_VALUE + 1);
        while (to < limit && isTokenChar(s.charAt(to))) {
            to++;
        }
        if (to - from > MAX_VALUE || to < s.length() && Chars.isWord(s.charAt(to))) {
            return null;
        }
        if (bearer) {
            return SecretValues.plausibleToken(s, from, to) ? Finding.of(from, to, Detector.AUTHORIZATION_BEARER) : null;
        }
        return decodesToUserPassword(s, from, to) ? Finding.of(from, to, Detector.AUTHORIZATION_BASIC) : null;
    }

    /** RFC 6750 token68 characters. */
    private static boolean isTokenChar(char c) {
        return Chars.isWord(c) || c == '.' || c == '~' || c == '+' || c == '/' || c == '=';
    }

    private static boolean decodesToUserPassword(String s, int from, int to) {
        if (to - from < 8 || !Base64Values.isPaddedBase64(s, from, to)) {
            return false;
        }
        byte[] decoded = new byte[(to - from) * 3 / 4];
        int n = Base64Values.decode(s, from, to, decoded);
        int colon = -1;
        for (int i = 0; i < n; i++) {
            int b = decoded[i] & 0xff;
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
            if (b == ':' && colon < 0) {
                colon = i;
            }
        }
        return colon > 0 && colon < n - 1;
    }
}
