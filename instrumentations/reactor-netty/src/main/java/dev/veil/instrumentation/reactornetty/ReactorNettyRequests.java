package dev.veil.instrumentation.reactornetty;

import dev.veil.bootstrap.PromptTooLargeException;
import dev.veil.bootstrap.RequestVerdict;
import dev.veil.bootstrap.Veil;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.netty.Connection;
import reactor.netty.NettyOutbound;
import reactor.netty.http.client.HttpClientRequest;

/**
 * Glue for the request side, called from the advice in {@code HttpClientOperations.send(Publisher)};
 * injected into Reactor Netty's class loader. A non-LLM request goes on untouched, its publisher never
 * subscribed by Veil. For an LLM request the app's buffers are collected as they come (nothing is written
 * yet: the request head goes out with the body), then Veil decides, and the request is sent as one full
 * message with the right {@code Content-Length}: the original buffers, Veil's bytes, or nothing (the send
 * fails with the {@code veil: …} IOException, which the response {@code Mono} — and Spring's
 * {@code WebClientRequestException}/{@code ResourceAccessException} — carry to the app).
 */
public final class ReactorNettyRequests {

    private ReactorNettyRequests() {
    }

    /** The publisher to send instead of {@code source}; {@code source} itself when Veil leaves the request alone. Never throws. */
    public static Publisher<?> onSend(Object operations, Publisher<?> source) {
        try {
            if (source == null || InspectedBody.is(source)) {
                return source; // already decided on by a send path that delegated here
            }
            Object endpoint = endpoint(operations);
            return endpoint == null ? source : new InspectedBody(inspected((HttpClientRequest) operations, (Connection) operations,
                    endpoint, source));
        } catch (Throwable t) {
            return source;
        }
    }

    /**
     * For {@code send(Publisher, Predicate)} and {@code sendObject(Publisher, Predicate)} (and so
     * {@code sendGroups}, {@code sendObject(Publisher)}), which do not go through {@code send(Publisher)}: on a
     * client request to an LLM endpoint, the outbound to return instead — the same body, collected and
     * inspected, sent through {@code send(Mono)} as one full request. Null: the original method goes on.
     * Never throws.
     */
    public static Object onSendMany(Object operations, Publisher<?> source) {
        try {
            if (source == null || InspectedBody.is(source)) {
                return null;
            }
            Object endpoint = endpoint(operations);
            if (endpoint == null) {
                return null;
            }
            return sendDecided((NettyOutbound) operations,
                    inspected((HttpClientRequest) operations, (Connection) operations, endpoint, source));
        } catch (Throwable t) {
            return null;
        }
    }

    /** Marks an enter advice that let the original method go on and holds the re-entrancy guard (see {@link #onSendUsing}). */
    public static final Object GUARDED = new Object();

    private static final ThreadLocal<Object> IN_SEND_USING = new ThreadLocal<Object>();

    /**
     * For {@code sendUsing} (which {@code sendFile} and {@code sendFileChunked} use): the body is a file
     * region or chunked input written by Netty, which Veil cannot read, so on a client request to an LLM
     * endpoint the failure policy decides: closed returns an outbound that fails with {@code veil: …} and
     * writes nothing; open returns {@link #GUARDED} (the file is sent; the failure is recorded once, even when
     * one {@code sendUsing} delegates to another — release with {@link #sendUsingDone}). Null: not an LLM
     * request. Never throws.
     */
    public static Object onSendUsing(Object operations) {
        try {
            if (IN_SEND_USING.get() != null) {
                return null;
            }
            Object endpoint = endpoint(operations);
            if (endpoint == null) {
                return null;
            }
            RequestVerdict verdict = Veil.interceptionFailed(endpoint, new IllegalStateException(
                    "a request body sent from a file (sendFile, sendUsing) cannot be inspected"));
            if (verdict.isBlock()) {
                return sendDecided((NettyOutbound) operations, Mono.<ByteBuf>error(new IOException(verdict.message())));
            }
            IN_SEND_USING.set(GUARDED);
            return GUARDED;
        } catch (Throwable t) {
            return null;
        }
    }

