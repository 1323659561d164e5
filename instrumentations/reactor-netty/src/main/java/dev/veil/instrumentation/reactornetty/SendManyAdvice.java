package dev.veil.instrumentation.reactornetty;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.reactivestreams.Publisher;

/**
 * Inlined into {@code ChannelOperations.send(Publisher, Predicate)} and {@code sendObject(Publisher, Predicate)},
 * which {@code sendGroups}, {@code sendObject(Publisher)} and apps calling them directly reach without passing
 * {@code HttpClientOperations.send(Publisher)}: a client request to an LLM endpoint is sent through
 * {@code send(Mono)} instead, with its body collected and inspected once (see {@link InspectedBody}).
 */
public final class SendManyAdvice {

    private SendManyAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    public static Object enter(@Advice.This Object operations,
                               @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Publisher<?> source) {
        return ReactorNettyRequests.onSendMany(operations, source);
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Enter Object replacement,
                            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned) {
        if (replacement != null) {
            returned = replacement;
        }
    }
}
