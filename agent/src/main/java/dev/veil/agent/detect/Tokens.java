package dev.veil.agent.detect;

/**
 * Offers one word token ({@code [A-Za-z0-9_-]+}) to the scanners that can start with it. The checks
 * are ordered and gated by first character and length so that an ordinary word costs a handful of
 * comparisons.
 */
final class Tokens {
    private Tokens() {
    }

    /** The finding that starts at (or is introduced by) the token [start, end), or null. */
    static Finding at(String s, int start, int end) {
        char c0 = s.charAt(start);
        int len = end - start;
        Finding f;
        if (Chars.isDigit(c0)) {
            f = Numbers.at(s, start);
            if (f != null) {
                return f;
            }
        } else if (c0 == '-') {
            return len >= 5 ? PrivateKeys.at(s, start) : null;
        }
        f = PrefixedKeys.at(s, start, end);
        if (f != null) {
            return f;
        }
        if (len <= 6) {
            return shortToken(s, start, end, c0, len);
        }
        if (c0 == 'e' && s.startsWith("eyJ", start)) {
            f = Jwts.at(s, start, end);
        } else if (Chars.isUpper(c0)) {
            f = Ibans.at(s, start, end);
        } else if (c0 == '1' || c0 == '3' || c0 == 'b' || c0 == '0') {
            f = CryptoWallets.at(s, start, end);
        }
        if (f == null && len == 17) {
            int mac = HardwareAndIpv6.mac(s, start, '-');
            f = mac > 0 ? Finding.of(start, mac, Detector.MAC_ADDRESS) : null;
        }
        return f != null ? f : ContextKeys.at(s, start, end);
    }

    /**
     * Tokens of up to 6 chars: an auth scheme word, "is"/"was" after a credential word, the first group
     * of a spaced IBAN, an Azure AD secret head.
     */
    private static Finding shortToken(String s, int start, int end, char c0, int len) {
        if (len == 2 && c0 == 'i' && s.charAt(start + 1) == 's' || len == 3 && c0 == 'w' && s.startsWith("was", start)) {
            return Assignments.afterVerb(s, start, end);
        }
        if (c0 == 'B' || c0 == 'b') {
            Finding f = AuthHeaders.at(s, start, end);
            if (f != null) {
                return f;
            }
        }
        if (len == 4 && Chars.isUpper(c0)) {
            return Ibans.at(s, start, end);
        }
        if (len == 5 && end < s.length() && s.charAt(end) == '~') {
            return AzureAdSecrets.at(s, start, end);
        }
        return end < s.length() && (s.charAt(end) == '+' || s.charAt(end) == '/') ? ContextKeys.at(s, start, end) : null;
    }
}
