package dev.veil.agent.detect;

/**
 * Shannon entropy in bits per character, computed without allocation. Random keys over base62 score
 * around 5 bits, English words under 3.5, repeated or sequential fillers much lower.
 */
final class Entropy {
    private Entropy() {
    }

    /** Looks at most this many characters: the prefix of a long value is representative. */
    private static final int MAX_SAMPLE = 256;

    static double bits(String s, int from, int to) {
        int end = Math.min(to, from + MAX_SAMPLE);
        int n = end - from;
        if (n <= 0) {
            return 0;
        }
        double bits = 0;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (seenBefore(s, from, i, c)) {
                continue; // counted at its first occurrence
            }
            int count = 1;
            for (int j = i + 1; j < end; j++) {
                if (s.charAt(j) == c) {
                    count++;
                }
            }
            double p = (double) count / n;
            bits -= p * Math.log(p);
        }
        return bits / Math.log(2);
    }

    private static boolean seenBefore(String s, int from, int i, char c) {
        for (int j = from; j < i; j++) {
            if (s.charAt(j) == c) {
                return true;
            }
        }
        return false;
    }
}
