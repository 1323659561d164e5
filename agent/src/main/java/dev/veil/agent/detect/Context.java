package dev.veil.agent.detect;

/**
 * Context words around a candidate: a prefix-less key (Cohere, Mistral, Azure OpenAI, AWS secret) is
 * only credible with its provider's name nearby, a bare nine-digit number only after "SSN". A set of
 * lower-case words is compiled once; a lookup walks the bounded window once, testing only positions
 * whose character starts one of the words, so the cost per candidate is a small constant.
 */
final class Context {
    static final int BEFORE = 120;
    static final int AFTER = 40;

    private final String[][] byFirstChar = new String[128][];

    private Context(String... words) {
        for (String w : words) {
            WordBuckets.add(byFirstChar, w.charAt(0), w);
        }
    }

    /** Words are matched case-insensitively and must be given in lower case. */
    static Context of(String... words) {
        return new Context(words);
    }

    /** True when one of the words occurs within the default window around [start, end). */
    boolean near(String s, int start, int end) {
        return in(s, Math.max(0, start - BEFORE), start) || in(s, end, Math.min(s.length(), end + AFTER));
    }

    /** True when one of the words occurs within {@code window} chars before {@code start}. */
    boolean before(String s, int start, int window) {
        return in(s, Math.max(0, start - window), start);
    }

    private static boolean matchesAt(String s, int at, String lowerWord) {
        for (int k = 1; k < lowerWord.length(); k++) {
            if (Chars.lower(s.charAt(at + k)) != lowerWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** True when one of the words starts inside [from, to) and ends before {@code to}. */
    boolean in(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = Chars.lower(s.charAt(i));
            String[] candidates = c < 128 ? byFirstChar[c] : null;
            if (candidates == null) {
                continue;
            }
            for (String w : candidates) {
                if (i + w.length() <= to && matchesAt(s, i, w)) {
                    return true;
                }
            }
        }
        return false;
    }
}
