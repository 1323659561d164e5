package dev.veil.agent.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The properties every redacted request must have: no planted CANARY left, every KEEPME intact (those
 * fields never reach the scrubber), the output byte-identical to the input apart from the replaced
 * markers, and valid JSON.
 */
final class RedactionCheck {
    private RedactionCheck() {
    }

    /** Rewrites the planted fixture for {@code url} and checks it; returns the result for further checks. */
    static RewriteResult check(String url, String fixture) {
        EndpointMatch match = Endpoints.match(url);
        assertNotNull(match, url);
        return check(match, fixture);
    }

    static RewriteResult check(EndpointMatch match, String fixture) {
        String input = Fixtures.planted(fixture);
        CanaryScrubber scrubber = new CanaryScrubber();
        RewriteResult r = RequestRewriter.rewrite(match, input.getBytes(StandardCharsets.UTF_8), null, scrubber);
        String output = new String(r.body(), StandardCharsets.UTF_8);
        List<String> canaries = markers(input, "CANARY");
        List<String> keeps = markers(input, "KEEPME");
        assertFalse(canaries.isEmpty(), fixture + " plants no secret");
        assertTrue(r.changed(), fixture);
        for (String c : canaries) {
            assertFalse(output.contains(c), fixture + ": " + c + " leaked");
        }
        for (String k : keeps) {
            assertTrue(output.contains(k), fixture + ": " + k + " was altered");
            for (String s : scrubber.seen) {
                assertFalse(s.contains(k), fixture + ": structural value handed to the scrubber: " + k);
            }
        }
        String expected = input;
        for (String c : canaries) {
            expected = expected.replace(c, CanaryScrubber.PLACEHOLDER);
        }
        if (!r.usageInjected()) {
            assertEquals(expected, output, fixture + ": bytes other than the secrets changed");
        }
        assertValidJson(r.body());
        return r;
    }

    static List<String> markers(String s, String prefix) {
        List<String> out = new ArrayList<String>();
        Matcher m = CanaryScrubber.MARKER.matcher(s);
        while (m.find()) {
            if (m.group().startsWith(prefix)) {
                out.add(m.group());
            }
        }
        return out;
    }

    static void assertValidJson(byte[] body) {
        try (JsonParser p = new JsonFactory().createParser(body)) {
            while (p.nextToken() != null) {
                // reading every token is the check
            }
        } catch (IOException e) {
            fail("output is not valid JSON: " + e.getMessage());
        }
    }
}
