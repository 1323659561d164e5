package dev.veil.agent.detect;

import java.util.Random;

/**
 * Builds key-shaped test values from a fixed seed at test time, so the repository never holds a
 * realistic credential literal (a secret scanner must not flag its own sources).
 */
public final class KeyGen {
    public static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    public static final String DIGITS = "0123456789";
    public static final String ALNUM = UPPER + LOWER + DIGITS;
    public static final String WORD = ALNUM + "_-";
    public static final String HEX = "0123456789abcdef";
    public static final String BASE32 = UPPER + "234567";
    public static final String BASE64 = ALNUM + "+/";

    private final Random random;

    public KeyGen(long seed) {
        this.random = new Random(seed);
    }

    public String chars(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    public String alnum(int n) {
        return chars(ALNUM, n);
    }

    public String hex(int n) {
        return chars(HEX, n);
    }

    public String word(int n) {
        return chars(WORD, n);
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    /** A GitHub/npm-style body: 30 random base62 chars plus their CRC32 in 6 base62 digits. */
    public String checksummedBody() {
        String random30 = alnum(GithubChecksum.RANDOM_LENGTH);
        return random30 + GithubChecksum.encode(GithubChecksum.crc32(random30, 0, random30.length()));
    }

    /** Joined at test time from pieces so the literal prefix alone never forms a key in source. */
    public static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            sb.append(p);
        }
        return sb.toString();
    }
}
