package dev.veil.agent.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.veil.agent.config.ConfigException;
import dev.veil.agent.config.VeilConfig;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionSettingsTest {

    private static VeilConfig config(String key, String value) {
        return VeilConfig.of(Collections.singletonMap(key, value));
    }

    @Test
    void badCustomPatternFailsConfigLoadWithOneLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> config("veil.detect.custom", "x=("));
        assertEquals("invalid value '(' for veil.detect.custom.x (missing closing ))", e.getMessage());
    }

    @Test
    void customPatternThatMatchesEmptyTextIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> config("veil.detect.custom", "x=a*"));
        assertEquals("invalid value 'a*' for veil.detect.custom.x (the pattern matches empty text)", e.getMessage());
    }

    @Test
    void customIdsMustNotShadowBuiltIns() {
        assertThrows(ConfigException.class, () -> config("veil.detect.custom", "email_address=foo"));
        assertThrows(ConfigException.class, () -> config("veil.detect.custom", "Bad-Id=foo"));
        assertThrows(ConfigException.class, () -> config("veil.detect.custom", "a=x1,a=x2"));
    }

    @Test
    void unknownDetectorIdInDisabledListFails() {
        ConfigException e = assertThrows(ConfigException.class, () -> config("veil.detect.disabled", "email, pii"));
        assertEquals("invalid value 'email' for veil.detect.disabled (expected a detector id from docs/DETECTORS.md"
                + " or secret, pii)", e.getMessage());
    }

    @Test
    void customDetectorsSplitOnTopLevelCommasOnlyAndRedactGroupOne() {
        Engine engine = Engine.fromConfig(config("veil.detect.custom",
                "employee_id=EMP-[0-9]{4,6}, ticket:pii=(?:ticket|case) #([A-Z]{2,3}-[0-9]+)"));
        String text = "EMP-12345 opened ticket #OPS-991 for EMP-7";
        List<Finding> found = engine.scan(text);
        assertEquals(2, found.size(), found.toString());
        assertEquals("employee_id", found.get(0).detectorId());
        assertEquals("EMP-12345", text.substring(found.get(0).start(), found.get(0).end()));
        assertEquals("ticket", found.get(1).detectorId());
        assertEquals(Category.PII, found.get(1).category());
        assertEquals("OPS-991", text.substring(found.get(1).start(), found.get(1).end()));
    }

    @Test
    void patternListKeepsCommasInsideGroupsClassesAndCounts() {
        assertEquals(java.util.Arrays.asList("a{1,2}", "[,;]x", "(a,b)", "c\\,d"), PatternList.split("a{1,2}, [,;]x ,(a,b),c\\,d"));
    }

    @Test
    void operatorEntriesAreValidated() {
        assertThrows(ConfigException.class, () -> config("veil.redact.operator.detectors", "email_address=blur"));
        assertThrows(ConfigException.class, () -> config("veil.redact.operator", "scramble"));
    }
}
