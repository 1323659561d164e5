package dev.veil.agent.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.detect.Engine;
import dev.veil.agent.detect.KeyGen;
import dev.veil.agent.detect.Sample;
import dev.veil.agent.detect.Samples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.MessageFormatter;

/**
 * The template shortcut ({@link LogTemplates}) may only call an event clean when the prefilter would call
 * its formatted line clean, so the engine finds nothing in it; secrets joined across placeholders are
 * still masked. Every credential-shaped value is generated at test time.
 */
class LogTemplatesTest {

    private static final Engine ENGINE = Engine.defaults();
    private final LogMasker masker = new LogMasker(VeilConfig.defaults());

    private static String render(String pattern, Object... args) {
        return MessageFormatter.arrayFormat(pattern, args).getMessage();
    }

    @Test
    void aCleanEventOfAKnownPatternTakesTheShortcutAndIsTheSameInstance() {
        LogTemplates templates = new LogTemplates();
        String pattern = "order {} shipped to warehouse {} in {} ms (retry {}, {})";
        Object[] args = {42, "berlin-3", 17L, (short) 2, Boolean.TRUE};
        String formatted = render(pattern, args);
        assertTrue(templates.clean(pattern, args, formatted));
        assertSame(formatted, masker.maskFormatted(pattern, args, formatted));
        String literal = "Started CheckoutService in 2.345 seconds";
        assertTrue(templates.clean(literal, null, literal));
        assertSame(literal, masker.maskPattern(literal));
        // a rendering that is not the pattern's (other length) is scanned, not trusted
        assertFalse(templates.clean(pattern, args, formatted + " x"));
        // arguments of other types are scanned
        assertFalse(templates.clean("took {} s", new Object[] {1.5}, "took 1.5 s"));
    }

    @Test
    void secretsJoinedAcrossPlaceholdersAreStillMasked() {
        KeyGen g = new KeyGen(11);
        String ghToken = KeyGen.join("gh", "p_", g.checksummedBody());
        String openAi = KeyGen.join("sk-", "proj-", g.alnum(74), "T3Blbk", "FJ", g.alnum(74));
        String password = KeyGen.join(g.chars(KeyGen.LOWER, 5), g.chars(KeyGen.DIGITS, 3), g.chars(KeyGen.UPPER, 2));
        // a key cut into pieces of 14 characters (each clean alone) behind its prefix in the pattern
        StringBuilder keyPattern = new StringBuilder("key=sk-");
        List<String> keyPieces = new ArrayList<String>();
        keyPieces.add(keyPattern.toString());
        for (int i = 3; i < openAi.length(); i += 14) {
            keyPattern.append("{}");
            keyPieces.add(openAi.substring(i, Math.min(openAi.length(), i + 14)));
        }
        keyPieces.set(0, keyPattern.toString());
        String[][] cases = {
            // pattern, then arguments; each argument alone is clean, the line is not
            keyPieces.toArray(new String[0]),
            {"pass" + "word={}", password},
            {"{}={}", "pass" + "word", password},
            {"my {} is {}", "pass" + "word", password},
            {"{}{}{}", ghToken.substring(0, 14), ghToken.substring(14, 28), ghToken.substring(28)},
            {"{}_{}{}{}", ghToken.substring(0, 3), ghToken.substring(4, 16), ghToken.substring(16, 28), ghToken.substring(28)},
            {"Authorization: {} {}", "Bearer", ghToken},
            {"t={}", ghToken},
        };
        for (String[] c : cases) {
            Object[] args = new Object[c.length - 1];
            System.arraycopy(c, 1, args, 0, args.length);
            String formatted = render(c[0], args);
            String full = masker.mask(formatted);
            assertNotEquals(formatted, full, "the engine should mask " + c[0]);
            assertEquals(full, masker.maskFormatted(c[0], args, formatted), c[0]);
            assertFalse(new LogTemplates().clean(c[0], args, formatted), c[0]);
        }
    }

    /** Engine samples (real secret shapes, generated) cut into a pattern and arguments at random places. */
    @Test
    void samplesCutIntoPatternAndArgumentsAreNeverSkipped() {
        KeyGen g = new KeyGen(5);
        int withSecret = 0;
        int shortcut = 0;
        for (long seed = 1; seed <= 3; seed++) {
            for (Sample s : Samples.generate(seed)) {
                for (int round = 0; round < 6; round++) {
                    String text = s.text;
                    List<Object> args = new ArrayList<Object>();
                    StringBuilder pattern = new StringBuilder();
                    int i = 0;
                    while (i < text.length()) {
                        int literal = g.nextInt(Math.max(1, text.length() - i)) / (1 + g.nextInt(3));
                        pattern.append(text, i, Math.min(text.length(), i + literal));
                        i += literal;
                        if (i < text.length()) {
                            int cut = 1 + g.nextInt(Math.min(20, text.length() - i));
                            args.add(text.substring(i, i + cut));
                            pattern.append("{}");
                            i += cut;
                        }
                    }
                    withSecret += check(pattern.toString(), args.toArray()) ? 0 : 1;
                    shortcut += new LogTemplates().clean(pattern.toString(), args.toArray(),
                            render(pattern.toString(), args.toArray())) ? 1 : 0;
                }
            }
        }
        assertTrue(withSecret > 500, "too few suspicious cases: " + withSecret);
        assertTrue(shortcut > 5, "the shortcut was never taken: " + shortcut);
    }

