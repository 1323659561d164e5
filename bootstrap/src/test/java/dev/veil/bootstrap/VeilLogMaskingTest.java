package dev.veil.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The log entry points of {@link Veil}: copy-on-write masking, throwables, and the fail-safe. */
class VeilLogMaskingTest {

    /** Masks the word TOPSECRET; throws on lines containing BOOM (an internal failure). */
    static final class FakeHooks extends NoOpHooks {
        @Override
        public String maskLog(String text) {
            if (text.contains("BOOM")) {
                throw new IllegalStateException("engine failure");
            }
            return text.contains("TOPSECRET") ? text.replace("TOPSECRET", "[[VEIL:X]]") : text;
        }

        @Override
        public boolean logMayHoldSecret(CharSequence text) {
            return text.toString().contains("TOPSECRET") || text.toString().contains("BOOM");
        }

        @Override
        public long maxPromptBytes() {
            return 1;
        }
    }

    @BeforeAll
    static void install() {
        Veil.install(new FakeHooks());
    }

    @Test
    void aFailureMasksEverySecretShapedTokenInsteadOfReturningTheRawText() {
        String key = "sk-" + "Zq8XwN2pL5vR7tY1uI3oK9mJ4hG6fD0s";
        String masked = Veil.maskLog("BOOM while logging " + key);
        assertFalse(masked.contains("Zq8XwN2pL5vR7tY1"), masked);
        assertTrue(masked.startsWith("BOOM while logging "), masked);
    }

    @Test
    void argumentsAndMapsAreCopiedOnlyWhenSomethingChanged() {
        Object[] clean = {"a", 1, "b"};
        assertSame(clean, Veil.maskLogArguments(clean));
        Object[] dirty = {"a", "x TOPSECRET", 3};
        Object[] masked = Veil.maskLogArguments(dirty);
        assertEquals("x [[VEIL:X]]", masked[1]);
        assertEquals("x TOPSECRET", dirty[1], "the application's array is not modified");

        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("user", "alice");
        assertSame(mdc, Veil.maskLogMap(mdc));
        mdc.put("token", "TOPSECRET");
        Map<String, String> maskedMdc = Veil.maskLogMap(mdc);
        assertEquals("[[VEIL:X]]", maskedMdc.get("token"));
        assertEquals("alice", maskedMdc.get("user"));
        assertEquals("TOPSECRET", mdc.get("token"));
    }

    @Test
    void throwablesAreReplacedOnlyWhenTheirChainHoldsASecret() {
        RuntimeException clean = new RuntimeException("fine", new IllegalStateException("also fine"));
        assertSame(clean, Veil.maskThrowable(clean));

        IllegalStateException e = new IllegalStateException("outer", new java.io.IOException("cause TOPSECRET"));
        e.addSuppressed(new RuntimeException("suppressed TOPSECRET"));
        Throwable masked = Veil.maskThrowable(e);
        StringWriter printed = new StringWriter();
        masked.printStackTrace(new PrintWriter(printed));
        String text = printed.toString();
        assertFalse(text.contains("TOPSECRET"), text);
        assertTrue(text.startsWith("java.lang.IllegalStateException: outer"), text);
        assertTrue(text.contains("Caused by: java.io.IOException: cause [[VEIL:X]]"), text);
        assertTrue(text.contains("Suppressed: java.lang.RuntimeException: suppressed [[VEIL:X]]"), text);
        assertEquals(e.getStackTrace()[0], masked.getStackTrace()[0]);
    }
}
