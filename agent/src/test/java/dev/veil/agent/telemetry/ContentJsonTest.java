package dev.veil.agent.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.veil.agent.redact.PromptScrubber;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentJsonTest {

    /** Stands in for the redaction session: replaces the word CANARY. */
    private static final PromptScrubber SCRUBBER = new PromptScrubber() {
        @Override
        public String scrub(String text) {
            return text.replace("CANARY", "[[VEIL:X_1]]");
        }
    };

    @Test
    void scrubsEveryFreeTextStringButKeepsSchemaWords() {
        Map<String, Object> arguments = new LinkedHashMap<String, Object>();
        arguments.put("to", "CANARY");
        Map<String, Object> call = new LinkedHashMap<String, Object>();
        call.put("type", "tool_call");
        call.put("id", "call_CANARY");
        call.put("name", "send");
        call.put("arguments", arguments);
        String json = new ContentJson(SCRUBBER, 16384).array(Collections.singletonList(message("user", "hi CANARY", call)));
        assertFalse(json.contains("CANARY"), json);
        assertTrue(json.contains("\"role\":\"user\""), json);
        assertTrue(json.contains("\"to\":\"[[VEIL:X_1]]\""), json);
        assertValidJson(json);
    }

    @Test
    void staysValidJsonUnderTheCapWhateverItCutsAt() {
        List<Object> messages = new ArrayList<Object>();
        for (int i = 0; i < 20; i++) {
            messages.add(message(i % 2 == 0 ? "user" : "assistant",
                    "message " + i + " with \"quotes\", \\ backslashes, \n newlines, emoji \uD83D\uDE00 and é ", null));
        }
        String full = new ContentJson(SCRUBBER, Long.MAX_VALUE).array(messages);
        for (int cap = 2; cap < ContentJson.utf8(full) + 10; cap += 7) {
            String json = new ContentJson(SCRUBBER, cap).array(messages);
            assertTrue(ContentJson.utf8(json) <= Math.max(cap, 2), "over the cap " + cap + ": " + json);
            assertValidJson(json);
            assertFalse(json.contains("\\ufffd"), "a surrogate pair was split: " + json);
        }
        assertEquals(full, new ContentJson(SCRUBBER, ContentJson.utf8(full)).array(messages));
    }

    @Test
    void cutsTheTextOfTheFirstMessageThatDoesNotFit() {
        String json = new ContentJson(SCRUBBER, 80).array(Collections.singletonList(message("user", repeat('a', 500), null)));
        assertTrue(json.startsWith("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"aaa"), json);
        assertTrue(ContentJson.utf8(json) <= 80 && ContentJson.utf8(json) > 70, json);
        assertValidJson(json);
    }

    @Test
    void emptyListIsNoAttribute() {
        assertNull(new ContentJson(SCRUBBER, 100).array(Collections.emptyList()));
    }

    static Map<String, Object> message(String role, String text, Map<String, Object> extraPart) {
        List<Object> parts = new ArrayList<Object>();
        parts.add(PromptMessages.text(text));
        if (extraPart != null) {
            parts.add(extraPart);
        }
        Map<String, Object> m = new LinkedHashMap<String, Object>();
        m.put("role", role);
        m.put("parts", parts);
        return m;
    }

    static void assertValidJson(String json) {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            while (p.nextToken() != null) {
                // reads to the end; throws when invalid
            }
        } catch (Exception e) {
            throw new AssertionError("invalid JSON: " + json, e);
        }
    }

    private static String repeat(char c, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(c);
        }
        return sb.toString();
    }
}
