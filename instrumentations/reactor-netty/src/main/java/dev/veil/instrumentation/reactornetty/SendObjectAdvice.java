package dev.veil.instrumentation.reactornetty;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into {@code HttpOperations.sendObject(Object)}: a client request whose body the app sends as one
 * object ({@code out.sendObject(byteBuf)}) to an LLM endpoint is sent through {@code send(Mono)} instead,
 * where {@link SendAdvice} inspects it; a body of another type cannot be read, so the failure policy decides.
 */
public final class SendObjectAdvice {

    private SendObjectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    public static Object enter(@Advice.This Object operations, @Advice.Argument(0) Object message) {
        return ReactorNettyRequests.onSendObject(operations, message);
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    public static void exit(@Advice.Enter Object replacement,
                            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned) {
        if (replacement != null) {
            returned = replacement;
        }
    }
}
