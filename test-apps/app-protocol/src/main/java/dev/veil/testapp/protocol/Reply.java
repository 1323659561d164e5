package dev.veil.testapp.protocol;

/** What the app got from a call it read to the end. */
public final class Reply {
    public final int status;
    public final String body;

    public Reply(int status, String body) {
        this.status = status;
        this.body = body;
    }
}
