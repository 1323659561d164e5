package dev.veil.instrumentation.reactornetty;

import net.bytebuddy.asm.Advice;

/** Inlined at the start of {@code onInboundCancel (the app cancelled or disposed the response)}: ends a followed call that is still open. */
public final class InboundCancelAdvice {

    private InboundCancelAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object operations) {
        ReactorNettyCall.end(operations, ReactorNettyCall.CANCELLED, null);
    }
}
