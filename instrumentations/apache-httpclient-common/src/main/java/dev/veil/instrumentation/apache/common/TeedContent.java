package dev.veil.instrumentation.apache.common;

import dev.veil.bootstrap.Veil;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CancellationException;

/**
 * What a teeing response entity (HttpClient 4.5 or 5) delegates to: wraps the client's content stream in
 * one {@link ResponseTee}, copies through it for {@code writeTo}, and ends the call when the app lets go
 * of the entity early.
 */
public final class TeedContent {

    private final Object call;
    private final boolean filter;
    private InputStream raw;
    private ResponseTee tee;

    public TeedContent(Object call, boolean filter) {
        this.call = call;
        this.filter = filter;
    }

    /** The stream the app reads instead of {@code in} (null stays null). */
    public synchronized InputStream wrap(InputStream in) {
        if (in == null) {
            return null;
        }
        // A streamed entity hands out one stream; keep teeing it rather than stacking a second tee on it.
        if (in != raw) {
            raw = in;
            tee = new ResponseTee(in, call, filter);
        }
        return tee;
    }

    /** {@code writeTo} through the tee: copies {@code in} (from {@link #wrap}) to {@code out}, then closes it. */
    public static void copy(InputStream in, OutputStream out) throws IOException {
        if (in == null) {
            return;
        }
        try {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
            }
        } finally {
            in.close();
        }
    }

    /** The entity's length as the app sees it: unknown when the filter may drop bytes. */
    public long length(long original) {
        return filter ? -1 : original;
    }

    /** The app let go of the response before reading it to the end (no-op after the end). */
    public synchronized void endEarly() {
        if (tee != null) {
            tee.endEarly();
        } else {
            Veil.callEnded(call, new CancellationException("the application closed the response before reading its body"));
        }
    }
}
