package dev.veil.instrumentation.reactornetty;

import dev.veil.bootstrap.PromptTooLargeException;
import dev.veil.bootstrap.RequestVerdict;
import dev.veil.bootstrap.Veil;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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
            Object endpoint = source == null ? null : endpoint(operations);
            return endpoint == null ? source : inspected((HttpClientRequest) operations, (Connection) operations, endpoint, source);
        } catch (Throwable t) {
            return source;
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
            return outbound.then(Mono.<Void>error(new IOException(verdict.message())));
        } catch (Throwable t) {
            return null;
        }
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

    @SuppressWarnings("unchecked")
    private static Mono<ByteBuf> inspected(HttpClientRequest request, Connection connection, Object endpoint, Publisher<?> source) {
        return Flux.from((Publisher<ByteBuf>) source)
                .collectList()
                .flatMap(buffers -> decide(request, connection, endpoint, buffers))
                .doOnDiscard(ByteBuf.class, ReferenceCountUtil::release);
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
            return Mono.just(buffers.isEmpty() ? Unpooled.EMPTY_BUFFER
                    : buffers.size() == 1 ? buffers.get(0) : Unpooled.wrappedBuffer(buffers.toArray(new ByteBuf[0])));
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

    private static void release(List<ByteBuf> buffers) {
        for (ByteBuf b : buffers) {
            ReferenceCountUtil.safeRelease(b);
        }
    }
}
