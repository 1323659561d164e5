package dev.veil.agent.detect;

/** Allocation-free character tests on ranges of a string; ASCII only (other chars are separators). */
final class Chars {
    private Chars() {
    }

    private static final int DIGIT = 1;
    private static final int UPPER = 2;
    private static final int LOWER = 4;
    private static final int WORD_EXTRA = 8; // '_' and '-': part of most token formats
    private static final int B64 = 16; // '+' '/' '=' beyond alphanumerics
    private static final int HEX = 32;
    /** {@code @ : =}: where the engine's pass offers the text to its trigger scanners (e-mail, URLs, assignments). */
    static final int TRIGGER = 64;
    /** {@code [A-Za-z0-9_-]}, see {@link #isWord}. */
    static final int WORD = DIGIT | UPPER | LOWER | WORD_EXTRA;

    /** Indexed by any char (64 KiB, only the first 128 entries non-zero): no {@code c < 128} test per lookup. */
    private static final byte[] CLASS = new byte[Character.MAX_VALUE + 1];

    static {
        for (char c = '0'; c <= '9'; c++) {
            CLASS[c] = DIGIT | HEX;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            CLASS[c] = UPPER;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            CLASS[c] = LOWER;
        }
        for (char c = 'a'; c <= 'f'; c++) {
            CLASS[c] |= HEX;
            CLASS[c - 32] |= HEX;
        }
        CLASS['_'] = WORD_EXTRA;
        CLASS['-'] = WORD_EXTRA;
        CLASS['+'] = B64;
        CLASS['/'] = B64;
        CLASS['='] = B64 | TRIGGER;
        CLASS['@'] = TRIGGER;
        CLASS[':'] = TRIGGER;
    }

    /** The class bits of any char ({@link #WORD}, {@link #TRIGGER}, ...); 0 for every non-ASCII char. */
    static int classOf(char c) {
        return CLASS[c];
    }

    private static boolean has(char c, int mask) {
        return (CLASS[c] & mask) != 0;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isLetter(char c) {
        return has(c, UPPER | LOWER);
    }

    static boolean isAlnum(char c) {
        return has(c, DIGIT | UPPER | LOWER);
    }

    static boolean isHex(char c) {
        return has(c, HEX);
    }

    /** Token characters: {@code [A-Za-z0-9_-]}, the alphabet of nearly every API key format. */
    static boolean isWord(char c) {
        return has(c, WORD);
    }

    /** Standard base64: {@code [A-Za-z0-9+/=]}. */
    static boolean isBase64(char c) {
        return has(c, DIGIT | UPPER | LOWER | B64);
    }

    static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    static boolean allHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isHex(s.charAt(i))) {
                return false;
            }
        }
        return from < to;
    }

    static boolean allAlnum(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isAlnum(s.charAt(i))) {
                return false;
            }
        }
        return from < to;
    }

    /**
     * {@code s.regionMatches(true, from, lowerWord, 0, lowerWord.length())}, exactly, for a lower-case
     * ASCII word, without its cost on a mismatch: the JDK compares case-insensitively through
     * {@code Character.toUpperCase/toLowerCase} per char, which made "been", "both", "being" (checked
     * against "bearer" and "basic") the most expensive words of a prompt. An ASCII char that differs
     * from the word after lower-casing rules the match out at once; a non-ASCII char (which may still
     * fold to an ASCII letter, as U+017F folds to 's') and a full ASCII match defer to the JDK.
     */
    static boolean regionMatchesIgnoreCase(String s, int from, String lowerWord) {
        int len = lowerWord.length();
        if (from < 0 || from > s.length() - len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            char c = s.charAt(from + k);
            if (c < 128 && lower(c) != lowerWord.charAt(k)) {
                return false;
            }
        }
        return s.regionMatches(true, from, lowerWord, 0, len);
    }

    /** Index of {@code needle} inside [from, to), or -1; never looks beyond {@code to}. */
    static int indexOf(String s, String needle, int from, int to) {
        for (int i = from; i + needle.length() <= to; i++) {
            if (s.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }
}