    /** Ends the guard {@link #onSendUsing} took. Never throws. */
    public static void sendUsingDone(Object entered) {
        if (entered == GUARDED) {
            IN_SEND_USING.remove();
        }
    }

    /**
     * For {@code HttpClient...sendForm}: Netty's form encoder writes the body, which Veil cannot read, so on
     * a request to an LLM endpoint the failure policy decides. True: blocked — {@code subscriber} got the
     * {@code veil: …} IOException and the form must not be written. Never throws.
     */
    public static boolean onSendForm(Object operations, Object subscriber) {
        try {
            Object endpoint = endpoint(operations);
            if (endpoint == null || !(subscriber instanceof CoreSubscriber)) {
                return false;
            }
            RequestVerdict verdict = Veil.interceptionFailed(endpoint, new IllegalStateException(
                    "a form or multipart request body (sendForm) cannot be inspected"));
            if (!verdict.isBlock()) {
                return false;
            }
            Operators.error((CoreSubscriber<?>) subscriber, new IOException(verdict.message()));
            return true;
        } catch (Throwable t) {
            return false;
        }
    }

    /**
     * For {@code sendObject(message)} on a client request to an LLM endpoint: the outbound to return instead
     * (a ByteBuf goes through {@code send(Mono)}, where it is inspected; another type cannot be read, so the
     * failure policy decides). Null: the original method goes on. Never throws.
     */
    public static Object onSendObject(Object operations, Object message) {
        try {
            Object endpoint = message == null ? null : endpoint(operations);
            if (endpoint == null) {
                return null;
            }
            NettyOutbound outbound = (NettyOutbound) operations;
            if (message instanceof ByteBuf) {
                return outbound.send(Mono.just((ByteBuf) message));
            }
            RequestVerdict verdict = Veil.interceptionFailed(endpoint, new IllegalStateException(
                    "a request body sent as " + message.getClass().getName() + " cannot be inspected"));
            if (!verdict.isBlock()) {
                return null;
            }
            ReferenceCountUtil.safeRelease(message);
            return sendDecided(outbound, Mono.<ByteBuf>error(new IOException(verdict.message())));
        } catch (Throwable t) {
            return null;
        }
    }

    /**
     * Sends Veil's decision through {@code send(Mono)}: the request head goes out with the one buffer, or not
     * at all when {@code decided} fails (a blocked call writes nothing, not even its headers).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static NettyOutbound sendDecided(NettyOutbound outbound, Mono<ByteBuf> decided) {
        return outbound.send((Publisher) new InspectedBody(decided));
    }

    /** The LLM endpoint a client request attempt goes to, or null (not a client request, not an LLM endpoint, or handled above). */
    private static Object endpoint(Object operations) {
        if (!(operations instanceof HttpClientRequest) || !(operations instanceof Connection) || !(operations instanceof NettyOutbound)) {
            return null;
        }
        HttpClientRequest request = (HttpClientRequest) operations;
        Object endpoint = match(request);
        return endpoint == null || handledAbove(request) ? null : endpoint;
    }

    /**
     * Whether glue above the HTTP client (the AWS SDK interceptor, before SigV4 signing) already inspected
     * this request: then it is left alone, so the call is counted once and a signed body stays valid.
     * The one place this module decides that.
     */
    static boolean handledAbove(HttpClientRequest request) {
        return Veil.isHandledAbove(request.requestHeaders().get("Authorization"));
    }

    private static Object match(HttpClientRequest request) {
        try {
            String url = request.resourceUrl();
            if (url == null) {
                return null;
            }
            URI uri = URI.create(url);
            return Veil.matchEndpoint(request.method().name(), uri.getScheme(), uri.getHost(), uri.getPort(),
                    uri.getRawPath(), uri.getRawQuery());
        } catch (Throwable t) {
            return null;
        }
    }

