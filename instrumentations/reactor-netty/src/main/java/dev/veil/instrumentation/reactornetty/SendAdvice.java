package dev.veil.instrumentation.reactornetty;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.reactivestreams.Publisher;

/**
 * Inlined at the start of {@code HttpClientOperations.send(Publisher)}: for an LLM request the app's body
 * publisher is replaced by a {@code Mono} of the bytes Veil decided on (or one that fails with the
 * {@code veil: …} IOException, so nothing is written), which Reactor Netty sends as one full request with
 * its {@code Content-Length}.
 */
public final class SendAdvice {

    private SendAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.This Object operations,
                             @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) Publisher<?> source) {
        source = ReactorNettyRequests.onSend(operations, source);
    }
}
