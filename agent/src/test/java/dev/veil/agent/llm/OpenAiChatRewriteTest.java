package dev.veil.agent.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OpenAiChatRewriteTest {
    private static final String CHAT = "https://api.openai.com/v1/chat/completions";

    @Test
    void stringContentIsRedactedAndParametersRead() {
        RewriteResult r = RedactionCheck.check(CHAT, "request/openai-chat-string.json");
        RequestInfo info = r.info();
        assertTrue(info.model().startsWith("gpt-4o-mini-KEEPME-"));
        assertEquals(Double.valueOf(0.2), info.temperature());
        assertEquals(Double.valueOf(0.9), info.topP());
        assertEquals(Long.valueOf(512), info.maxTokens());
        assertEquals(Long.valueOf(1), info.choiceCount());
        assertEquals(Long.valueOf(42), info.seed());
        assertEquals(Double.valueOf(-0.25), info.presencePenalty());
        assertEquals(Arrays.asList("\n\nUser:", "END-[REDACTED]"), info.stopSequences());
        assertNull(info.stream());
        assertEquals("chat", info.operation());
    }

    @Test
    void textPartsAreRedactedMediaLeftAlone() {
        RewriteResult r = RedactionCheck.check(CHAT, "request/openai-chat-parts.json");
        assertEquals(Boolean.FALSE, r.info().stream());
        assertEquals(Long.valueOf(300), r.info().maxTokens());
    }

    @Test
    void toolArgumentsAreRedactedInsideTheirJsonString() {
        RewriteResult r = RedactionCheck.check(CHAT, "request/openai-chat-tools.json");
        String out = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(out.contains("\"arguments\": \"{\\\"name\\\":\\\"[REDACTED]\\\",\\\"party\\\":4"));
    }

    @Test
    void cleanBodyIsReturnedAsTheSameInstance() {
        byte[] body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        CanaryScrubber scrubber = new CanaryScrubber();
        RewriteResult r = RequestRewriter.rewrite(Endpoints.match(CHAT), body, null, scrubber);
        assertSame(body, r.body());
        assertFalse(r.changed());
        assertEquals(Arrays.asList("hello"), scrubber.seen);
        assertEquals("gpt-4o", r.info().model());
    }

    @Test
    void notJsonIsScrubbedAsText() {
        String secret = Fixtures.marker("CANARY-");
        byte[] body = ("{\"model\":\"gpt-4o\",\"messages\":[{\"content\":\"" + secret + "\"").getBytes(StandardCharsets.UTF_8);
        RewriteResult r = RequestRewriter.rewrite(Endpoints.match(CHAT), body, null, new CanaryScrubber());
        assertTrue(r.changed());
        assertEquals("{\"model\":\"gpt-4o\",\"messages\":[{\"content\":\"[REDACTED]\"", new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void escapedSecretIsFoundAndReencoded() {
        String secret = Fixtures.marker("CANARY-");
        String escaped = secret.replace("C", "\\u0043");
        byte[] body = ("{\"messages\":[{\"role\":\"user\",\"content\":\"a\\/b\\t" + escaped + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        RewriteResult r = RequestRewriter.rewrite(Endpoints.match(CHAT), body, null, new CanaryScrubber());
        assertArrayEquals("{\"messages\":[{\"role\":\"user\",\"content\":\"a/b\\t[REDACTED]\"}]}"
                .getBytes(StandardCharsets.UTF_8), r.body());
    }
}
