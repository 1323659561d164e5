package dev.veil.agent.logs;

/**
 * A one-pass, allocation-free test that says whether a log line can hold a secret the detection engine
 * would find. It must never say "clean" for a line the engine would change (with secrets only and no
 * custom detectors, see {@link LogMasker}); it may say "suspicious" for harmless lines, which then cost
 * one engine scan.
 *
 * <p>Suspicious: a run of 16 or more token characters ({@code [A-Za-z0-9_+/=~-]}; every prefixed and
 * prefix-less key, JWT segment and PEM line is that long), or one of the words the engine's
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
    private static final byte[] CLASS = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            CLASS[c] = TOKEN;
            CLASS[c - 32] = TOKEN;
        }
        for (char c = '0'; c <= '9'; c++) {
            CLASS[c] = TOKEN;
        }
        for (char c : "_+/=~-".toCharArray()) {
            CLASS[c] = TOKEN;
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
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            int cls = c < 128 ? CLASS[c] : 0;
            if (cls == 0) {
                run = 0;
                continue;
            }
            if ((cls & TOKEN) != 0) {
                if (++run >= MIN_RUN) {
                    return true;
                }
            } else {
                run = 0;
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
