package dev.veil.agent.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * OpenAI's prompt-bearing endpoints beyond chat: images (generations: JSON; edits: multipart), audio
 * (speech: JSON; transcriptions and translations: multipart with an optional prompt) and moderations.
 */
class MediaEndpointsTest {
    private static final String CANARY = "CANARY-0123456789ab";

    private static void expect(String url, String operation, ApiFamily family) {
        EndpointMatch m = Endpoints.match(url);
        assertNotNull(m, url);
        assertEquals("openai", m.provider(), url);
        assertEquals(operation, m.operation(), url);
        assertEquals(family, m.apiFamily(), url);
    }

    @Test
    void endpointsAreRecognisedOnOpenAiAzureAndOtherHosts() {
        expect("https://api.openai.com/v1/images/generations", "generate_content", ApiFamily.OPENAI_IMAGES);
        expect("https://api.openai.com/v1/images/edits", "generate_content", ApiFamily.OPENAI_IMAGES);
        expect("https://api.openai.com/v1/audio/speech", "generate_content", ApiFamily.OPENAI_AUDIO);
        expect("https://api.openai.com/v1/audio/transcriptions", "generate_content", ApiFamily.OPENAI_AUDIO);
        expect("https://api.openai.com/v1/audio/translations", "generate_content", ApiFamily.OPENAI_AUDIO);
        expect("https://api.openai.com/v1/moderations", "moderations", ApiFamily.OPENAI_MODERATIONS);
        expect("http://127.0.0.1:8000/v1/images/generations", "generate_content", ApiFamily.OPENAI_IMAGES);
        EndpointMatch azure = Endpoints.match(
                "https://contoso.openai.azure.com/openai/deployments/dalle3/images/generations?api-version=2024-10-21");
        assertEquals(ApiFamily.OPENAI_IMAGES, azure.apiFamily());
        assertEquals("azure.ai.openai", azure.provider());
        assertEquals("dalle3", azure.modelFromPath());
        // unversioned look-alikes on unknown hosts stay untouched
        assertEquals(null, Endpoints.match("https://cdn.example.com/images/generations"));
        assertEquals(null, Endpoints.match("https://forum.example.com/moderations"));
    }

    @Test
    void jsonPromptsAreRedactedAndStructureKept() {
        RewriteResult img = rewrite("https://api.openai.com/v1/images/generations",
                "{\"model\":\"gpt-image-1\",\"prompt\":\"a poster for " + CANARY + "\",\"size\":\"1024x1024\",\"n\":1}");
        assertEquals("{\"model\":\"gpt-image-1\",\"prompt\":\"a poster for [REDACTED]\",\"size\":\"1024x1024\",\"n\":1}",
                text(img));
        assertEquals("gpt-image-1", img.info().model());
        assertEquals("generate_content", img.info().operation());
        RewriteResult speech = rewrite("https://api.openai.com/v1/audio/speech",
                "{\"model\":\"gpt-4o-mini-tts\",\"input\":\"read " + CANARY + " aloud\",\"voice\":\"alloy\"}");
        assertEquals("{\"model\":\"gpt-4o-mini-tts\",\"input\":\"read [REDACTED] aloud\",\"voice\":\"alloy\"}", text(speech));
        RewriteResult mod = rewrite("https://api.openai.com/v1/moderations",
                "{\"model\":\"omni-moderation-latest\",\"input\":[{\"type\":\"text\",\"text\":\"" + CANARY + "\"},"
                        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"}}]}");
        assertTrue(text(mod).contains("\"text\":\"[REDACTED]\""), text(mod));
        assertEquals("moderations", mod.info().operation());
    }

    @Test
    void multipartImageEditRedactsTextFieldsAndKeepsFilesByteForByte() {
        byte[] png = binary(7, 5000);
        byte[] body = multipart("----VeilBoundary7MA4YWxk",
                field("model", "gpt-image-1"),
                file("image[]", "photo.png", "image/png", png),
                field("prompt", "replace the sign with " + CANARY + " and keep the rest"),
                field("size", "1024x1024"));
        RewriteResult r = rewrite("https://api.openai.com/v1/images/edits", body);
        assertTrue(r.changed());
        byte[] expected = multipart("----VeilBoundary7MA4YWxk",
                field("model", "gpt-image-1"),
                file("image[]", "photo.png", "image/png", png),
                field("prompt", "replace the sign with [REDACTED] and keep the rest"),
                field("size", "1024x1024"));
        assertArrayEquals(expected, r.body());
        assertEquals("gpt-image-1", r.info().model());
    }

    @Test
    void multipartWithNothingToRedactIsSentAsItWas() {
        byte[] body = multipart("b0undary", field("model", "whisper-1"), file("file", "a.mp3", "audio/mpeg", binary(8, 3000)),
                field("prompt", "names: Ada, Grace"));
        RewriteResult r = rewrite("https://api.openai.com/v1/audio/transcriptions", body);
        assertFalse(r.changed());
        assertSame(body, r.body());
        assertEquals("whisper-1", r.info().model());
    }

    @Test
    void brokenMultipartWithBinaryIsRefusedNotSent() {
        byte[] body = multipart("b0undary", field("prompt", CANARY), file("file", "a.mp3", "audio/mpeg", binary(9, 3000)));
        byte[] cut = java.util.Arrays.copyOf(body, body.length - 40); // no close delimiter
        assertThrows(WireFormatException.class, () -> rewrite("https://api.openai.com/v1/audio/transcriptions", cut));
    }

    @Test
    void unreadableRequestEncodingsSayWhy() {
        WireFormatException e = assertThrows(WireFormatException.class, () -> RequestRewriter.rewrite(
                Endpoints.match("https://api.openai.com/v1/chat/completions"), new byte[] {1, 2, 3}, "br", new CanaryScrubber()));
        assertTrue(e.getMessage().contains("'br'") && e.getMessage().contains("gzip and deflate"), e.getMessage());
    }

    @Test
    void generatedSpeechIsNotParsedAsJson() {
        EndpointMatch m = Endpoints.match("https://api.openai.com/v1/audio/speech");
        ResponseParser p = ResponseParsers.forResponse(m, null, "audio/mpeg", null);
        byte[] mp3 = binary(10, 20000);
        p.onBytes(mp3, 0, mp3.length);
        p.onEnd();
        assertFalse(p.result().malformed());
    }

    private static RewriteResult rewrite(String url, String body) {
        return rewrite(url, body.getBytes(StandardCharsets.UTF_8));
    }

    private static RewriteResult rewrite(String url, byte[] body) {
        return RequestRewriter.rewrite(Endpoints.match(url), body, null, new CanaryScrubber());
    }

    private static String text(RewriteResult r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static byte[] binary(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[][] field(String name, String value) {
        return new byte[][] {("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8),
            value.getBytes(StandardCharsets.UTF_8)};
    }

    private static byte[][] file(String name, String filename, String type, byte[] content) {
        return new byte[][] {("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8), content};
    }

    private static byte[] multipart(String boundary, byte[][]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[][] p : parts) {
            out.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8), 0, boundary.length() + 4);
            out.write(p[0], 0, p[0].length);
            out.write(p[1], 0, p[1].length);
            out.write('\r');
            out.write('\n');
        }
        byte[] close = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        out.write(close, 0, close.length);
        return out.toByteArray();
    }
}