    /** How long Veil waits for the app's body when the client sets no response timeout. */
    static final long DEFAULT_BODY_TIMEOUT_MILLIS = 60_000;

    /**
     * The app's body, collected as it comes (nothing is written meanwhile) and decided on once complete. The
     * cap ({@code veil.prompt.max-bytes}) is enforced while collecting: past it the failure policy decides at
     * once (closed: the upstream is cancelled, the buffers released, the call fails; open: collecting goes
     * on and the body is sent uninspected). A body that does not complete within the client's response
     * timeout (or {@link #DEFAULT_BODY_TIMEOUT_MILLIS}) — the response timeout itself only starts once the
     * request is sent, so without this bound the call would wait forever — gets the failure policy too:
     * closed fails the call; open keeps waiting, as the app would without Veil.
     */
    private static Mono<ByteBuf> inspected(HttpClientRequest request, Connection connection, Object endpoint, Publisher<?> source) {
        long limit = Veil.maxPromptBytes();
        long deadline = bodyTimeoutMillis(request);
        return Mono.defer(() -> {
            BodyCollector body = new BodyCollector(endpoint, limit);
            Mono<List<ByteBuf>> all = Flux.from(source).<ByteBuf>handle(body::accept).collectList();
            Mono<List<ByteBuf>> bounded = Mono.firstWithSignal(all, Mono.delay(Duration.ofMillis(deadline))
                    .flatMap(tick -> body.deadline(deadline)));
            return bounded.flatMap(buffers -> body.uninspected ? Mono.just(joined(buffers))
                    : decide(request, connection, endpoint, buffers));
        }).doOnDiscard(ByteBuf.class, ReferenceCountUtil::release);
    }

    private static volatile Field responseTimeoutField;

    /** The client's response timeout ({@code HttpClientOperations.responseTimeout}, 1.0 to 1.3) in ms, or the default. */
    private static long bodyTimeoutMillis(HttpClientRequest request) {
        try {
            Field f = responseTimeoutField;
            if (f == null || !f.getDeclaringClass().isInstance(request)) {
                f = null;
                for (Class<?> c = request.getClass(); c != null && f == null; c = c.getSuperclass()) {
                    try {
                        f = c.getDeclaredField("responseTimeout");
                    } catch (NoSuchFieldException notHere) {
                        // look further up
                    }
                }
                if (f == null) {
                    return DEFAULT_BODY_TIMEOUT_MILLIS;
                }
                f.setAccessible(true);
                responseTimeoutField = f;
            }
            Object timeout = f.get(request);
            if (timeout instanceof Duration && ((Duration) timeout).toMillis() > 0) {
                return ((Duration) timeout).toMillis();
            }
        } catch (Throwable ignored) {
            // another implementation: the default
        }
        return DEFAULT_BODY_TIMEOUT_MILLIS;
    }

    /** Collects one body: buffers as they come, counted against the cap; other objects cannot be read. */
    private static final class BodyCollector {
        private final Object endpoint;
        private final long limit;
        private long total;
        /** The failure policy let the body go out uninspected (it passed the cap under veil.failure=open). */
        volatile boolean uninspected;

        BodyCollector(Object endpoint, long limit) {
            this.endpoint = endpoint;
            this.limit = limit;
        }

        /** Passes on the buffer to keep for {@code item}, or fails the body (after releasing the item). */
        void accept(Object item, SynchronousSink<ByteBuf> sink) {
            try {
                sink.next(buffer(item));
            } catch (IOException e) {
                sink.error(e);
            }
        }

