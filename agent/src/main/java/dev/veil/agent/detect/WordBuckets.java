package dev.veil.agent.detect;

/** Words grouped by one ASCII character (first or last), so a lookup only compares the few that can match. */
final class WordBuckets {
    private WordBuckets() {
    }

    /** Appends {@code word} to the bucket for {@code key}; used while building immutable tables. */
    static void add(String[][] buckets, char key, String word) {
        String[] old = buckets[key];
        String[] grown = new String[old == null ? 1 : old.length + 1];
        if (old != null) {
            System.arraycopy(old, 0, grown, 0, old.length);
        }
        grown[grown.length - 1] = word;
        buckets[key] = grown;
    }
}
