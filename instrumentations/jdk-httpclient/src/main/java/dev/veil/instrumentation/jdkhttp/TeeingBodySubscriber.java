package dev.veil.instrumentation.jdkhttp;

import dev.veil.bootstrap.Veil;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Sits between the HTTP client and the app's {@code BodySubscriber}. As a tee it hands every buffer on
 * untouched, at the same moment, after showing it to Veil. As a filter (only when Veil added
 * {@code stream_options.include_usage} to the request) it hands on the bytes Veil gives back instead,
 * keeping the app's demand exact: a buffer that filters to nothing is replaced by asking upstream for one
 * more, and bytes released at the end wait for demand before completion.
 */
final class TeeingBodySubscriber<T> implements HttpResponse.BodySubscriber<T> {

    private final HttpResponse.BodySubscriber<T> downstream;
    private final Object call;
    private final boolean filter;

    private Flow.Subscription upstream;
    /** Filter mode: items the app asked for and has not received yet. */
    private long demand;
    /** Filter mode: the end of the body arrived while the app had no demand for the last bytes. */
    private List<ByteBuffer> pendingLast;

    TeeingBodySubscriber(HttpResponse.BodySubscriber<T> downstream, Object call, boolean filter) {
        this.downstream = downstream;
        this.call = call;
        this.filter = filter;
    }

    @Override
    public CompletionStage<T> getBody() {
        return downstream.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        synchronized (this) {
            upstream = subscription;
        }
        downstream.onSubscribe(new AppSubscription(subscription));
    }

    /** The subscription the app sees: counts its demand and reports a cancel to Veil. */
    private final class AppSubscription implements Flow.Subscription {
        private final Flow.Subscription subscription;

        AppSubscription(Flow.Subscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public void request(long n) {
            List<ByteBuffer> last = null;
            synchronized (TeeingBodySubscriber.this) {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                if (pendingLast != null) {
                    last = pendingLast;
                    pendingLast = null;
                }
            }
            if (last != null) {
                complete(last);
                return;
            }
            subscription.request(n);
        }

        @Override
        public void cancel() {
            Veil.callEnded(call, new CancellationException("the application cancelled the response body"));
            subscription.cancel();
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (!filter) {
            for (ByteBuffer buffer : items) {
                tee(buffer);
            }
            downstream.onNext(items);
            return;
        }
        List<ByteBuffer> out = new ArrayList<>(items.size());
        for (ByteBuffer buffer : items) {
            byte[] bytes = bytesOf(buffer);
            byte[] kept = Veil.filterResponseChunk(call, bytes, 0, bytes.length);
            if (kept.length > 0) {
                out.add(ByteBuffer.wrap(kept));
            }
        }
        if (out.isEmpty()) {
            upstream().request(1);
            return;
        }
        synchronized (this) {
            demand--;
        }
        downstream.onNext(out);
    }

    @Override
    public void onError(Throwable throwable) {
        Veil.callEnded(call, throwable);
        downstream.onError(throwable);
    }

    @Override
    public void onComplete() {
        if (filter) {
            byte[] rest = Veil.finishResponseFilter(call);
            if (rest.length > 0) {
                List<ByteBuffer> last = Collections.singletonList(ByteBuffer.wrap(rest));
                synchronized (this) {
                    if (demand <= 0) {
                        pendingLast = last;
                        return;
                    }
                }
                complete(last);
                return;
            }
        }
        Veil.callEnded(call, null);
        downstream.onComplete();
    }

    private void complete(List<ByteBuffer> last) {
        synchronized (this) {
            demand--;
        }
        downstream.onNext(last);
        Veil.callEnded(call, null);
        downstream.onComplete();
    }

    private synchronized Flow.Subscription upstream() {
        return upstream;
    }

    private void tee(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            Veil.responseChunk(call, buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        } else {
            byte[] bytes = bytesOf(buffer);
            Veil.responseChunk(call, bytes, 0, bytes.length);
        }
    }

    /** A copy of the buffer's remaining bytes; the buffer's position is not moved. */
    private static byte[] bytesOf(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
