package dev.veil.instrumentation.jdkhttp;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into {@code HttpClientImpl.sendAsync(request, handler, pushHandler, executor)}. Swaps in the
 * request with the redacted body and a handler that tees the response to Veil, or skips the method and
 * returns a future failed with the {@code veil: …} IOException. All logic lives in
 * {@link JdkHttpRequests}, injected into the JDK's platform class loader (which defines
 * {@code java.net.http}) before this advice first runs.
 *
 * <p>The method runs only when {@code enter} returns the call. If {@code enter} fails in a way it could
 * not handle itself (its throwable is suppressed and it returns null), the call is skipped and fails:
 * Veil never lets an uninspected prompt out because of its own error.
 */
public final class SendAsyncAdvice {

    private SendAsyncAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnDefaultValue.class)
    public static JdkHttpCall enter(@Advice.Argument(value = 0, readOnly = false) HttpRequest request,
                                    @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC)
                                    HttpResponse.BodyHandler<?> handler) {
        JdkHttpCall call = JdkHttpRequests.prepare(request, handler);
        request = call.request();
        handler = call.handler();
        return call.proceed() ? call : null;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Enter JdkHttpCall call,
                            @Advice.Argument(0) HttpRequest request,
                            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) CompletableFuture<?> result) {
        if (call != null) {
            call.watch(result);
            return;
        }
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
