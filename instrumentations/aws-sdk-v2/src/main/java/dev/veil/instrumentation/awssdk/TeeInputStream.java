package dev.veil.instrumentation.awssdk;

import dev.veil.bootstrap.Veil;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The response body of a synchronous call as the SDK reads it: every byte is shown to Veil as it passes,
 * unchanged. The end of the body (or a read error) ends the call; the interceptor ends it otherwise.
 */
final class TeeInputStream extends FilterInputStream {

    private final Object call;

    TeeInputStream(InputStream in, Object call) {
        super(in);
        this.call = call;
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = super.read();
        } catch (IOException | RuntimeException e) {
            Veil.callEnded(call, e);
            throw e;
        }
        if (b == -1) {
            Veil.callEnded(call, null);
        } else {
            Veil.responseChunk(call, new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(b, off, len);
        } catch (IOException | RuntimeException e) {
            Veil.callEnded(call, e);
            throw e;
        }
        if (n == -1) {
            Veil.callEnded(call, null);
        } else {
            Veil.responseChunk(call, b, off, n);
        }
        return n;
    }

    /** Skipped bytes are read, so Veil sees them too. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r == -1) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: a reset would show Veil the same bytes twice
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
