package dev.veil.instrumentation.jdkhttp;

import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into {@code HttpClientImpl.sendAsync(request, handler, pushHandler, executor)}. Swaps the
 * request for one with the redacted body, or skips the method and returns a future failed with the
 * {@code veil: blocked} IOException. All logic lives in {@link JdkHttpRequests}, injected into the
 * JDK's platform class loader (which defines {@code java.net.http}) before this advice first runs.
 *
 * <p>The method runs only when {@code enter} returns the request to send. If {@code enter} fails in a
 * way it could not handle itself (its throwable is suppressed and it returns null), the call is skipped
 * and fails: Veil never lets an uninspected prompt out because of its own error.
 */
public final class SendAsyncAdvice {

    private SendAsyncAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnDefaultValue.class)
    public static HttpRequest enter(@Advice.Argument(value = 0, readOnly = false) HttpRequest request) {
        HttpRequest prepared = JdkHttpRequests.prepare(request);
        request = prepared;
        return prepared instanceof BlockedRequest ? null : prepared;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Enter HttpRequest sent,
                            @Advice.Argument(0) HttpRequest request,
                            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) CompletableFuture<?> result) {
        if (sent == null) {
            Throwable failure;
            try {
                failure = JdkHttpRequests.whyNotSent(request);
            } catch (Throwable t) {
                failure = new java.io.IOException("veil: internal error; request not sent");
            }
            CompletableFuture<Object> failed = new CompletableFuture<>();
            failed.completeExceptionally(failure);
            result = failed;
        }
    }
}
