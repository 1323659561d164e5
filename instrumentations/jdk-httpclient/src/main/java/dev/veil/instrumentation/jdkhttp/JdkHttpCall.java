package dev.veil.instrumentation.jdkhttp;

import dev.veil.bootstrap.Veil;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** What the advice needs after {@link JdkHttpRequests#prepare}: the request and handler to use, and the call handle. */
public final class JdkHttpCall {

    private final HttpRequest request;
    private final HttpResponse.BodyHandler<?> handler;
    private final Object call;

    JdkHttpCall(HttpRequest request, HttpResponse.BodyHandler<?> handler, Object call) {
        this.request = request;
        this.handler = handler;
        this.call = call;
    }

    public HttpRequest request() {
        return request;
    }

    public HttpResponse.BodyHandler<?> handler() {
        return handler;
    }

    /** False when the request must not be sent (blocked, or Veil could not inspect it under a closed policy). */
    public boolean proceed() {
        return !(request instanceof BlockedRequest);
    }

    /** Ends Veil's bookkeeping when the exchange fails before a body is read (connect error, timeout, cancel). */
    public void watch(CompletableFuture<?> response) {
        if (call != null && response != null) {
            response.whenComplete((r, failure) -> {
                if (failure != null) {
                    Veil.callEnded(call, failure);
                }
            });
        }
    }
}
