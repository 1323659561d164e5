package dev.veil.agent.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

/** Encodings, size limits, stream-usage injection and body confirmation, common to every family. */
class RequestMechanicsTest {
    private static final String CHAT = "https://api.openai.com/v1/chat/completions";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String rewrite(String url, String body) {
        RewriteResult r = RequestRewriter.rewrite(Endpoints.match(url), utf8(body), null, new CanaryScrubber());
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void gzipBodyIsRedactedAndRecompressed() throws IOException {
        String input = Fixtures.planted("request/openai-chat-string.json");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(utf8(input));
        }
        RewriteResult r = RequestRewriter.rewrite(Endpoints.match(CHAT), gz.toByteArray(), "gzip", new CanaryScrubber());
        String plain = new String(Fixtures.readAll(new GZIPInputStream(new ByteArrayInputStream(r.body()))), StandardCharsets.UTF_8);
        assertFalse(plain.contains("CANARY-"));
        assertTrue(plain.contains("[REDACTED]"));
    }

    @Test
    void deflateBodyKeepsItsWrapping() throws IOException {
        String secret = Fixtures.marker("CANARY-");
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(z)) {
            out.write(utf8("{\"messages\":[{\"role\":\"user\",\"content\":\"" + secret + "\"}]}"));
        }
        RewriteResult r = RequestRewriter.rewrite(Endpoints.match(CHAT), z.toByteArray(), "deflate", new CanaryScrubber());
        String plain = new String(Fixtures.readAll(new InflaterInputStream(new ByteArrayInputStream(r.body()))), StandardCharsets.UTF_8);
        assertEquals("{\"messages\":[{\"role\":\"user\",\"content\":\"[REDACTED]\"}]}", plain);
    }

    @Test
    void cleanCompressedBodyIsSentAsItWas() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(utf8("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        }
        byte[] body = gz.toByteArray();
        assertSame(body, RequestRewriter.rewrite(Endpoints.match(CHAT), body, "gzip", new CanaryScrubber()).body());
    }

    @Test
    void failuresAreReportedNotIgnored() {
        EndpointMatch small = Endpoints.match(Endpoints.registry("veil.prompt.max-bytes", "64"), "POST", CHAT);
        byte[] big = new byte[65];
        assertThrows(WireFormatException.class, () -> RequestRewriter.rewrite(small, big, null, new CanaryScrubber()));
        assertThrows(WireFormatException.class,
                () -> RequestRewriter.rewrite(Endpoints.match(CHAT), utf8("{}"), "br", new CanaryScrubber()));
        assertThrows(WireFormatException.class,
                () -> RequestRewriter.rewrite(Endpoints.match(CHAT), utf8("not gzip"), "gzip", new CanaryScrubber()));
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0, 1};
        assertThrows(WireFormatException.class,
                () -> RequestRewriter.rewrite(Endpoints.match(CHAT), binary, null, new CanaryScrubber()));
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            deep.append('[');
        }
        assertThrows(WireFormatException.class,
                () -> RequestRewriter.rewrite(Endpoints.match(CHAT), utf8(deep.toString()), null, new CanaryScrubber()));
    }

    @Test
    void gzipBombStopsAtTheLimit() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(new byte[100_000]);
        }
        EndpointMatch small = Endpoints.match(Endpoints.registry("veil.prompt.max-bytes", "64KiB"), "POST", CHAT);
        assertThrows(WireFormatException.class,
                () -> RequestRewriter.rewrite(small, gz.toByteArray(), "gzip", new CanaryScrubber()));
    }

    @Test
    void streamUsageIsInjectedOnlyWhereNeeded() {
        assertEquals("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
                rewrite(CHAT, "{\"model\":\"m\",\"stream\":true}"));
        assertEquals("{\"stream\":true,\"stream_options\":{\"include_usage\":true,\"include_obfuscation\":false}}",
                rewrite(CHAT, "{\"stream\":true,\"stream_options\":{\"include_obfuscation\":false}}"));
        assertEquals("{\"stream\":true,\"stream_options\":{ \"include_usage\" : true }}",
                rewrite(CHAT, "{\"stream\":true,\"stream_options\":{ \"include_usage\" : false }}"));
        assertEquals("{\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
                rewrite(CHAT, "{\"stream\":true,\"stream_options\":null}"));
        assertEquals("{\"stream\":false}", rewrite(CHAT, "{\"stream\":false}"));
        byte[] already = utf8("{\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
        RewriteResult r = RequestRewriter.rewrite(Endpoints.match(CHAT), already, null, new CanaryScrubber());
        assertSame(already, r.body());
        assertFalse(r.usageInjected());
        assertTrue(r.info().includeUsage());
        RewriteResult injected = RequestRewriter.rewrite(Endpoints.match(CHAT), utf8("{\"stream\":true}"), null,
                new CanaryScrubber());
        assertTrue(injected.usageInjected());
        assertTrue(injected.info().includeUsage());
        assertEquals("{\"stream\":true}", rewrite("http://vllm:8000/v1/chat/completions", "{\"stream\":true}"));
    }

    @Test
    void genericPathNeedsAModelToBeAnLlmCall() {
        String secret = Fixtures.marker("CANARY-");
        byte[] app = utf8("{\"message\":\"" + secret + "\"}");
        RewriteResult notLlm = RequestRewriter.rewrite(Endpoints.match("http://backend/api/chat"), app, null,
                new CanaryScrubber());
        assertFalse(notLlm.recognized());
        assertSame(app, notLlm.body());
        byte[] ollama = utf8("{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"" + secret + "\"}]}");
        RewriteResult llm = RequestRewriter.rewrite(Endpoints.match("http://backend/api/chat"), ollama, null,
                new CanaryScrubber());
        assertTrue(llm.recognized());
        assertArrayEquals(utf8("{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"[REDACTED]\"}]}"),
                llm.body());
        assertEquals(Boolean.TRUE, llm.info().stream(), "Ollama streams by default");
    }
}
