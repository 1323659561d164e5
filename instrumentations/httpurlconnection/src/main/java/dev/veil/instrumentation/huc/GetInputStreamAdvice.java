package dev.veil.instrumentation.huc;

import java.io.InputStream;
import java.net.HttpURLConnection;
import net.bytebuddy.asm.Advice;

/**
 * Around {@code getInputStream()}: when the outermost call on this thread returns (the JDK calls it
 * again from inside, e.g. through {@code getResponseCode} while following a redirect, on intermediate
 * responses), a call Veil follows hands the app its response body through a pass-through tee (the same
 * tee on every later call); a failure (4xx/5xx, timeout) ends the call.
 */
public final class GetInputStreamAdvice {

    private GetInputStreamAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter() {
        HucRequests.enterGetInputStream();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.This HttpURLConnection connection,
                            @Advice.Return(readOnly = false) InputStream body,
                            @Advice.Thrown Throwable thrown) {
        if (!HucRequests.exitGetInputStream()) {
            return;
        }
        if (thrown != null) {
            HucRequests.failed(connection, thrown);
        } else {
            body = HucRequests.responseBody(connection, body);
        }
    }
}
