package dev.veil.benchmarks.engine;

import java.util.Random;

/** Inserts secrets and personal data, built from seeded random characters, into text at sentence ends. */
final class Findings {
    private Findings() {
    }

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static String chars(Random r, String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String value(Random r, int kind) {
        switch (kind % 6) {
            case 0:
                return " Contact maria." + chars(r, "abcdefghij", 5) + "@example.com about it.";
            case 1:
                return " Use key sk-" + "proj-" + chars(r, ALNUM, 60) + "T3Blbk" + "FJ" + chars(r, ALNUM, 60) + " for now.";
            case 2:
                return " Call (415) 555-" + (1000 + r.nextInt(8999)) + " tomorrow.";
            case 3:
                return " Server 10.20." + r.nextInt(255) + "." + (1 + r.nextInt(250)) + " is down.";
            case 4:
                return " AWS id AK" + "IA" + chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16) + " leaked.";
            default:
                return " password=" + chars(r, ALNUM, 10) + "7! in the config.";
        }
    }

    /** {@code count} values inserted after sentence ends, keeping the text length. */
    static String sprinkle(String text, Random r, int count) {
        StringBuilder sb = new StringBuilder(text);
        for (int k = 0; k < count; k++) {
            int at = sb.indexOf(". ", r.nextInt(Math.max(1, sb.length() - 200)));
            if (at < 0) {
                at = sb.length() / 2;
            }
            sb.insert(at + 1, value(r, k));
        }
        return sb.substring(0, text.length());
    }
}
