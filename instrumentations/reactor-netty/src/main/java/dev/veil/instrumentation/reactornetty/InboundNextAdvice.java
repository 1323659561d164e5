package dev.veil.instrumentation.reactornetty;

import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of {@code HttpClientOperations.onInboundNext}: a followed call sees the response head
 * and every content buffer before Reactor Netty hands it on (the message is the same one, unless Veil filters
 * the response).
 */
public final class InboundNextAdvice {

    private InboundNextAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object operations, @Advice.Argument(value = 1, readOnly = false) Object message) {
        message = ReactorNettyCall.inbound(operations, message);
    }
}
