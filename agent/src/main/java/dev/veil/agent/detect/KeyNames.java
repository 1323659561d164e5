package dev.veil.agent.detect;

/**
 * Matches credential key names at the end of an identifier, case-insensitively and ignoring the
 * separators {@code _ - .}, so {@code API_KEY}, {@code apiKey}, {@code x-api-key} all end with
 * {@code apikey}. The name must start at a word boundary: the identifier start, a separator, or a
 * lower-to-upper case change ({@code dbPassword}). Names are bucketed by their last letter, so a key
 * like {@code "status"} is compared with the two names ending in {@code s}, not with all of them.
 */
final class KeyNames {
    private final String[][] byLastChar = new String[128][];

    KeyNames(String... names) {
        for (String n : names) {
            WordBuckets.add(byLastChar, n.charAt(n.length() - 1), n);
        }
    }

    /** True when the identifier [from, to) ends with one of the names. */
    boolean matchAny(String s, int from, int to) {
        int last = to - 1;
        while (last >= from && isSeparator(s.charAt(last))) {
            last--;
        }
        if (last < from) {
            return false;
        }
        char c = Chars.lower(s.charAt(last));
        String[] candidates = c < 128 ? byLastChar[c] : null;
        if (candidates != null) {
            for (String name : candidates) {
                if (endsWith(s, from, to, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean endsWith(String s, int from, int to, String name) {
        int j = to - 1;
        int k = name.length() - 1;
        while (k >= 0 && j >= from) {
            char c = s.charAt(j);
            if (isSeparator(c)) {
                j--;
                continue;
            }
            if (Chars.lower(c) != name.charAt(k)) {
                return false;
            }
            j--;
            k--;
        }
        if (k >= 0) {
            return false;
        }
        // j is the char before the name's first letter (j + 1)
        if (j < from) {
            return true;
        }
        char before = s.charAt(j);
        return isSeparator(before) || !Chars.isLetter(before)
                || Chars.isLower(before) && Chars.isUpper(s.charAt(j + 1));
    }

    private static boolean isSeparator(char c) {
        return c == '_' || c == '-' || c == '.';
    }
}
