package dev.veil.agent.detect;

/**
 * Shannon entropy in bits per character, computed without allocation. Random keys over base62 score
 * around 5 bits, English words under 3.5, repeated or sequential fillers much lower.
 */
final class Entropy {
    private Entropy() {
    }

    /**
     * Looks at most this many characters: the prefix of a long value is representative, and the
     * thresholds used (3.0 to 4.5 bits) are well below what 64 random characters reach.
     */
    private static final int MAX_SAMPLE = 64;

    static double bits(String s, int from, int to) {
        int end = Math.min(to, from + MAX_SAMPLE);
        int n = end - from;
        if (n <= 0) {
            return 0;
        }
        double bits = 0;
        long seenLow = 0;
        long seenHigh = 0;
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c < 64 ? (seenLow & 1L << c) != 0 : c < 128 ? (seenHigh & 1L << (c - 64)) != 0 : seenBefore(s, from, i, c)) {
                continue; // counted at its first occurrence
            }
            if (c < 64) {
                seenLow |= 1L << c;
            } else if (c < 128) {
                seenHigh |= 1L << (c - 64);
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
