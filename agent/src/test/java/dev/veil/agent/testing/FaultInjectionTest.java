package dev.veil.agent.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.llm.ResponseInfo;
import dev.veil.agent.llm.ResponseParser;
import dev.veil.agent.redact.Redactor;
import org.junit.jupiter.api.Test;

/** The testing-only seam: off unless the exact property is set; what each trigger does when it is on. */
class FaultInjectionTest {

    @Test
    void offByDefaultSoTriggersInPromptsAreJustText() {
        assertFalse(FaultInjection.ENABLED, "fault injection must be off unless -D" + FaultInjection.PROPERTY + " is set");
        String text = "VEIL_TEST_FAULT(oom) mail max.mustermann@example.net";
        String scrubbed = Redactor.fromConfig(VeilConfig.defaults()).newSession(true).scrub(text);
        assertTrue(scrubbed.startsWith("VEIL_TEST_FAULT(oom) mail [[VEIL:"), scrubbed);
    }

    @Test
    void eachTriggerThrowsItsThrowable() {
        assertThrows(OutOfMemoryError.class, () -> FaultInjection.engine("x VEIL_TEST_FAULT(oom) y"));
        assertThrows(StackOverflowError.class, () -> FaultInjection.engine("VEIL_TEST_FAULT(stackoverflow)"));
        assertThrows(NoClassDefFoundError.class, () -> FaultInjection.engine("VEIL_TEST_FAULT(linkage)"));
        assertThrows(IllegalStateException.class, () -> FaultInjection.engine("VEIL_TEST_FAULT(runtime)"));
        FaultInjection.engine("no trigger here");
    }

    @Test
    void parserTriggerIsTheContentType() {
        ResponseParser quiet = new ResponseParser() {
            @Override
            public void onBytes(byte[] b, int off, int len) {
            }

            @Override
            public void onHeader(String name, String value) {
            }

            @Override
            public void onEnd() {
            }

            @Override
            public ResponseInfo result() {
                return null;
            }
        };
        assertSame(quiet, FaultInjection.parser(quiet, "application/json"));
        assertSame(quiet, FaultInjection.parser(quiet, null));
        ResponseParser broken = FaultInjection.parser(quiet, "text/event-stream; veil-test-fault=parser-oom");
        assertNotSame(quiet, broken);
        assertThrows(OutOfMemoryError.class, () -> broken.onBytes(new byte[1], 0, 1));
        assertThrows(IllegalStateException.class,
                () -> FaultInjection.parser(quiet, "application/json; veil-test-fault=parser").onEnd());
    }
}