        private ByteBuf buffer(Object item) throws IOException {
            ByteBuf buf;
            if (item instanceof ByteBuf) {
                buf = (ByteBuf) item;
            } else if (item instanceof ByteBufHolder) {
                buf = ((ByteBufHolder) item).content().retain();
                ReferenceCountUtil.release(item);
            } else {
                ReferenceCountUtil.safeRelease(item);
                // Buffers already collected cannot go out in order with this object through one full request.
                RequestVerdict verdict = Veil.interceptionFailed(endpoint, new IllegalStateException("a request body part sent as "
                        + (item == null ? "null" : item.getClass().getName()) + " cannot be inspected"));
                throw new IOException(verdict.isBlock() ? verdict.message()
                        : "veil: a request body part of this type cannot be inspected or sent in order; request not sent");
            }
            total += buf.readableBytes();
            if (total > limit && !uninspected) {
                RequestVerdict verdict = Veil.interceptionFailed(endpoint, new PromptTooLargeException(limit));
                if (verdict.isBlock()) {
                    ReferenceCountUtil.safeRelease(buf);
                    throw new IOException(verdict.message());
                }
                uninspected = true;
            }
            return buf;
        }

        /** The outcome when the body has not completed within the deadline. */
        Mono<List<ByteBuf>> deadline(long millis) {
            RequestVerdict verdict = Veil.interceptionFailed(endpoint,
                    new TimeoutException("the request body did not complete within " + millis + " ms"));
            if (verdict.isBlock()) {
                return Mono.error(new IOException(verdict.message()));
            }
            uninspected = true;
            return Mono.never(); // open: the app's body still decides when the request goes
        }
    }

    /** Runs once the app's body is complete. Owns {@code buffers}: each is sent or released. */
    private static Mono<ByteBuf> decide(HttpClientRequest request, Connection connection, Object endpoint, List<ByteBuf> buffers) {
        RequestVerdict verdict;
        HttpHeaders headers = request.requestHeaders();
        try {
            byte[] bytes = bytesOf(buffers);
            verdict = Veil.inspectRequest(endpoint, bytes, headers.get("Content-Encoding"), headers.get("traceparent"), true);
        } catch (Throwable t) {
            verdict = Veil.interceptionFailed(endpoint, t);
        }
        try {
            if (verdict.isBlock()) {
                release(buffers);
                return Mono.error(new IOException(verdict.message()));
            }
            for (Map.Entry<String, String> h : verdict.headersToAdd().entrySet()) {
                headers.set(h.getKey(), h.getValue());
            }
            ReactorNettyCall.follow(connection, verdict.call(), verdict.filtersResponse());
            if (verdict.isRewrite()) {
                release(buffers);
                return Mono.just(Unpooled.wrappedBuffer(verdict.body()));
            }
            return Mono.just(joined(buffers));
        } catch (Throwable t) {
            release(buffers);
            Veil.callEnded(verdict.call(), t);
            return Mono.error(new IOException("veil: internal error; request not sent"));
        }
    }

    /** The body's bytes (without consuming the buffers), at most {@code veil.prompt.max-bytes} of them. */
    private static byte[] bytesOf(List<ByteBuf> buffers) throws PromptTooLargeException {
        long limit = Veil.maxPromptBytes();
        long total = 0;
        for (ByteBuf b : buffers) {
            total += b.readableBytes();
        }
        if (total > limit) {
            throw new PromptTooLargeException(limit);
        }
        byte[] bytes = new byte[(int) total];
        int at = 0;
        for (ByteBuf b : buffers) {
            int n = b.readableBytes();
            b.getBytes(b.readerIndex(), bytes, at, n);
            at += n;
        }
        return bytes;
    }

    private static ByteBuf joined(List<ByteBuf> buffers) {
        return buffers.isEmpty() ? Unpooled.EMPTY_BUFFER
                : buffers.size() == 1 ? buffers.get(0) : Unpooled.wrappedBuffer(buffers.toArray(new ByteBuf[0]));
    }

    private static void release(List<ByteBuf> buffers) {
        for (ByteBuf b : buffers) {
            ReferenceCountUtil.safeRelease(b);
        }
    }
}
