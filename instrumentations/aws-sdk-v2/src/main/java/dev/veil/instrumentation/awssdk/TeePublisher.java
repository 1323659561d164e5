package dev.veil.instrumentation.awssdk;

import dev.veil.bootstrap.Veil;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The response body of an asynchronous call (JSON, or the binary event stream of ConverseStream) as the
 * SDK subscribes to it: each buffer is shown to Veil and handed on unchanged, at once, with the SDK's own
 * demand. Completion, error and cancellation end the call.
 */
final class TeePublisher implements Publisher<ByteBuffer> {

    private final Publisher<ByteBuffer> upstream;
    private final Object call;

    TeePublisher(Publisher<ByteBuffer> upstream, Object call) {
        this.upstream = upstream;
        this.call = call;
    }

    @Override
    public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
        upstream.subscribe(new TeeSubscriber(subscriber, call));
    }

    static final class TeeSubscriber implements Subscriber<ByteBuffer>, Subscription {
        private final Subscriber<? super ByteBuffer> downstream;
        private final Object call;
        private volatile Subscription subscription;

        TeeSubscriber(Subscriber<? super ByteBuffer> downstream, Object call) {
            this.downstream = downstream;
            this.call = call;
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            downstream.onSubscribe(this);
        }

        @Override
        public void onNext(ByteBuffer buffer) {
            Veil.responseChunk(call, buffer);
            downstream.onNext(buffer);
        }

        @Override
        public void onError(Throwable t) {
            Veil.callEnded(call, t);
            downstream.onError(t);
        }

        @Override
        public void onComplete() {
            Veil.callEnded(call, null);
            downstream.onComplete();
        }

        @Override
        public void request(long n) {
            subscription.request(n);
        }

        @Override
        public void cancel() {
            Veil.callEnded(call, new CancellationException("the SDK cancelled the response body"));
            subscription.cancel();
        }
    }
}
