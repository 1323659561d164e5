package dev.veil.instrumentation.huc;

import dev.veil.bootstrap.Veil;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CancellationException;

/**
 * The app's response stream, unchanged: every byte it reads is shown to Veil as it reads it. The end of
 * the stream, a read failure or an early close ends the call once. No mark/reset (bytes read twice would
 * be shown twice).
 */
final class TeeInputStream extends FilterInputStream {

    private final Object call;
    private boolean ended;

    TeeInputStream(InputStream in, Object call) {
        super(in);
        this.call = call;
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = in.read();
        } catch (IOException | RuntimeException e) {
            end(e);
            throw e;
        }
        if (b == -1) {
            end(null);
        } else {
            Veil.responseChunk(call, new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException | RuntimeException e) {
            end(e);
            throw e;
        }
        if (n == -1) {
            end(null);
        } else if (n > 0) {
            Veil.responseChunk(call, b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes are read, so the parser sees the whole body.
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        int read = n <= 0 ? 0 : read(scratch, 0, scratch.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    @Override
    public void close() throws IOException {
        end(new CancellationException("the application closed the response body before its end"));
        super.close();
    }

    private synchronized void end(Throwable failure) {
        if (!ended) {
            ended = true;
            Veil.callEnded(call, failure);
        }
    }
}
