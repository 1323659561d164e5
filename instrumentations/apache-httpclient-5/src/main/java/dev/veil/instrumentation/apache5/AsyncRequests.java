package dev.veil.instrumentation.apache5;

import dev.veil.instrumentation.apache.common.BoundedBody;
import dev.veil.instrumentation.apache.common.NotSent;
import dev.veil.instrumentation.apache.common.RequestInspection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.hc.core5.concurrent.BasicFuture;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Glue for the HttpClient 5 async client, called from the advice in {@code doExecute}; injected into the
 * library's class loader. The request head is taken from the producer the way the client takes it
 * ({@code sendRequest}); a non-LLM request goes on untouched, its body never produced. For an LLM request a
 * repeatable entity producer ({@code SimpleRequestProducer}, {@code AsyncEntityProducers.create(...)},
 * {@code BasicAsyncEntityProducer}, {@code StringAsyncEntityProducer}) is drained once and the request goes
 * out with the bytes Veil decided on; a streaming producer cannot be read without consuming it, so it
 * follows the failure policy.
 */
public final class AsyncRequests {

    /** Produce calls that yield nothing before a producer is considered stuck. */
    private static final int MAX_IDLE_PRODUCE_CALLS = 1000;

    private AsyncRequests() {
    }

    /** The call to continue with, or null when nothing may be sent (the reason is left in {@link NotSent}). */
    public static AsyncCall prepare(HttpHost target, AsyncRequestProducer producer, AsyncResponseConsumer<?> consumer,
                                    HttpContext context) {
        Head head = new Head();
        try {
            producer.sendRequest(head, context);
        } catch (Throwable t) {
            // The client asks the producer the same way and fails the exchange itself.
            return AsyncCall.UNTOUCHED;
        }
        if (head.request == null) {
            return AsyncCall.UNTOUCHED;
        }
        Object endpoint = Targets.match(target, head.request);
        if (endpoint == null) {
            return AsyncCall.UNTOUCHED;
        }
        try {
            EntityDetails details = head.entity;
            String traceparent = Targets.header(head.request, "traceparent");
            RequestInspection inspection;
            if (details == null) {
                inspection = RequestInspection.inspect(endpoint, null, -1, true, null, traceparent, false);
            } else if (details instanceof AsyncEntityProducer && ((AsyncEntityProducer) details).isRepeatable()) {
                String encoding = details.getContentEncoding() != null
                        ? details.getContentEncoding() : Targets.header(head.request, "Content-Encoding");
                // Not "replayable": the request always goes out with the bytes read here (the same bytes
                // when nothing changes), so nothing relies on the producer rewinding.
                inspection = RequestInspection.inspect(endpoint, new ProducerBody((AsyncEntityProducer) details),
                        details.getContentLength(), false, encoding, traceparent, false);
            } else {
                inspection = RequestInspection.failed(endpoint, new IOException(
                        "a streaming request body cannot be inspected without consuming it"));
            }
            if (inspection.action() == RequestInspection.FAIL) {
                NotSent.set(inspection.failure());
                return null;
            }
            java.util.Map<String, String> extra = inspection.headersToAdd();
            for (java.util.Map.Entry<String, String> header : extra.entrySet()) {
                head.request.setHeader(header.getKey(), header.getValue());
            }
            AsyncRequestProducer toSend = inspection.action() == RequestInspection.REPLACE
                    ? new BasicRequestProducer(head.request, new BytesEntityProducer(inspection.bytes(), details))
                    : extra.isEmpty() || (details != null && !(details instanceof AsyncEntityProducer)) ? null
                    // The request head the producer gave, now with the headers; the same (rewound) entity.
                    : new BasicRequestProducer(head.request, (AsyncEntityProducer) details);
            Object call = inspection.call();
            AsyncResponseConsumer<?> teeing = call == null ? null : wrap(consumer, call);
            return new AsyncCall(toSend, teeing, call);
        } catch (Throwable t) {
            NotSent.set(new IOException("veil: internal error; request not sent"));
            return null;
        }
    }

    private static <T> AsyncResponseConsumer<T> wrap(AsyncResponseConsumer<T> consumer, Object call) {
        return new TeeingResponseConsumer<T>(consumer, call);
    }

    /**
     * What {@code doExecute} returns for a request that is not sent: a future failed with {@code failure},
     * whose completion calls the app's callback; the app's response consumer is told as well.
     */
    public static Future<Object> notSent(IOException failure, AsyncResponseConsumer<?> consumer, FutureCallback<?> callback) {
        try {
            if (consumer != null) {
                consumer.failed(failure);
                consumer.releaseResources();
            }
        } catch (Throwable ignored) {
            // the app's consumer failing on failure must not hide the failure
        }
        @SuppressWarnings("unchecked")
        BasicFuture<Object> future = new BasicFuture<Object>((FutureCallback<Object>) callback);
        future.failed(failure);
        return future;
    }

    /** Produces a repeatable entity into {@code out} to its end, then rewinds it. */
    static void drain(AsyncEntityProducer entity, BoundedBody out) throws IOException {
        Drain channel = new Drain(out);
        try {
            int idle = 0;
            while (!channel.ended) {
                int before = out.size();
                entity.produce(channel);
                if (out.size() == before && !channel.ended && ++idle > MAX_IDLE_PRODUCE_CALLS) {
                    throw new IOException("the request entity producer did not finish");
                }
            }
        } finally {
            entity.releaseResources();
        }
    }

    /** Drains a repeatable entity producer into the bounded buffer. */
    static final class ProducerBody implements RequestInspection.Body {
        private final AsyncEntityProducer entity;

        ProducerBody(AsyncEntityProducer entity) {
            this.entity = entity;
        }

        @Override
        public void writeTo(BoundedBody out) throws Exception {
            drain(entity, out);
        }
    }

    /** Receives the request head the producer would send. */
    static final class Head implements RequestChannel {
        HttpRequest request;
        EntityDetails entity;

        @Override
        public void sendRequest(HttpRequest request, EntityDetails entityDetails, HttpContext context) {
            this.request = request;
            this.entity = entityDetails;
        }
    }

    /** Takes everything the producer writes. */
    static final class Drain implements DataStreamChannel {
        private final BoundedBody out;
        boolean ended;

        Drain(BoundedBody out) {
            this.out = out;
        }

        @Override
        public void requestOutput() {
            // always ready
        }

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            if (src.hasArray()) {
                out.write(src.array(), src.arrayOffset() + src.position(), n);
                src.position(src.limit());
            } else {
                byte[] copy = new byte[n];
                src.get(copy);
                out.write(copy, 0, n);
            }
            return n;
        }

        @Override
        public void endStream() {
            ended = true;
        }

        @Override
        public void endStream(List<? extends Header> trailers) {
            ended = true;
        }
    }
}
