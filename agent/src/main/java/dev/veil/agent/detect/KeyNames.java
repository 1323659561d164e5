package dev.veil.agent.detect;

/**
 * Matches credential key names at the end of an identifier, case-insensitively and ignoring the
 * separators {@code _ - .}, so {@code API_KEY}, {@code apiKey}, {@code x-api-key} all end with
 * {@code apikey}. The name must start at a word boundary: the identifier start, a separator, or a
 * lower-to-upper case change ({@code dbPassword}). The names are held in a trie of their reversed
 * letters, walked from the identifier's end: a key like {@code "status"} is dismissed after one or two
 * characters, and the cost never depends on how many names there are.
 */
final class KeyNames {
    private static final int LETTERS = 26;

    /** {@code next[node * 26 + letter]}: the child node, 0 for none (node 0 is the root). */
    private final int[] next;
    /** The name ending (read backwards: starting) at each node, or null. */
    private final String[] names;

    KeyNames(String... list) {
        int nodes = 1;
        for (String n : list) {
            nodes += n.length();
        }
        int[] trie = new int[nodes * LETTERS];
        String[] at = new String[nodes];
        int used = 1;
        for (String name : list) {
            int node = 0;
            for (int k = name.length() - 1; k >= 0; k--) {
                int slot = node * LETTERS + letter(name.charAt(k));
                if (trie[slot] == 0) {
                    trie[slot] = used++;
                }
                node = trie[slot];
            }
            if (at[node] == null) {
                at[node] = name; // names are given most specific first; a duplicate keeps the first
            }
        }
        this.next = trie;
        this.names = at;
    }

    private static int letter(char c) {
        if (c < 'a' || c > 'z') {
            throw new IllegalArgumentException("key names are lower-case letters: " + c);
        }
        return c - 'a';
    }

    /**
     * The longest name that the identifier [from, to) ends with and that starts at a word boundary, or
     * null. (The longest is the most specific: {@code secretaccesskey} over {@code accesskey}.)
     */
    String match(String s, int from, int to) {
        String found = null;
        int node = 0;
        for (int j = to - 1; j >= from; j--) {
            char c = s.charAt(j);
            if (isSeparator(c)) {
                continue;
            }
            char lower = Chars.lower(c);
            if (lower < 'a' || lower > 'z') {
                break;
            }
            node = next[node * LETTERS + lower - 'a'];
            if (node == 0) {
                break;
            }
            if (names[node] != null && boundaryBefore(s, from, j)) {
                found = names[node];
            }
        }
        return found;
    }

    /** True when a name whose first letter is at {@code first} starts a word of the identifier [from, …). */
    private static boolean boundaryBefore(String s, int from, int first) {
        if (first == from) {
            return true;
        }
        char before = s.charAt(first - 1);
        return isSeparator(before) || !Chars.isLetter(before) || Chars.isLower(before) && Chars.isUpper(s.charAt(first));
    }

    private static boolean isSeparator(char c) {
        return c == '_' || c == '-' || c == '.';
    }
}
