package dev.veil.instrumentation.apache.common;

import java.io.IOException;

/**
 * Carries why a request is not sent from the enter advice (which returns null to skip the client's
 * method) to the exit advice (which fails the call with it), on the same thread. When the enter advice
 * failed without saying why, the call fails closed with an internal-error message.
 */
public final class NotSent {

    private static final ThreadLocal<IOException> REASON = new ThreadLocal<IOException>();

    private NotSent() {
    }

    public static void set(IOException reason) {
        REASON.set(reason);
    }

    public static IOException take() {
        IOException reason = REASON.get();
        REASON.remove();
        return reason != null ? reason : new IOException("veil: internal error; request not sent");
    }
}
