package dev.veil.agent.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.detect.KeyGen;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final KeyGen g = new KeyGen(7);
    private final String key = KeyGen.join("sk-", "proj-", g.word(60), "T3Blbk", "FJ", g.word(60));

    private static Redactor redactor(String... keyValues) {
        Map<String, String> m = new HashMap<String, String>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return Redactor.fromConfig(VeilConfig.of(m));
    }

    @Test
    void cleanTextComesBackAsTheSameInstance() {
        Redactor r = redactor();
        String text = new String("Summarise the attached meeting notes in three bullet points, please.");
        RedactionSession session = r.newSession(true);
        assertSame(text, session.scrub(text));
        assertEquals(0, session.findingCount());
        assertSame(text, r.maskLog(text));
    }

    @Test
    void sameValueGetsTheSamePlaceholderAcrossFieldsOfOneRequest() {
        RedactionSession session = redactor().newSession(true);
        String first = session.scrub("Mail alice@example.com and bob@example.org, key " + key);
        String second = session.scrub("Again: alice@example.com");
        assertEquals("Mail [[VEIL:EMAIL_ADDRESS_1]] and [[VEIL:EMAIL_ADDRESS_2]], key [[VEIL:OPENAI_API_KEY_1]]", first);
        assertEquals("Again: [[VEIL:EMAIL_ADDRESS_1]]", second);
        assertEquals(4, session.findingCount());
        assertEquals(Integer.valueOf(3), session.countsByDetector().get("email_address"));
        assertEquals(Integer.valueOf(1), session.countsByDetector().get("openai_api_key"));
    }

    @Test
    void sessionsDoNotShareNumbering() {
        Redactor r = redactor();
        r.newSession(true).scrub("bob@example.org");
        assertEquals("[[VEIL:EMAIL_ADDRESS_1]]", r.newSession(true).scrub("carol@example.net"));
    }

    @Test
    void detectOnlySessionCountsButReturnsTheSameInstance() {
        RedactionSession session = redactor().newSession(false);
        String text = "write to alice@example.com";
        assertSame(text, session.scrub(text));
        assertEquals(Collections.singletonMap("email_address", 1), session.countsByDetector());
    }

    @Test
    void logMaskingKeepsTheDetectorIdAndSkipsPersonalDataByDefault() {
        Redactor r = redactor();
        String line = "login failed for alice@example.com with key " + key;
        assertEquals("login failed for alice@example.com with key [[VEIL:OPENAI_API_KEY]]", r.maskLog(line));
        assertEquals("login failed for [[VEIL:EMAIL_ADDRESS]] with key [[VEIL:OPENAI_API_KEY]]", r.maskLog(line, true));
        assertEquals(r.maskLog(line, true), redactor("veil.logs.pii", "true").maskLog(line));
    }

    @Test
    void maskKeepsTrailingCharactersOfLongValuesOnly() {
        Redactor r = redactor("veil.redact.operator", "mask");
        String out = r.newSession(true).scrub("key " + key);
        assertEquals("key " + stars(key.length() - 4) + key.substring(key.length() - 4), out);
        // 14 chars is under 3 x 8: nothing kept
        assertEquals("to " + stars(14), redactor("veil.redact.operator", "mask", "veil.redact.mask.keep", "8")
                .newSession(true).scrub("to ab@example.com"));
    }

    @Test
    void hashIsStableWithinTheProcessAndHidesTheValue() {
        Redactor r = redactor("veil.redact.operator.pii", "hash");
        String a = r.newSession(true).scrub("alice@example.com");
        String b = r.newSession(true).scrub("alice@example.com");
        String c = r.newSession(true).scrub("carol@example.com");
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertTrue(a.matches("\\[\\[VEIL:EMAIL_ADDRESS#[0-9a-f]{12}]]"), a);
    }

    @Test
    void removeDeletesAndPerDetectorOperatorWinsOverCategory() {
        Redactor r = redactor("veil.redact.operator.pii", "remove", "veil.redact.operator.detectors", "email_address=placeholder");
        assertEquals("to [[VEIL:EMAIL_ADDRESS_1]]", r.newSession(true).scrub("to alice@example.com"));
        Redactor removeAll = redactor("veil.redact.operator", "remove");
        assertEquals("to ", removeAll.newSession(true).scrub("to alice@example.com"));
    }

    @Test
    void allowlistedValuesAreLeftAlone() {
        Redactor r = redactor("veil.detect.allow", "support@veil.dev", "veil.detect.allow-patterns", ".*@example\\.org");
        String text = "support@veil.dev or ops@example.org but not alice@example.com";
        assertEquals("support@veil.dev or ops@example.org but not [[VEIL:EMAIL_ADDRESS_1]]", r.newSession(true).scrub(text));
    }

    @Test
    void disabledCategoryIsNotDetected() {
        Redactor r = redactor("veil.detect.disabled", "pii");
        String text = "alice@example.com";
        assertSame(text, r.newSession(true).scrub(text));
        assertFalse(r.engine().isEnabled(dev.veil.agent.detect.Detector.EMAIL_ADDRESS));
    }

    private static String stars(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append('*');
        }
        return sb.toString();
    }
}
