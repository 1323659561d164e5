package dev.veil.agent.logs;

/**
 * A one-pass, allocation-free test that says whether a log line can hold a secret the detection engine
 * would find. It must never say "clean" for a line the engine would change (with secrets only and no
 * custom detectors, see {@link LogMasker}); it may say "suspicious" for harmless lines, which then cost
 * one engine scan.
 *
 * <p>Suspicious: a run of 16 or more token characters ({@code [A-Za-z0-9_~-]}; every prefixed and
 * prefix-less key and JWT segment is that long), a run of 16 or more base64 characters that mixes upper
 * case, lower case and digits (a base64 key or PEM line cut by {@code /} or {@code +}), or one of the words the engine's
 * context-based detectors start from — credential key names ({@code pass}, {@code pwd}, {@code secret},
 * {@code token}, {@code key}, {@code auth}, {@code credential}), auth schemes ({@code bearer},
 * {@code basic}), {@code -----BEGIN} — or {@code ://} followed later by {@code @} (URL credentials).
 */
public final class SecretPrefilter {
    private SecretPrefilter() {
    }

    static final int MIN_RUN = 16;

    private static final byte TOKEN = 1;
    /** First letters of the trigger words, either case. */
    private static final byte TRIGGER = 2;
    /** {@code + / =}: inside base64 values (AWS secret keys, Azure storage keys), also in paths. */
    private static final byte BASE64 = 4;
    private static final byte UPPER = 8;
    private static final byte LOWER = 16;
    private static final byte DIGIT = 32;
    private static final int MIXED = UPPER | LOWER | DIGIT;
    private static final byte[] CLASS = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            CLASS[c] = TOKEN | LOWER;
            CLASS[c - 32] = TOKEN | UPPER;
        }
        for (char c = '0'; c <= '9'; c++) {
            CLASS[c] = TOKEN | DIGIT;
        }
        for (char c : "_~-".toCharArray()) {
            CLASS[c] = TOKEN;
        }
        for (char c : "+/=".toCharArray()) {
            CLASS[c] = BASE64;
        }
        for (char c : "pstkacb".toCharArray()) {
            CLASS[c] |= TRIGGER;
            CLASS[c - 32] |= TRIGGER;
        }
        CLASS['-'] |= TRIGGER;
        CLASS[':'] |= TRIGGER;
    }

    /** False only when the text certainly holds no secret the engine would find. */
    public static boolean mayHoldSecret(CharSequence s) {
        int n = s.length();
        int run = 0;
        int base64Run = 0;
        int base64Classes = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            int cls = c < 128 ? CLASS[c] : 0;
            if ((cls & TOKEN) != 0) {
                if (++run >= MIN_RUN) {
                    return true;
                }
            } else {
                run = 0;
            }
            if ((cls & (TOKEN | BASE64)) != 0) {
                base64Classes |= cls;
                // a run with slashes or pluses counts only when it mixes upper, lower and digits, as random
                // base64 does and paths rarely do
                if (++base64Run >= MIN_RUN && (base64Classes & MIXED) == MIXED) {
                    return true;
                }
            } else {
                base64Run = 0;
                base64Classes = 0;
            }
            if ((cls & TRIGGER) != 0 && trigger(s, i, c, n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean trigger(CharSequence s, int i, char c, int n) {
        if (i + 1 >= n) {
            return false;
        }
        char c1 = lower(s.charAt(i + 1));
        switch (lower(c)) {
            case 'p':
                return c1 == 'a' && at(s, i, "pass") || c1 == 'w' && at(s, i, "pwd");
            case 's':
                return c1 == 'e' && at(s, i, "secret");
            case 't':
                return c1 == 'o' && at(s, i, "token");
            case 'k':
                return c1 == 'e' && at(s, i, "key");
            case 'a':
                return c1 == 'u' && at(s, i, "auth");
            case 'c':
                return c1 == 'r' && at(s, i, "credential");
            case 'b':
                return c1 == 'e' && at(s, i, "bearer") || c1 == 'a' && at(s, i, "basic");
            case '-':
                return c1 == '-' && at(s, i, "-----begin");
            case ':':
                return c1 == '/' && at(s, i, "://") && indexOf(s, '@', i + 3) >= 0;
            default:
                return false;
        }
    }

    private static boolean at(CharSequence s, int i, String word) {
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
