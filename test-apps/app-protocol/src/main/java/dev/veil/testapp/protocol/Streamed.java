package dev.veil.testapp.protocol;

import java.io.InputStream;

/** A response whose body the app reads as a stream; {@code cancel} cancels the call the client's way. */
public final class Streamed {
    public final int status;
    public final InputStream body;
    public final Runnable cancel;

    public Streamed(int status, InputStream body, Runnable cancel) {
        this.status = status;
        this.body = body;
        this.cancel = cancel;
    }
}
