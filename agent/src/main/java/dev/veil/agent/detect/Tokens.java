package dev.veil.agent.detect;

/**
 * Offers one word token ({@code [A-Za-z0-9_-]+}) to the scanners that can start with it. The checks
 * are ordered and gated by first character and length so that an ordinary word costs a handful of
 * comparisons.
 */
final class Tokens {
    private Tokens() {
    }

    /**
     * Per ASCII first character, the token length from which a shape-based scanner may claim the token:
     * MAC addresses (17, hex first), prefix-less keys (32), JWTs ({@code eyJ}, 7), bc1 addresses (14);
     * 0 for digits (short lone numbers are dismissed by {@link #isShortPlain} itself), PEM dashes and '_',
     * which otherwise take the full path. Key prefixes, "is"/"was",
     * Basic/Bearer and IBAN groups are checked separately in {@link #isShortPlain}.
     */
    private static final byte[] SHAPE_BELOW = new byte[128];

    /**
     * Per ASCII first character, the token length below which {@link #isShortPlain} is true whatever
     * the other characters (unless the char after the token continues a base64 run): the smallest of
     * {@link #SHAPE_BELOW}, the shortest prefixed key starting with it, and the lengths of the words
     * checked by content ("is", "was", Basic/Bearer, IBAN groups). One lookup dismisses most words.
     */
    private static final byte[] PLAIN_BELOW = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            int limit = 0;
            if (Chars.isLetter(c)) {
                limit = Chars.isHex(c) ? 17 : 32;
                if (c == 'e') {
                    limit = 7; // eyJ: tokens of up to 6 chars are never a JWT
                } else if (c == 'b') {
                    limit = 14; // bc1 addresses
                }
            }
            SHAPE_BELOW[c] = (byte) limit;
        }
        for (char c = 0; c < 128; c++) {
            int plain = Math.min(SHAPE_BELOW[c], PrefixedKeys.minTokenLength(c));
            if (c == 'i') {
                plain = Math.min(plain, 2); // "is"
            } else if (c == 'w') {
                plain = Math.min(plain, 3); // "was"
            } else if (c == 'b' || c == 'B') {
                plain = Math.min(plain, 5); // Basic, Bearer
            } else if (Chars.isUpper(c)) {
                plain = Math.min(plain, 4); // IBAN groups
            }
            PLAIN_BELOW[c] = (byte) plain;
        }
    }

    /**
     * True when the word token [start, end), whose first char is the ASCII {@code c0}, cannot start
     * anything {@link #at} finds: the engine's inline fast path for most of a prompt. Must stay in step
     * with {@link #at} ({@code TokensTest} checks the two agree on every token of a mixed corpus).
     */
    static boolean isShortPlain(String s, char c0, int start, int end) {
        int len = end - start;
        if (len < PLAIN_BELOW[c0]) {
            return end == s.length() || !continuesRun(s.charAt(end));
        }
        if (Chars.isDigit(c0)) {
            // 3, 42, 2024, 10px: a lone short number, which no number scanner takes, and too short for the
            // others (crypto addresses, MAC addresses, prefix-less keys); see shortToken for the rest
            return len <= 6 && Numbers.isShortLoneNumber(s, start) && (end == s.length() || !continuesRun(s.charAt(end)));
        }
        if (len >= SHAPE_BELOW[c0] || PrefixedKeys.mayStart(s, start, len)
                || end < s.length() && continuesRun(s.charAt(end))) {
            return false;
        }
        switch (c0) {
            case 'i':
                return len != 2 || s.charAt(start + 1) != 's'; // "is" after a credential word
            case 'w':
                return len != 3 || !s.startsWith("as", start + 1); // "was"
            case 'b':
            case 'B':
                return !isAuthScheme(s, start, len);
            default:
                // IBAN: two capitals then check digits (a group of 4 or the compact form)
                return len < 4 || !Chars.isUpper(c0) || !Chars.isUpper(s.charAt(start + 1));
        }
    }

    private static boolean isAuthScheme(String s, int start, int len) {
        return len == 5 && Chars.regionMatchesIgnoreCase(s, start, "basic") || len == 6 && Chars.regionMatchesIgnoreCase(s, start, "bearer");
    }

    /** A char after a word token that makes it part of a base64 run or an Azure AD secret. */
    private static boolean continuesRun(char c) {
        return c == '+' || c == '/' || c == '=' || c == '~';
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
     * The fast path for most of a prompt: a letter-led token that no scanner can start, given its first
     * characters, length and the character after it. Must stay in step with {@link #at}; the engine
     * calls it first, inline, and calls {@link #at} only for the rest.
     */
    static boolean isPlainWord(String s, int start, int end) {
        char c0 = s.charAt(start);
        int len = end - start;
        if (!Chars.isLetter(c0) || PrefixedKeys.mayStart(s, start, len) || len == 17 || len == 32 || len == 40) {
            return false; // digits, PEM dashes, key prefixes, MAC addresses, prefix-less keys
        }
        char c1 = s.charAt(start + 1 < end ? start + 1 : start);
        if ((c0 == 'b' || c0 == 'B') && (isAuthScheme(s, start, len) || c1 == 'c') || c0 == 'e' && c1 == 'y'
                || len == 2 && c0 == 'i' && c1 == 's' || len == 3 && c0 == 'w' && c1 == 'a' && s.charAt(start + 2) == 's') {
            return false; // Basic/Bearer, bc1 addresses, JWTs, "is"/"was" after a credential word
        }
        if (Chars.isUpper(c0) && len >= 4 && Chars.isUpper(c1) && Chars.isDigit(s.charAt(start + 2))) {
            return false; // IBAN
        }
        return end == s.length() || !continuesRun(s.charAt(end)); // base64 runs, Azure AD secrets
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
