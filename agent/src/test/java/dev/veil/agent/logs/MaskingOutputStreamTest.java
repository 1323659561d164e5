package dev.veil.agent.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MaskingOutputStreamTest {

    /** Masks the word SECRET42 (stands in for the engine). */
    private static final MaskingOutputStream.LineMasker MASKER = new MaskingOutputStream.LineMasker() {
        @Override
        public boolean mayHoldSecret(CharSequence line) {
            return line.toString().contains("SECRET");
        }

        @Override
        public String mask(String line) {
            return line.contains("SECRET42") ? line.replace("SECRET42", "[[VEIL:X]]") : line;
        }
    };

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final MaskingOutputStream out = new MaskingOutputStream(sink, MASKER);

    @Test
    void cleanBytesPassUnchangedWhateverTheCharset() throws IOException {
        byte[] utf8 = "héllo wörld — ✓ 日本\nsecond line\n".getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, 7);
        out.write(utf8, 7, utf8.length - 7);
        assertArrayEquals(utf8, sink.toByteArray());
    }

    @Test
    void aSecretIsMaskedAndTheRestOfTheBytesKept() throws IOException {
        byte[] line = "naïve SECRET42 — ok\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : line) {
            out.write(b);
        }
        assertEquals("naïve [[VEIL:X]] — ok\n", new String(sink.toByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void aSecretSplitAcrossWritesOfOneLineIsMasked() throws IOException {
        out.write("before SECR".getBytes(StandardCharsets.US_ASCII));
        out.write("ET42 after\nnext".getBytes(StandardCharsets.US_ASCII));
        assertEquals("before [[VEIL:X]] after\n", new String(sink.toByteArray(), StandardCharsets.US_ASCII));
        out.flush();
        assertEquals("before [[VEIL:X]] after\nnext", new String(sink.toByteArray(), StandardCharsets.US_ASCII));
    }

    @Test
    void flushWritesAPartialLine() throws IOException {
        PrintStream ps = new PrintStream(out, false, "UTF-8");
        ps.print("Enter your name: ");
        ps.flush();
        assertEquals("Enter your name: ", new String(sink.toByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void linesKeepTheirOrder() throws IOException {
        PrintStream ps = new PrintStream(out, true, "UTF-8");
        for (int i = 0; i < 100; i++) {
            ps.println(i % 7 == 0 ? "line " + i + " SECRET42" : "line " + i);
        }
        String[] lines = new String(sink.toByteArray(), StandardCharsets.UTF_8).split("\n");
        assertEquals(100, lines.length);
        for (int i = 0; i < 100; i++) {
            assertEquals(i % 7 == 0 ? "line " + i + " [[VEIL:X]]" : "line " + i, lines[i]);
        }
    }
}
