package dev.veil.agent.logs;

/**
 * A one-pass, allocation-free test that says whether a log line can hold a secret the detection engine
 * would find. It must never say "clean" for a line the engine would change (with secrets only and no
 * custom detectors, see {@link LogMasker}); it may say "suspicious" for harmless lines, which then cost
 * one engine scan. {@code SecretPrefilterTest} checks the superset property against the engine's samples.
 *
 * <p>The text is read as word tokens ({@code [A-Za-z0-9_~-]+}). Suspicious:
 * <ul>
 *   <li>a token of 16 or more characters (every prefixed and prefix-less key and JWT segment is that long),
 *       or a run of 16 or more base64 characters ({@code + / =} between tokens) mixing upper case, lower
 *       case and digits (a base64 key cut by {@code /} or {@code +}; paths rarely mix all three);</li>
 *   <li>a token followed (after optional dots, a quote and spaces) by {@code :} or {@code =} whose name contains a
 *       credential word ({@code key}, {@code token}, {@code secret}, {@code pass}, {@code pwd},
 *       {@code auth}, {@code credential}): the engine's assignment and header detectors;</li>
 *   <li>the words {@code bearer} and {@code basic}, a PEM {@code -----BEGIN}, and {@code ://} followed
 *       later by {@code @} (URL credentials).</li>
 * </ul>
 * The hot path is one table lookup per character; word-level checks run once per token.
 */
public final class SecretPrefilter {
    private SecretPrefilter() {
    }

    static final int MIN_RUN = 16;

