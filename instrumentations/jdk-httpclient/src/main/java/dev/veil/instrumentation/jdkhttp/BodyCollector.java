package dev.veil.instrumentation.jdkhttp;

import dev.veil.bootstrap.PromptTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Reads a request's {@link BodyPublisher} to the end, whatever it is ({@code ofString},
 * {@code ofByteArray}, {@code ofInputStream}, {@code ofFile}, a custom publisher, unknown length),
 * with a size limit and a deadline. Publishers that deliver on another thread are waited for.
 */
final class BodyCollector implements Flow.Subscriber<ByteBuffer> {

    private final long limit;
    private final ByteArrayOutputStream out;
    private final CountDownLatch done = new CountDownLatch(1);
    private Flow.Subscription subscription;
    private volatile Throwable error;
    private volatile boolean tooLarge;

    private BodyCollector(long limit, long expectedLength) {
        this.limit = limit;
        this.out = new ByteArrayOutputStream(expectedLength > 0 && expectedLength <= limit ? (int) expectedLength : 1024);
    }

    static byte[] collect(BodyPublisher publisher, long limit, long timeoutMillis) throws IOException {
        BodyCollector collector = new BodyCollector(limit, publisher.contentLength());
        publisher.subscribe(collector);
        try {
            if (!collector.done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                collector.cancel();
                throw new IOException("request body publisher did not complete within " + timeoutMillis + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            collector.cancel();
            throw new InterruptedIOException("interrupted while reading the request body");
        }
        if (collector.tooLarge) {
            throw new PromptTooLargeException(limit);
        }
        Throwable failure = collector.error;
        if (failure != null) {
            throw new IOException("request body publisher failed", failure);
        }
        return collector.out.toByteArray();
    }

    private synchronized void cancel() {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ByteBuffer buffer) {
        if (tooLarge) {
            return;
        }
        int n = buffer.remaining();
        if ((long) out.size() + n > limit) {
            tooLarge = true;
            cancel();
            done.countDown();
            return;
        }
        if (buffer.hasArray()) {
            out.write(buffer.array(), buffer.arrayOffset() + buffer.position(), n);
            buffer.position(buffer.limit());
        } else {
            byte[] copy = new byte[n];
            buffer.get(copy);
            out.write(copy, 0, n);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        error = throwable;
        done.countDown();
    }

    @Override
    public void onComplete() {
        done.countDown();
    }
}
