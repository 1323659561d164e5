package dev.veil.instrumentation.reactornetty;

import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of {@code HttpClientOperations.SendForm.subscribe} ({@code HttpClient...sendForm}): the
 * form or multipart body is written by Netty's encoder straight to the channel, so Veil cannot read it; for a
 * request to an LLM endpoint the failure policy decides (closed: the subscriber gets the {@code veil: …}
 * IOException and nothing is written; open: the form is sent and the failure recorded).
 */
public final class SendFormAdvice {

    private SendFormAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnNonDefaultValue.class)
    public static boolean enter(@Advice.FieldValue("parent") Object operations, @Advice.Argument(0) Object subscriber) {
        return ReactorNettyRequests.onSendForm(operations, subscriber);
    }
}
