package dev.veil.instrumentation.apache.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RequestTargetTest {

    @Test
    void aRelativeTargetKeepsTheConnectionTarget() {
        RequestTarget t = RequestTarget.of("https", "api.openai.com", -1, "/v1/chat/completions?x=1#frag");
        assertEquals("https", t.scheme);
        assertEquals("api.openai.com", t.host);
        assertEquals(-1, t.port);
        assertEquals("/v1/chat/completions", t.rawPath);
        assertEquals("x=1", t.rawQuery);
    }

    @Test
    void anAbsoluteTargetGivesItsPathAndQuery() {
        RequestTarget t = RequestTarget.of("http", "127.0.0.1", 8080, "http://127.0.0.1:8080/api/chat?stream=true");
        assertEquals("127.0.0.1", t.host);
        assertEquals(8080, t.port);
        assertEquals("/api/chat", t.rawPath);
        assertEquals("stream=true", t.rawQuery);
    }

    @Test
    void withoutAConnectionTargetTheAbsoluteTargetNamesTheHost() {
        RequestTarget t = RequestTarget.of(null, null, -1, "https://user@[::1]:8443/v1/messages");
        assertEquals("https", t.scheme);
        assertEquals("::1", t.host);
        assertEquals(8443, t.port);
        assertEquals("/v1/messages", t.rawPath);
        assertNull(t.rawQuery);
    }

    @Test
    void anEmptyOrHostOnlyTargetIsTheRoot() {
        assertEquals("/", RequestTarget.of("http", "h", -1, "").rawPath);
        assertEquals("/", RequestTarget.of("http", "h", -1, "http://h:1").rawPath);
        assertEquals(1, RequestTarget.of(null, null, -1, "http://h:1").port);
    }

    @Test
    void aColonInThePathIsNotAScheme() {
        RequestTarget t = RequestTarget.of("https", "g.example", -1, "/v1/models/gemini:generateContent?alt=sse");
        assertEquals("/v1/models/gemini:generateContent", t.rawPath);
        assertEquals("g.example", t.host);
        assertEquals("alt=sse", t.rawQuery);
    }
}
