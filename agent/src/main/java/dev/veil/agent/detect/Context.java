package dev.veil.agent.detect;

/**
 * Context words around a candidate: a prefix-less key (Cohere, Mistral, Azure OpenAI, AWS secret)
 * is only credible with its provider's name nearby. Looks a bounded window either side, so the cost
 * per candidate is constant.
 */
final class Context {
    private Context() {
    }

    static final int BEFORE = 120;
    static final int AFTER = 40;

    /** True when one of {@code words} (lower-case) occurs within the window around [start, end). */
    static boolean near(String s, int start, int end, String... words) {
        int from = Math.max(0, start - BEFORE);
        int to = Math.min(s.length(), end + AFTER);
        for (String w : words) {
            if (Chars.containsIgnoreCase(s, from, start, w) || Chars.containsIgnoreCase(s, end, to, w)) {
                return true;
            }
        }
        return false;
    }

    /** Like {@link #near} but only looks before the candidate, on a shorter window. */
    static boolean before(String s, int start, int window, String... words) {
        int from = Math.max(0, start - window);
        for (String w : words) {
            if (Chars.containsIgnoreCase(s, from, start, w)) {
                return true;
            }
        }
        return false;
    }
}
