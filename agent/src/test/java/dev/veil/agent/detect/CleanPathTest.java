package dev.veil.agent.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.redact.RedactionSession;
import dev.veil.agent.redact.Redactor;
import java.lang.management.ManagementFactory;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Clean text: nothing found, nothing allocated, the same instance back (the JMH gc profile shows the same). */
class CleanPathTest {

    private static String cleanText() {
        StringBuilder sb = new StringBuilder();
        for (Sample s : Samples.generate(5)) {
            if (s.detectorId.equals(Samples.TRAP)) {
                sb.append(s.text).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void cleanScanAllocatesNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        // a configured engine (custom detector list present but empty, allowlist set) must not allocate either
        Engine engine = Engine.fromConfig(VeilConfig.of(Collections.singletonMap("veil.detect.allow", "support@veil.dev")));
        String text = cleanText();
        assertTrue(engine.scan(text).isEmpty());
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        int n = 2000;
        for (int i = 0; i < n; i++) {
            engine.scan(text);
        }
        long perScan = (mx.getThreadAllocatedBytes(id) - before) / n;
        assertEquals(0, perScan, "bytes allocated per clean scan");
    }

    @Test
    void cleanScrubAndLogMaskReturnTheSameInstance() {
        Redactor redactor = Redactor.fromConfig(VeilConfig.defaults());
        String text = cleanText();
        RedactionSession session = redactor.newSession(true);
        assertSame(text, session.scrub(text));
        assertSame(text, redactor.maskLog(text));
        assertSame(text, redactor.maskLog(text, true));
        assertTrue(session.countsByDetector().isEmpty());
    }
}
