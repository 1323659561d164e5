package dev.veil.instrumentation.apache5;

import dev.veil.bootstrap.Veil;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;

/** One async {@code doExecute} as the advice sees it: the producer and consumer to use instead, and the call handle. */
public final class AsyncCall {

    /** A request Veil does not follow: the app's producer and consumer go on as they are. */
    static final AsyncCall UNTOUCHED = new AsyncCall(null, null, null);

    private final AsyncRequestProducer producer;
    private final AsyncResponseConsumer<?> consumer;
    private final Object call;

    AsyncCall(AsyncRequestProducer producer, AsyncResponseConsumer<?> consumer, Object call) {
        this.producer = producer;
        this.consumer = consumer;
        this.call = call;
    }

    public AsyncRequestProducer producerOr(AsyncRequestProducer original) {
        return producer != null ? producer : original;
    }

    public AsyncResponseConsumer<?> consumerOr(AsyncResponseConsumer<?> original) {
        return consumer != null ? consumer : original;
    }

    /** {@code doExecute} returned (the exchange goes on elsewhere) or threw, which ends the call. */
    public void returned(Throwable thrown) {
        if (thrown != null && call != null) {
            Veil.callEnded(call, thrown);
        }
    }
}
