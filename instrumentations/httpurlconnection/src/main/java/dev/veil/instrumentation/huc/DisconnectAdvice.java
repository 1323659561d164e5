package dev.veil.instrumentation.huc;

import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of {@code disconnect()}: an app that reads the status and disconnects without
 * reading (or finishing) the body still ends Veil's bookkeeping for the call.
 */
public final class DisconnectAdvice {

    private DisconnectAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.This HttpURLConnection connection) {
        HucRequests.disconnected(connection);
    }
}
