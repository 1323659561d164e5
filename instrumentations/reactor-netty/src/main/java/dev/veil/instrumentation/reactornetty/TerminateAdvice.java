package dev.veil.instrumentation.reactornetty;

import net.bytebuddy.asm.Advice;

/** Inlined at the start of {@code ChannelOperations.terminate (the exchange is over; a call still open did not see its response end)}: ends a followed call that is still open. */
public final class TerminateAdvice {

    private TerminateAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object operations) {
        ReactorNettyCall.end(operations, ReactorNettyCall.TERMINATED, null);
    }
}
