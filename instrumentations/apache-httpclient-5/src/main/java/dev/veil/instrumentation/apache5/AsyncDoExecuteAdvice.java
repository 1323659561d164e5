package dev.veil.instrumentation.apache5;

import dev.veil.instrumentation.apache.common.NotSent;
import java.util.concurrent.Future;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Inlined into the async {@code doExecute}. Swaps in a request producer with the bytes to send and a
 * response consumer that tees the body to Veil. When {@code enter} returns null (blocked, Veil could not
 * inspect the prompt under a closed policy, or the advice failed) nothing is sent: the method returns a
 * future failed with the {@code veil: …} IOException, and the callback's {@code failed} gets it.
 */
public final class AsyncDoExecuteAdvice {

    private AsyncDoExecuteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class, skipOn = Advice.OnDefaultValue.class)
    public static AsyncCall enter(@Advice.Argument(0) HttpHost target,
                                  @Advice.Argument(value = 1, readOnly = false) AsyncRequestProducer producer,
                                  @Advice.Argument(value = 2, readOnly = false, typing = Assigner.Typing.DYNAMIC)
                                  AsyncResponseConsumer<?> consumer,
                                  @Advice.Argument(4) HttpContext context) {
        AsyncCall call = AsyncRequests.prepare(target, producer, consumer, context);
        if (call != null) {
            producer = call.producerOr(producer);
            consumer = call.consumerOr(consumer);
        }
        return call;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    public static void exit(@Advice.Enter AsyncCall call,
                            @Advice.Argument(2) AsyncResponseConsumer<?> consumer,
                            @Advice.Argument(value = 5, typing = Assigner.Typing.DYNAMIC) FutureCallback<?> callback,
                            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Future<?> result,
                            @Advice.Thrown Throwable thrown) {
        if (call == null) {
            result = AsyncRequests.notSent(NotSent.take(), consumer, callback);
            return;
        }
        call.returned(thrown);
    }
}
