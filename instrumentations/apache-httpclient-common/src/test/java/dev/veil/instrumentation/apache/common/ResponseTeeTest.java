package dev.veil.instrumentation.apache.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tee hands the app exactly what the client's stream gives, shows Veil the same bytes, and ends each call once. */
class ResponseTeeTest {

    @BeforeAll
    static void installHooks() {
        TestHooks.install();
    }

    @Test
    void theAppReadsTheSameBytesAndVeilSeesThemAll() throws IOException {
        byte[] body = "data: {\"a\":1}\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
        TestHooks.Recorded call = new TestHooks.Recorded();
        ByteArrayOutputStream app = new ByteArrayOutputStream();
        try (InputStream in = new ResponseTee(new ByteArrayInputStream(body), call, false)) {
            byte[] buffer = new byte[7];
            int n;
            while ((n = in.read(buffer)) != -1) {
                app.write(buffer, 0, n);
            }
            assertEquals(-1, in.read());
        }
        assertArrayEquals(body, app.toByteArray());
        assertArrayEquals(body, call.seen.toByteArray());
        assertEquals(1, call.endCount, "ended once, at the end of the stream; close after it changes nothing");
        assertEquals(null, call.ends.get(0));
    }

    @Test
    void singleByteReadsAndSkipsAreTeedToo() throws IOException {
        byte[] body = "abcdef".getBytes(StandardCharsets.UTF_8);
        TestHooks.Recorded call = new TestHooks.Recorded();
        try (InputStream in = new ResponseTee(new ByteArrayInputStream(body), call, false)) {
            assertEquals('a', in.read());
            assertEquals(2, in.skip(2));
            assertEquals('d', in.read());
        }
        assertEquals("abcd", new String(call.seen.toByteArray(), StandardCharsets.UTF_8));
        assertTrue(call.ends.get(0) instanceof CancellationException, "closed before the end");
    }

    @Test
    void aReadErrorEndsTheCallWithIt() {
        TestHooks.Recorded call = new TestHooks.Recorded();
        IOException boom = new IOException("connection reset");
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw boom;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw boom;
            }
        };
        ResponseTee tee = new ResponseTee(failing, call, false);
        assertThrows(IOException.class, () -> tee.read(new byte[4], 0, 4));
        tee.endEarly();
        assertEquals(1, call.endCount);
        assertEquals(boom, call.ends.get(0));
    }

    @Test
    void theFilterGivesTheAppWhatVeilReleases() throws IOException {
        // TestHooks' filter drops every 'x' and releases "!" at the end.
        TestHooks.Recorded call = new TestHooks.Recorded();
        ByteArrayOutputStream app = new ByteArrayOutputStream();
        try (InputStream in = new ResponseTee(new ByteArrayInputStream("axxbxc".getBytes(StandardCharsets.UTF_8)), call, true)) {
            byte[] buffer = new byte[2];
            int n;
            while ((n = in.read(buffer)) != -1) {
                app.write(buffer, 0, n);
            }
        }
        assertEquals("abc!", new String(app.toByteArray(), StandardCharsets.UTF_8));
        assertEquals("axxbxc", new String(call.seen.toByteArray(), StandardCharsets.UTF_8));
        assertEquals(1, call.endCount);
    }
}