    /** Random patterns and arguments built from words that trigger the prefilter's rules. */
    @Test
    void generatedPatternsNeverSkipWhatThePrefilterWouldScan() {
        KeyGen g = new KeyGen(9);
        String[] pieces = {"order", "user", "shipped", "key", "Pass" + "word", "token", "secret", "is", "was", "my",
            "bearer", "Basic", "-----BEGIN", "a1B2", "x", "42", " ", " ", " ", "  ", ":", "=", "\"", "'", "/", "+", "@",
            "://", ",", ".", "(", ")", "{}", "{}", "{}", "\\", "\n", "-", "_", "http", "db"};
        int shortcut = 0;
        for (int round = 0; round < 30_000; round++) {
            StringBuilder p = new StringBuilder();
            for (int k = 1 + g.nextInt(8); k > 0; k--) {
                p.append(g.nextInt(4) == 0 ? g.alnum(1 + g.nextInt(12)) : g.pick(pieces));
            }
            Object[] args = new Object[g.nextInt(4)];
            for (int k = 0; k < args.length; k++) {
                switch (g.nextInt(7)) {
                    case 0:
                        args[k] = g.nextInt(1_000_000) - 500_000;
                        break;
                    case 1:
                        args[k] = g.nextInt(2) == 0 ? 123_456_789_012_345L : 1_234_567_890_123_456L;
                        break;
                    case 2:
                        args[k] = null;
                        break;
                    case 3:
                        args[k] = g.alnum(1 + g.nextInt(20));
                        break;
                    default:
                        StringBuilder a = new StringBuilder();
                        for (int j = 1 + g.nextInt(3); j > 0; j--) {
                            a.append(g.nextInt(3) == 0 ? g.chars(KeyGen.BASE64, 1 + g.nextInt(14)) : g.pick(pieces));
                        }
                        args[k] = a.toString();
                }
            }
            check(p.toString(), args);
            shortcut += new LogTemplates().clean(p.toString(), args, render(p.toString(), args)) ? 1 : 0;
        }
        assertTrue(shortcut > 1000, "the shortcut was rarely taken: " + shortcut);
    }

    @Test
    void digitsIsTheRenderedLength() {
        long[] values = {0, 7, -7, 9, 10, -10, 99, 100, 12345, -2147483648L, 2147483647L, 999_999_999_999_999L,
            -999_999_999_999_999L, 100_000_000_000_000L};
        for (long v : values) {
            assertEquals(Long.toString(v).length(), LogTemplates.digits(v), Long.toString(v));
        }
    }

    /** The one-switch check of short arguments never passes what the prefilter or the word check would stop. */
    @Test
    void shortArgumentCheckIsASupersetOfThePrefilter() {
        KeyGen g = new KeyGen(13);
        String alphabet = KeyGen.ALNUM + "-_~+/=:@.,'\" `;()[]{}\n\t\u00e9\u0130\u212a";
        String[] words = {"key", "Token", "SECRET", "pass", "pwd", "auth", "Credential", "bearer", "Basic", "-----", "://"};
        int passed = 0;
        for (int round = 0; round < 200_000; round++) {
            StringBuilder sb = new StringBuilder(g.chars(alphabet, g.nextInt(10)));
            if (g.nextInt(4) == 0) {
                sb.insert(g.nextInt(sb.length() + 1), g.pick(words));
            }
            String s = sb.length() < SecretPrefilter.MIN_RUN ? sb.toString() : sb.substring(0, SecretPrefilter.MIN_RUN - 1);
            if (!LogTemplates.shortArgumentTriggers(s, false)) {
                passed++;
                assertFalse(SecretPrefilter.mayHoldSecret(s), s);
                assertFalse(SecretPrefilter.hasCredentialWord(s), s);
                assertFalse(s.contains("://"), s);
            }
            if (!LogTemplates.shortArgumentTriggers(s, true)) {
                assertFalse(s.contains("+") || s.contains("/") || s.contains("="), s);
            }
        }
        assertTrue(passed > 10_000, "too few clean arguments: " + passed);
    }

    /** Asserts the property for one event (a fresh cache and a warm one); true when the line is prefilter-clean. */
    private boolean check(String pattern, Object[] args) {
        String formatted = render(pattern, args);
        LogTemplates templates = new LogTemplates();
        boolean prefilterClean = !SecretPrefilter.mayHoldSecret(formatted);
        for (int pass = 0; pass < 2; pass++) {
            if (templates.clean(pattern, args, formatted)) {
                assertTrue(prefilterClean, "shortcut took a line the prefilter scans: pattern [" + pattern + "] line ["
                        + formatted + "]");
                assertTrue(ENGINE.scan(formatted, true, false).isEmpty(), "shortcut skipped a secret in [" + formatted + "]");
            }
        }
        assertEquals(masker.mask(formatted), masker.maskFormatted(pattern, args, formatted));
        return prefilterClean;
    }
}
