package dev.veil.agent.detect;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine dismisses most word tokens inline ({@link Tokens#isShortPlain}, then {@link Tokens#isPlainWord})
 * without calling the scanners. Both shortcuts must be exact: on every token of every sample (true
 * positives, hard negatives, traps) and of generated prose, a dismissed token is one the full path
 * ({@link Tokens#at}) finds nothing in.
 */
class TokenFastPathTest {

    private static List<String> texts() {
        List<String> texts = new ArrayList<String>();
        for (long seed = 1; seed <= 5; seed++) {
            for (Sample s : Samples.generate(seed)) {
                texts.add(s.text);
            }
        }
        texts.add("is was Basic basic BASIC Bearer bearer before being budget bc1 in it if id were what when SG.x Shipment"
                + " AKIAx GB82 GB82WEST eyJhbGciOiJIUzI1NiJ9 and/or a+b x=y ABCDE~ 0a-1b-2c-3d-4e-5f");
        // short numbers: lone ones are dismissed by the fast path, grouped or run-continuing ones are not
        texts.add("3 42 2024 10px 3rd 12345~ 123+4 7/8 12-34 1.5 (12) +12 #4711 $99.50 v2.1.0 50% 2024-10-15 12 34 x1"
                + " 120) 7=8 123456 1234567 0x1f 0 00 007");
        return texts;
    }

    @Test
    void shortcutsNeverDismissATokenTheFullPathClaims() {
        int dismissed = 0;
        for (String s : texts()) {
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (!Chars.isWord(c)) {
                    i++;
                    continue;
                }
                int end = i + 1;
                while (end < s.length() && Chars.isWord(s.charAt(end))) {
                    end++;
                }
                if (Tokens.isShortPlain(s, c, i, end)) {
                    dismissed++;
                    assertNull(Tokens.at(s, i, end), () -> "fast path dismissed a finding in: " + s);
                }
                if (Tokens.isPlainWord(s, i, end)) {
                    assertNull(Tokens.at(s, i, end), () -> "plain-word check dismissed a finding in: " + s);
                }
                i = end;
            }
        }
        assertTrue(dismissed > 1000, "the fast path takes most tokens: " + dismissed);
    }
}
