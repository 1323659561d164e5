package dev.veil.agent.detect;

/**
 * A set of lower-case words found case-insensitively only where they stand as words (no letter on
 * either side): {@code your-key-here} contains "your" and "here", a random key body practically never
 * does. One pass over the range, comparing only at positions whose character starts a word of the set.
 */
final class StandaloneWords {
    private final String[][] byFirstChar = new String[128][];

    StandaloneWords(String... words) {
        for (String w : words) {
            WordBuckets.add(byFirstChar, w.charAt(0), w);
        }
    }

    boolean foundIn(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = Chars.lower(s.charAt(i));
            String[] candidates = c < 128 ? byFirstChar[c] : null;
            if (candidates == null || i > from && Chars.isLetter(s.charAt(i - 1))) {
                continue;
            }
            for (String w : candidates) {
                int end = i + w.length();
                if (end <= to && Chars.regionMatchesIgnoreCase(s, i, w) && (end == to || !Chars.isLetter(s.charAt(end)))) {
                    return true;
                }
            }
        }
        return false;
    }
}
