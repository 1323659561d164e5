package dev.veil.instrumentation.okhttp;

import net.bytebuddy.asm.Advice;
import okhttp3.OkHttpClient;

/**
 * Inlined at the start of {@code OkHttpClient(Builder)}, before the builder's interceptors are copied:
 * makes Veil's interceptor the builder's last application interceptor (exactly once, also for a builder
 * that came from {@code newBuilder()} of a client that already has it).
 */
public final class ClientConstructorAdvice {

    private ClientConstructorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(0) OkHttpClient.Builder builder) {
        VeilInterceptor.install(builder);
    }
}
