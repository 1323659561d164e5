package dev.veil.agent.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Chars#regionMatchesIgnoreCase} is the JDK's case-insensitive region match, only faster on a mismatch. */
class CharsTest {

    @Test
    void regionMatchesIgnoreCaseAgreesWithTheJdk() {
        String[] words = {"basic", "bearer", "xn--", "***", "password", "com", "your"};
        // ASCII case variants, near misses, and non-ASCII chars that the JDK folds to ASCII letters
        // (U+017F long s -> S, U+0131 dotless i -> I, U+212A Kelvin sign -> k)
        String text = "Basic BASIC basIc bAsic basics baSic Bearer BEARER bearers beaRER bearex XN--abc xn--9 *** **x"
                + " PassWord passw0rd Com cOM co your YOUR yours ba\u017Fic bas\u0131c BA\u017FIC pa\u017F\u017Fword"
                + " \u212Aey \u00E9basic basic\u00E9 b";
        int checked = 0;
        for (String w : words) {
            for (int from = -1; from <= text.length(); from++) {
                boolean jdk = from >= 0 && text.regionMatches(true, from, w, 0, w.length());
                assertEquals(jdk, Chars.regionMatchesIgnoreCase(text, from, w), "at " + from + " for " + w);
                checked += jdk ? 1 : 0;
            }
        }
        assertEquals(true, checked >= 20, "the text holds matches: " + checked);
    }
}
