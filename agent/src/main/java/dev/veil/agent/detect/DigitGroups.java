package dev.veil.agent.detect;

/**
 * The digit groups of a number as written in text ({@code +1 (415) 555-2671}, {@code 4111 1111 ...}),
 * packed into one {@code long} so parsing allocates nothing: per group 5 bits of digit count, 2 bits
 * of the separator that follows it, 1 bit for parentheses and 1 bit when the next group follows a
 * closing parenthesis directly ({@code (415)555-2671}, read as a space); at most 7 groups.
 */
final class DigitGroups {
    private DigitGroups() {
    }

    static final int MAX_GROUPS = 7;
    private static final int BITS = 9;
    static final int MAX_GROUP_DIGITS = 19;
    static final int SEP_NONE = 0;
    static final int SEP_SPACE = 1;
    static final int SEP_DASH = 2;
    static final int SEP_DOT = 3;

    static int count(long packed) {
        int n = 0;
        while (n < MAX_GROUPS && digits(packed, n) > 0) {
            n++;
        }
        return n;
    }

    static int digits(long packed, int i) {
        return (int) (packed >>> (i * BITS)) & 0x1f;
    }

    static int separator(long packed, int i) {
        return (int) (packed >>> (i * BITS + 5)) & 0x3;
    }

    static boolean parenthesized(long packed, int i) {
        return ((packed >>> (i * BITS + 7)) & 1) != 0;
    }

    private static boolean joined(long packed, int i) {
        return ((packed >>> (i * BITS + 8)) & 1) != 0;
    }

    /**
     * Parses groups from {@code from} (just after an optional {@code +}). Stops at the first thing that is
     * not a group or a single separator followed by another group; a group longer than 19 digits ends
     * parsing with nothing (a digit run, not a number anyone dials or pays with).
     */
    static long parse(String s, int from) {
        long packed = 0;
        int n = s.length();
        int pos = from;
        for (int g = 0; g < MAX_GROUPS; g++) {
            boolean paren = pos < n && s.charAt(pos) == '(';
            int p = paren ? pos + 1 : pos;
            int d = 0;
            while (p < n && Chars.isDigit(s.charAt(p))) {
                p++;
                if (++d > MAX_GROUP_DIGITS) {
                    return g == 0 ? 0 : packed;
                }
            }
            if (d == 0 || paren && (p >= n || s.charAt(p) != ')')) {
                return packed;
            }
            if (paren) {
                p++;
            }
            boolean joined = paren && p < n && Chars.isDigit(s.charAt(p));
            int sep = joined ? SEP_SPACE
                    : p + 1 < n && (Chars.isDigit(s.charAt(p + 1)) || s.charAt(p + 1) == '(') ? separatorKind(s.charAt(p)) : SEP_NONE;
            packed |= ((long) d | (long) sep << 5 | (paren ? 1L : 0L) << 7 | (joined ? 1L : 0L) << 8) << (g * BITS);
            if (sep == SEP_NONE) {
                return packed;
            }
            pos = joined ? p : p + 1;
        }
        return packed;
    }

    /** Text length of the first {@code k} groups, without the separator after the last one. */
    static int length(long packed, int k) {
        int len = 0;
        for (int i = 0; i < k; i++) {
            len += digits(packed, i) + (parenthesized(packed, i) ? 2 : 0) + (i < k - 1 && !joined(packed, i) ? 1 : 0);
        }
        return len;
    }

    static int totalDigits(long packed, int k) {
        int d = 0;
        for (int i = 0; i < k; i++) {
            d += digits(packed, i);
        }
        return d;
    }

    /** True when the separators between the first {@code k} groups are all {@code kind}. */
    static boolean separatorsAre(long packed, int k, int kind) {
        for (int i = 0; i < k - 1; i++) {
            if (separator(packed, i) != kind) {
                return false;
            }
        }
        return true;
    }

    /** True when the first {@code k} groups share one separator (or there is one group). */
    static boolean consistent(long packed, int k) {
        return k == 1 || separatorsAre(packed, k, separator(packed, 0));
    }

    static boolean anyParenthesized(long packed, int k) {
        for (int i = 0; i < k; i++) {
            if (parenthesized(packed, i)) {
                return true;
            }
        }
        return false;
    }

    private static int separatorKind(char c) {
        switch (c) {
            case ' ':
                return SEP_SPACE;
            case '-':
                return SEP_DASH;
            case '.':
                return SEP_DOT;
            default:
                return SEP_NONE;
        }
    }
}