    private static final byte WORD = 1;
    /** {@code + / =}: joins tokens into a base64 run. */
    private static final byte BASE64 = 2;
    private static final byte UPPER = 4;
    private static final byte LOWER = 8;
    private static final byte DIGIT = 16;
    private static final int MIXED = UPPER | LOWER | DIGIT;
    private static final byte[] CLASS = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            CLASS[c] = WORD | LOWER;
            CLASS[c - 32] = WORD | UPPER;
        }
        for (char c = '0'; c <= '9'; c++) {
            CLASS[c] = WORD | DIGIT;
        }
        CLASS['_'] = WORD;
        CLASS['~'] = WORD;
        CLASS['-'] = WORD;
        CLASS['+'] = BASE64;
        CLASS['/'] = BASE64;
        CLASS['='] = BASE64;
    }

    /** False only when the text certainly holds no secret the engine would find. */
    public static boolean mayHoldSecret(CharSequence s) {
        int n = s.length();
        int base64Run = 0;
        int base64Classes = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int cls = c < 128 ? CLASS[c] : 0;
            if ((cls & WORD) != 0) {
                int start = i;
                int classes = 0;
                do {
                    classes |= cls;
                    if (++i == n) {
                        break;
                    }
                    c = s.charAt(i);
                    cls = c < 128 ? CLASS[c] : 0;
                } while ((cls & WORD) != 0);
                int len = i - start;
                if (len >= MIN_RUN || len >= 3 && worthChecking(s, start, i) && suspiciousToken(s, start, i, len)) {
                    return true;
                }
                base64Run += len;
                base64Classes |= classes;
                continue;
            }
            if ((cls & BASE64) != 0) {
                if (++base64Run >= MIN_RUN && (base64Classes & MIXED) == MIXED) {
                    return true;
                }
            } else {
                base64Run = 0;
                base64Classes = 0;
                if (c == ':' && i + 2 < n && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/' && indexOf(s, '@', i + 3) >= 0) {
                    return true;
                }
            }
            i++;
        }
        return base64Run >= MIN_RUN && (base64Classes & MIXED) == MIXED;
    }

    /**
     * Whether {@link #suspiciousToken} can say yes for the token [start, end): it starts with {@code b} or
     * {@code -} (bearer, basic, PEM), or what follows it can begin an assignment ({@link #assigned}: a
     * quote, {@code :}, {@code =}, or a space before another space, {@code :}, {@code =}, {@code is} or
     * {@code was}). Most prose tokens fail here in two comparisons.
     */
    private static boolean worthChecking(CharSequence s, int start, int end) {
        char c0 = s.charAt(start);
        if (c0 == 'b' || c0 == 'B' || c0 == '-') {
            return true;
        }
        int n = s.length();
        if (end >= n) {
            return false;
        }
        char c = s.charAt(end);
        if (c != ' ') {
            return c == ':' || c == '=' || c == '.' || quote(c);
        }
        if (end + 1 >= n) {
            return false;
        }
        c = s.charAt(end + 1);
        return c == ' ' || c == ':' || c == '=' || c == 'i' || c == 'I' || c == 'w' || c == 'W';
    }

    /** Word-level checks for the token [start, end) of length {@code len} (below {@link #MIN_RUN}). */
    private static boolean suspiciousToken(CharSequence s, int start, int end, int len) {
        char c0 = s.charAt(start);
        if ((len == 6 || len == 5) && (c0 == 'b' || c0 == 'B')) {
            return at(s, start, "bearer") || at(s, start, "basic");
        }
        if (c0 == '-' && len >= 5) {
            return at(s, start, "-----");
        }
        return len >= 3 && assigned(s, end) && containsCredentialWord(s, start, end);
    }

    /**
     * Whether {@code :} or {@code =} follows position {@code end} (after optional dots, an optional quote and up to three
     * spaces), or the verb {@code is}/{@code was} does ({@code my password is …}): the forms the engine's
     * assignment detector accepts.
     */
    private static boolean assigned(CharSequence s, int end) {
        int n = s.length();
        int i = end;
        while (i < n && s.charAt(i) == '.') {
            i++; // the engine reads dots as part of the key name and ignores them (token.: x)
        }
        if (i < n && quote(s.charAt(i))) {
            i++;
        }
        for (int spaces = 0; i < n && s.charAt(i) == ' ' && spaces < 3; spaces++) {
            i++;
        }
        if (i < n && (s.charAt(i) == ':' || s.charAt(i) == '=')) {
            return true;
        }
        if (i > end && verb(s, i, "is")) {
            return passwordShaped(s, i + 3);
        }
        return i > end && verb(s, i, "was") && passwordShaped(s, i + 4);
    }

    /** The quotes the engine accepts around a key name. */
    private static boolean quote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    /** {@code word} at {@code i}, followed by a space. */
    private static boolean verb(CharSequence s, int i, String word) {
        int after = i + word.length();
        return after < s.length() && s.charAt(after) == ' ' && at(s, i, word);
    }

    /**
     * What the engine could take for a password after {@code is}: a quoted value, or a word of six or more
     * characters that is not only letters ("the token is valid" stays clean).
     */
    private static boolean passwordShaped(CharSequence s, int from) {
        int n = s.length();
        if (from < n && (s.charAt(from) == '"' || s.charAt(from) == '\'')) {
            return true;
        }
        int i = from;
        boolean nonLetter = false;
        while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '\n' && s.charAt(i) != '\t') {
            char c = s.charAt(i);
            nonLetter |= !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z');
            i++;
        }
        return i - from >= 6 && nonLetter;
    }

    /** Whether the text holds a credential word ({@code key}, {@code pass}, ...) anywhere, in any case. */
    static boolean hasCredentialWord(CharSequence s) {
        return containsCredentialWord(s, 0, s.length());
    }

    /** Whether the prefilter joins {@code c} with its neighbours: a word character or {@code + / =}. */
    static boolean joins(char c) {
        return c < 128 && CLASS[c] != 0;
    }

    private static boolean containsCredentialWord(CharSequence s, int start, int end) {
        for (int i = start; i + 3 <= end; i++) {
            if (credentialWordAt(s, i, end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A credential word starts at {@code i} and ends by {@code end}. One switch on the case-folded first
     * character ({@code c | 0x20} maps only the two cases of a letter onto the same lower-case letter).
     */
    static boolean credentialWordAt(CharSequence s, int i, int end) {
        switch (s.charAt(i) | 0x20) {
            case 'k':
                return at(s, i, end, "key");
            case 't':
                return at(s, i, end, "token");
            case 's':
                return at(s, i, end, "secret");
            case 'p':
                return at(s, i, end, "pass") || at(s, i, end, "pwd");
            case 'a':
                return at(s, i, end, "auth");
            case 'c':
                return at(s, i, end, "credential");
            default:
                return false;
        }
    }

    /** {@code word} (lower case) at {@code i}, in any case, ending by {@code end}. */
    static boolean at(CharSequence s, int i, int end, String word) {
        return i + word.length() <= end && at(s, i, word);
    }

    static boolean at(CharSequence s, int i, String word) {
        int len = word.length();
        if (i + len > s.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (lower(s.charAt(i + k)) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
