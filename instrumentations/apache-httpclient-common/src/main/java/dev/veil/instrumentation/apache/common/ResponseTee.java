package dev.veil.instrumentation.apache.common;

import dev.veil.bootstrap.Veil;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CancellationException;

/**
 * The response body stream the app reads. As a tee it returns exactly what the client's stream returns,
 * in the same read call, after showing those bytes to Veil; it never reads ahead. As a filter (only when
 * Veil added {@code stream_options.include_usage} to the request) it returns the bytes Veil gives back
 * instead. End of stream, a read error and an early {@link #close()} end the call, once.
 */
public final class ResponseTee extends FilterInputStream {

    private final Object call;
    private final boolean filter;
    private boolean ended;
    /** Filter mode: bytes Veil released that the app has not read yet. */
    private byte[] pending = EMPTY;
    private int pendingPos;
    private boolean upstreamDone;

    public ResponseTee(InputStream in, Object call, boolean filter) {
        super(in);
        this.call = call;
        this.filter = filter;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        return filter ? readFiltered(b, off, len) : readTeed(b, off, len);
    }

    private int readTeed(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException | RuntimeException e) {
            end(e);
            throw e;
        }
        if (n < 0) {
            end(null);
        } else if (n > 0) {
            Veil.responseChunk(call, b, off, n);
        }
        return n;
    }

    private int readFiltered(byte[] b, int off, int len) throws IOException {
        while (pendingPos >= pending.length) {
            if (upstreamDone) {
                return -1;
            }
            byte[] buffer = new byte[Math.max(len, 1024)];
            int n;
            try {
                n = in.read(buffer, 0, buffer.length);
            } catch (IOException | RuntimeException e) {
                end(e);
                throw e;
            }
            if (n < 0) {
                upstreamDone = true;
                pending = Veil.finishResponseFilter(call);
                end(null);
            } else {
                pending = Veil.filterResponseChunk(call, buffer, 0, n);
            }
            pendingPos = 0;
        }
        int n = Math.min(len, pending.length - pendingPos);
        System.arraycopy(pending, pendingPos, b, off, n);
        pendingPos += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes are still part of the response: read them through the tee.
        byte[] scratch = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return filter ? pending.length - pendingPos : in.available();
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

    @Override
    public void close() throws IOException {
        try {
            in.close();
        } finally {
            endEarly();
        }
    }

    /** The app is done with the body before its end (closed, consumed, released, aborted): the call ends here. */
    public void endEarly() {
        end(new CancellationException("the application closed the response body before its end"));
    }

    private void end(Throwable failure) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        Veil.callEnded(call, failure);
    }

    private static final byte[] EMPTY = new byte[0];
}
