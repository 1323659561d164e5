package dev.veil.agent.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.detect.Sample;
import dev.veil.agent.detect.Samples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Secrets cut by a wire-log chunk boundary: every engine sample is sent as bytes cut in two socket
 * writes at several points inside its secret, rendered event by event exactly as the Apache HttpClient
 * wire logger does ({@link #wireEvents}), and each event is masked in order.
 */
class WireLogCarryTest {

    private static final LogMasker MASKER = new LogMasker(VeilConfig.defaults());

    /** The Apache HttpClient 4/5 {@code Wire} rendering of one socket write. */
    static List<String> wireEvents(String id, String chunk) {
        List<String> events = new ArrayList<String>();
        StringBuilder buffer = new StringBuilder();
        for (int i = 0; i < chunk.length(); i++) {
            char ch = chunk.charAt(i);
            if (ch == '\r') {
                buffer.append("[\\r]");
            } else if (ch == '\n') {
                buffer.append("[\\n]\"");
                events.add(id + " >> \"" + buffer);
                buffer.setLength(0);
            } else {
                buffer.append(ch);
            }
        }
        if (buffer.length() > 0) {
            events.add(id + " >> \"" + buffer + "\"");
        }
        return events;
    }

    private static String maskAll(String id, String bytes, int cut) {
        StringBuilder out = new StringBuilder();
        List<String> events = wireEvents(id, bytes.substring(0, cut));
        events.addAll(wireEvents(id, bytes.substring(cut)));
        for (String e : events) {
            String masked = MASKER.mask(e);
            assertTrue(masked.startsWith(id + " >> \""), "event kept its shape: " + masked);
            out.append(masked).append('\n');
        }
        return out.toString();
    }

    @Test
    void aSecretCutAnywhereIsMaskedInBothEvents() {
        int checked = 0;
        List<String> leaks = new ArrayList<String>();
        for (long seed = 1; seed <= 3; seed++) {
            for (Sample s : Samples.generate(seed)) {
                if (!s.isPositive() || s.value.length() < 16 || s.value.indexOf('\n') >= 0
                        || MASKER.mask(s.text).equals(s.text)) {
                    continue;
                }
                int at = s.text.indexOf(s.value);
                int len = s.value.length();
                for (int k : new int[] {2, 6, len / 2, len - 6, len - 2}) {
                    String out = maskAll("http-outgoing-" + checked, "POST /v1/x HTTP/1.1\r\n\r\n" + s.text, 24 + at + k);
                    checked++;
                    for (int i = 0; i + 10 <= len; i++) {
                        String window = s.value.substring(i, i + 10);
                        // PEM armour ("-----END OPENSSH PRIVATE KEY-----") is not secret
                        if (!window.contains("--") && !window.contains(" ") && out.contains(window)) {
                            leaks.add(s + " cut at " + k + ":\n" + out);
                            break;
                        }
                    }
                }
            }
        }
        if (!leaks.isEmpty()) {
            fail(leaks.size() + " of " + checked + " cuts leak, e.g.:\n" + String.join("\n", leaks.subList(0, Math.min(5, leaks.size()))));
        }
        assertTrue(checked > 300, "too few cuts: " + checked);
    }

    @Test
    void benignBodiesCutAnywhereStayIntact() {
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Summarise the quarterly"
                + " report for the board meeting on Thursday and list the open questions about the budget\"}]}";
        for (int cut = 1; cut < body.length(); cut++) {
            String out = maskAll("http-outgoing-9", body, cut);
            assertTrue(!out.contains("[[VEIL:"), "cut at " + cut + " masked benign text:\n" + out);
        }
    }

    @Test
    void headerValuesBeforeTheLineEndMarksAreMasked() {
        dev.veil.agent.detect.KeyGen g = new dev.veil.agent.detect.KeyGen(11);
        String hex = g.hex(32);
        String masked = MASKER.mask("http-outgoing-5 >> \"api-key: " + hex + "[\\r][\\n]\"");
        assertTrue(!masked.contains(hex.substring(0, 10)) && masked.endsWith("[\\r][\\n]\""), masked);
    }

    /** A password value on the line after its name: two wire events, one per line. */
    @Test
    void aValueOnTheLineAfterItsNameIsMasked() {
        dev.veil.agent.detect.KeyGen g = new dev.veil.agent.detect.KeyGen(12);
        String hex = g.hex(32);
        String out = maskAll("http-outgoing-77", "{\"note\":\"x\",\"password\":\n\"" + hex + "\",\"items\":3}\n", 5);
        assertTrue(!out.contains(hex.substring(0, 10)) && out.contains("\"items\":3}[\\n]\""), out);
    }

    @Test
    void theSameEventReadTwiceIsMaskedTheSameWay() {
        String first = "http-outgoing-3 >> \"Authorization: Bearer " + "abc" + "\"";
        String once = MASKER.mask(first);
        assertEquals(once, MASKER.mask(first));
        String clean = "http-outgoing-4 >> \"Host: api.example.com[\\r][\\n]\"";
        assertSame(clean, MASKER.mask(clean));
    }
}
