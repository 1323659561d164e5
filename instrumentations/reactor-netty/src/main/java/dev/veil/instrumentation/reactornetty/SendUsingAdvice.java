package dev.veil.instrumentation.reactornetty;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import reactor.netty.NettyOutbound;

/**
 * Inlined into {@code sendUsing} ({@code ChannelOperations}, and {@code HttpClientOperations} where it overrides
 * it), which {@code sendFile} and {@code sendFileChunked} use: a file region Veil cannot read, so for a client
 * request to an LLM endpoint the failure policy decides — closed: the method is skipped and an outbound that
 * fails with {@code veil: …} is returned (nothing is written); open: the file is sent and the failure recorded,
 * once, under a re-entrancy guard released on exit.
 */
public final class SendUsingAdvice {

    private SendUsingAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = NettyOutbound.class)
    public static Object enter(@Advice.This Object operations) {
        return ReactorNettyRequests.onSendUsing(operations);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    public static void exit(@Advice.Enter Object entered,
                            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned) {
        if (entered instanceof NettyOutbound) {
            returned = entered;
        } else {
            ReactorNettyRequests.sendUsingDone(entered);
        }
    }
}
