package dev.veil.instrumentation.jdkhttp;

import dev.veil.bootstrap.PromptTooLargeException;
import dev.veil.bootstrap.RequestVerdict;
import dev.veil.bootstrap.Veil;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Glue for {@code java.net.http.HttpClient}, called from the advice in {@code HttpClientImpl}.
 * Injected into the platform class loader, next to {@code java.net.http}; it calls the engine only
 * through {@code dev.veil.bootstrap.Veil}. Requests to non-LLM endpoints are returned as they are, without reading
 * their bodies. For an LLM endpoint the body is read, handed to the engine, and the request is
 * rebuilt with the bytes to send — or replaced by a {@link BlockedRequest}.
 */
public final class JdkHttpRequests {

    private static final long DEFAULT_BODY_TIMEOUT_MILLIS = 60_000;

    private JdkHttpRequests() {
    }

    /**
     * The request and body handler to use: the same instances for a non-LLM request; for an LLM request the
     * request with the bytes to send (or a {@link BlockedRequest}) and a handler that tees the response to
     * Veil. Never throws.
     */
    public static JdkHttpCall prepare(HttpRequest request, HttpResponse.BodyHandler<?> handler) {
        Object endpoint;
        try {
            URI uri = request.uri();
            endpoint = Veil.matchEndpoint(request.method(), uri.getScheme(), uri.getHost(), uri.getPort(),
                    uri.getRawPath(), uri.getRawQuery());
        } catch (Throwable t) {
            // No URI to match means the client rejects the request itself.
            return new JdkHttpCall(request, handler, null);
        }
        if (endpoint == null || handledAbove(request)) {
            return new JdkHttpCall(request, handler, null);
        }
        BodyPublisher publisher = null;
        boolean consumed = false;
        byte[] body = null;
        RequestVerdict verdict;
        try {
            Optional<BodyPublisher> maybe = request.bodyPublisher();
            publisher = maybe.orElse(null);
            long length = publisher == null ? 0 : publisher.contentLength();
            if (length == 0) {
                body = new byte[0];
            } else {
                long limit = Veil.maxPromptBytes();
                if (length > limit) {
                    throw new PromptTooLargeException(limit);
                }
                long timeout = request.timeout().map(d -> d.toMillis()).orElse(DEFAULT_BODY_TIMEOUT_MILLIS);
                consumed = true;
                body = BodyCollector.collect(publisher, limit, Math.max(1, timeout));
            }
            String encoding = request.headers().firstValue("Content-Encoding").orElse(null);
            String traceparent = request.headers().firstValue("traceparent").orElse(null);
            // Veil can undo a stream-usage request only in a response it reads uncompressed: the JDK client
            // never asks for compression itself, so only an app-set Accept-Encoding rules it out.
            boolean canFilter = request.headers().firstValue("Accept-Encoding").map(v -> v.trim().equalsIgnoreCase("identity"))
                    .orElse(true);
            verdict = Veil.inspectRequest(endpoint, body, encoding, traceparent, canFilter);
        } catch (Throwable t) {
            verdict = Veil.interceptionFailed(endpoint, t);
        }
        try {
            HttpRequest toSend = apply(request, publisher, consumed, body, verdict);
            Object call = verdict.call();
            HttpResponse.BodyHandler<?> toUse = call == null || toSend instanceof BlockedRequest
                    ? handler : wrap(handler, call, verdict.filtersResponse());
            return new JdkHttpCall(toSend, toUse, call);
        } catch (Throwable t) {
            return new JdkHttpCall(new BlockedRequest(request, new IOException("veil: internal error; request not sent")),
                    handler, null);
        }
    }

    /** A signed request an SDK interceptor (AWS SDK v2) already inspected before signing it: sent as it is. */
    private static boolean handledAbove(HttpRequest request) {
        try {
            return Veil.isHandledAbove(request.headers().firstValue("Authorization").orElse(null));
        } catch (Throwable t) {
            return false;
        }
    }

    private static <T> HttpResponse.BodyHandler<T> wrap(HttpResponse.BodyHandler<T> handler, Object call, boolean filter) {
        return new TeeingBodyHandler<>(handler, call, filter);
    }

    /** Why the request was not sent: the block message, or an internal error. */
    public static IOException whyNotSent(HttpRequest request) {
        return request instanceof BlockedRequest
                ? ((BlockedRequest) request).failure()
                : new IOException("veil: internal error; request not sent");
    }

    private static HttpRequest apply(HttpRequest request, BodyPublisher publisher, boolean consumed, byte[] body,
                                     RequestVerdict verdict) {
        if (verdict.isBlock()) {
            return new BlockedRequest(request, new IOException(verdict.message()));
        }
        Map<String, String> extra = verdict.headersToAdd();
        if (verdict.isRewrite()) {
            return withBody(request, verdict.body(), publisher == null || publisher.contentLength() >= 0, extra);
        }
        // Pass. The original request is fine when its body was never read or can be read again.
        if (!consumed || isReplayable(publisher)) {
            return extra.isEmpty() ? request : rebuild(request,
                    publisher == null ? BodyPublishers.noBody() : publisher, extra);
        }
        // A one-shot body we read: send exactly the bytes we read.
        if (body != null) {
            return withBody(request, body, publisher.contentLength() >= 0, extra);
        }
        // A one-shot body we read only in part (too large, failed, timed out): it cannot be sent as it was.
        return new BlockedRequest(request, new IOException(
                "veil: the request body was consumed while inspecting it and cannot be sent unchanged"));
    }

    /** The JDK's own publishers that produce the same bytes on every subscription. */
    private static boolean isReplayable(BodyPublisher publisher) {
        String name = publisher.getClass().getName();
        return name.equals("jdk.internal.net.http.RequestPublishers$ByteArrayPublisher")
                || name.equals("jdk.internal.net.http.RequestPublishers$StringPublisher")
                || name.equals("jdk.internal.net.http.RequestPublishers$FilePublisher")
                || name.equals("jdk.internal.net.http.RequestPublishers$EmptyPublisher");
    }

    /**
     * Rebuilds the request around new body bytes. A body of known length gets the new length; a body the
     * app streamed without a length stays without one (chunked on HTTP/1.1), so framing is unchanged.
     */
    static HttpRequest withBody(HttpRequest request, byte[] body, boolean lengthKnown, Map<String, String> extra) {
        BodyPublisher bytes = BodyPublishers.ofByteArray(body);
        return rebuild(request, lengthKnown ? bytes : BodyPublishers.fromPublisher(bytes), extra);
    }

    /**
     * The same request with {@code publisher} as its body and the verdict's extra headers (each replacing
     * any header of the same name).
     */
    static HttpRequest rebuild(HttpRequest request, BodyPublisher publisher, Map<String, String> extra) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                .method(request.method(), publisher)
                .expectContinue(request.expectContinue());
        request.timeout().ifPresent(builder::timeout);
        request.version().ifPresent(builder::version);
        for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
            if (header.getKey().equalsIgnoreCase("content-length") || containsIgnoreCase(extra, header.getKey())) {
                continue;
            }
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        for (Map.Entry<String, String> header : extra.entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        return builder.build();
    }

    private static boolean containsIgnoreCase(Map<String, String> headers, String name) {
        for (String key : headers.keySet()) {
            if (key.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
