package dev.veil.agent.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Line-buffered masking in front of a console stream. Bytes are held until a line ends ({@code \n}) or
 * the writer flushes, then written in one piece: as they came when the line is clean (no copy, no
 * decoding), masked otherwise. Masking works on the bytes read as ISO-8859-1, so every byte outside a
 * masked span is written back unchanged whatever the stream's ASCII-compatible charset (secrets and
 * placeholders are ASCII). Nothing is dropped or reordered; a line longer than the buffer is masked and
 * written in pieces.
 */
final class MaskingOutputStream extends OutputStream {

    /** Masks one line of text; same instance when clean. */
    interface LineMasker {
        boolean mayHoldSecret(CharSequence line);

        String mask(String line);
    }

    private static final int MAX_LINE = 64 * 1024;

    private final OutputStream out;
    private final LineMasker masker;
    private byte[] buf = new byte[256];
    private int count;
    private final Latin1View view = new Latin1View();

    MaskingOutputStream(OutputStream out, LineMasker masker) {
        this.out = out;
        this.masker = masker;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        append((byte) b);
        if (b == '\n' || count >= MAX_LINE) {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int end = off + len;
        int start = off;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                if (count == 0) {
                    emitDirect(b, start, i + 1 - start);
                } else {
                    appendAll(b, start, i + 1 - start);
                    emit();
                }
                start = i + 1;
            }
        }
        if (start < end) {
            appendAll(b, start, end - start);
            if (count >= MAX_LINE) {
                emit();
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        emit();
        out.close();
    }

    private void emit() throws IOException {
        if (count > 0) {
            emitDirect(buf, 0, count);
            count = 0;
            if (buf.length > 8192) {
                buf = new byte[256];
            }
        }
    }

    /** Writes [off, off+len) (whole lines, or what a flush asks for), masked when needed. */
    private void emitDirect(byte[] b, int off, int len) throws IOException {
        view.reset(b, off, len);
        if (masker.mayHoldSecret(view)) {
            String line = new String(b, off, len, StandardCharsets.ISO_8859_1);
            String masked = masker.mask(line);
            if (masked != line) {
                byte[] bytes = masked.getBytes(StandardCharsets.ISO_8859_1);
                out.write(bytes, 0, bytes.length);
                return;
            }
        }
        out.write(b, off, len);
    }

    private void append(byte b) {
        if (count == buf.length) {
            grow(count + 1);
        }
        buf[count++] = b;
    }

    private void appendAll(byte[] b, int off, int len) {
        if (count + len > buf.length) {
            grow(count + len);
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    private void grow(int min) {
        byte[] bigger = new byte[Math.max(min, buf.length * 2)];
        System.arraycopy(buf, 0, bigger, 0, count);
        buf = bigger;
    }

    /** The bytes as ISO-8859-1 characters, without copying. */
    private static final class Latin1View implements CharSequence {
        private byte[] b;
        private int off;
        private int len;

        void reset(byte[] bytes, int offset, int length) {
            b = bytes;
            off = offset;
            len = length;
        }

        @Override
        public int length() {
            return len;
        }

        @Override
        public char charAt(int index) {
            return (char) (b[off + index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(b, off + start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
    }
}
