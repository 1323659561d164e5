package dev.veil.instrumentation.reactornetty;

import net.bytebuddy.asm.Advice;

/** Inlined at the start of {@code ChannelOperations.onInboundError}: a read timeout or any inbound error ends a followed call. */
public final class InboundErrorAdvice {

    private InboundErrorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object operations, @Advice.Argument(0) Throwable error) {
        ReactorNettyCall.end(operations, ReactorNettyCall.FAILED, error);
    }
}
