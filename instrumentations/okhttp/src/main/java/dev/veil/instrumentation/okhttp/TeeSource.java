package dev.veil.instrumentation.okhttp;

import dev.veil.bootstrap.Veil;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

/**
 * Shows every byte the app reads to Veil, at the moment it reads it, without holding any back. When Veil
 * filters the response (it asked the server for streamed usage), the app reads Veil's bytes instead. The
 * end of the body, a read failure (timeout, cancel) or an early close ends Veil's bookkeeping, once. A close
 * after every byte of a body of known length is its end: JSON readers (the OpenAI and Anthropic SDKs) stop at
 * the document's last byte and close without reading to end of stream.
 */
final class TeeSource extends ForwardingSource {

    private final Object call;
    private final boolean filter;
    /** The body's length, or -1 when unknown (chunked, or filtered). */
    private final long length;
    private long read;
    /** Filter mode: bytes Veil released that the app has not read yet. */
    private final Buffer pending = new Buffer();
    private boolean ended;

    TeeSource(Source delegate, Object call, boolean filter, long length) {
        super(delegate);
        this.call = call;
        this.filter = filter;
        this.length = filter ? -1 : length;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
        try {
            return filter ? readFiltered(sink, byteCount) : readTeed(sink, byteCount);
        } catch (IOException | RuntimeException | Error e) {
            end(e);
            throw e;
        }
    }

    private long readTeed(Buffer sink, long byteCount) throws IOException {
        long n = super.read(sink, byteCount);
        if (n == -1) {
            end(null);
        } else if (n > 0) {
            read += n;
            byte[] copy = lastBytes(sink, n);
            Veil.responseChunk(call, copy, 0, copy.length);
        }
        return n;
    }

    private long readFiltered(Buffer sink, long byteCount) throws IOException {
        while (pending.size() == 0) {
            if (ended) {
                return -1;
            }
            Buffer raw = new Buffer();
            long n = super.read(raw, 8192);
            byte[] kept;
            if (n == -1) {
                kept = Veil.finishResponseFilter(call);
                end(null);
            } else {
                byte[] bytes = raw.readByteArray();
                kept = Veil.filterResponseChunk(call, bytes, 0, bytes.length);
            }
            pending.write(kept);
        }
        return pending.read(sink, byteCount);
    }

    private static byte[] lastBytes(Buffer sink, long n) {
        Buffer copy = new Buffer();
        sink.copyTo(copy, sink.size() - n, n);
        return copy.readByteArray();
    }

    @Override
    public void close() throws IOException {
        end(length >= 0 && read >= length ? null
                : new CancellationException("the application closed the response body before its end"));
        super.close();
    }

    private void end(Throwable failure) {
        if (!ended) {
            ended = true;
            Veil.callEnded(call, failure);
        }
    }
}
