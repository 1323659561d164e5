package dev.veil.instrumentation.reactornetty;

import net.bytebuddy.asm.Advice;

/** Inlined at the start of {@code onInboundClose (the connection closed)}: ends a followed call that is still open. */
public final class InboundCloseAdvice {

    private InboundCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object operations) {
        ReactorNettyCall.end(operations, ReactorNettyCall.CLOSED, null);
    }
}
