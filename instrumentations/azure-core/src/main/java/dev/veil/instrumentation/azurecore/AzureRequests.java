package dev.veil.instrumentation.azurecore;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpRequest;
import com.azure.core.util.BinaryData;
import dev.veil.bootstrap.PromptTooLargeException;
import dev.veil.bootstrap.RequestVerdict;
import dev.veil.bootstrap.Veil;
import dev.veil.bootstrap.VettedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.util.Map;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/** The request side of Veil's azure-core policies. Never throws out of {@link #prepare}. */
final class AzureRequests {

    /** Pipeline-call data: the vetted body the attempts send ({@link Sent}). */
    static final String SENT = "dev.veil.azure.sent";

    private static final byte[] EMPTY = new byte[0];

    private AzureRequests() {
    }

    /** The LLM endpoint this request goes to, or null (then nothing else is done). */
    static Object match(HttpRequest request) {
        try {
            URL url = request.getUrl();
            return Veil.matchEndpoint(request.getHttpMethod().name(), url.getProtocol(), url.getHost(), url.getPort(),
                    url.getPath(), url.getQuery());
        } catch (Throwable t) {
            // No URL or method: the pipeline rejects the request itself.
            return null;
        }
    }

    /**
     * The request body, read without blocking: a replayable body (bytes, a serialized object, the SDKs' usual
     * case) is read in place; a one-shot stream is collected, at most {@link Veil#maxPromptBytes()} bytes.
     */
    static Mono<byte[]> readBody(HttpRequest request) {
        BinaryData body = request.getBodyAsBinaryData();
        if (body == null) {
            return Mono.just(EMPTY);
        }
        long limit = Veil.maxPromptBytes();
        Long length = body.getLength();
        if (length != null && length > limit) {
            return Mono.error(new PromptTooLargeException(limit));
        }
        if (body.isReplayable()) {
            return Mono.fromCallable(() -> capped(body.toBytes(), limit));
        }
        return body.toFluxByteBuffer()
                .collect(() -> new CappedBytes(limit), CappedBytes::add)
                .map(CappedBytes::bytes);
    }

    /** {@link #readBody} for a synchronous pipeline (the caller's thread may block). */
    static byte[] readBodySync(HttpRequest request) throws IOException {
        BinaryData body = request.getBodyAsBinaryData();
        if (body == null) {
            return EMPTY;
        }
        if (body.isReplayable()) {
            long limit = Veil.maxPromptBytes();
            Long length = body.getLength();
            if (length != null && length > limit) {
                throw new PromptTooLargeException(limit);
            }
            return capped(body.toBytes(), limit);
        }
        return readBody(request).block();
    }

    private static byte[] capped(byte[] bytes, long limit) throws PromptTooLargeException {
        if (bytes != null && bytes.length > limit) {
            throw new PromptTooLargeException(limit);
        }
        return bytes == null ? EMPTY : bytes;
    }

    /**
     * Decides about the call and applies the decision to the pipeline's request: the vetted bytes become its
     * body (with their Content-Length) and the verdict's extra headers are set. {@code failure}: reading the
     * body failed, so the failure policy decides. The returned call is blocked, not followed, or followed.
     */
    static AzureCall prepare(HttpPipelineCallContext context, Object endpoint, byte[] body, Throwable failure) {
        HttpRequest request = context.getHttpRequest();
        try {
            boolean replayable = request.getBodyAsBinaryData() == null || request.getBodyAsBinaryData().isReplayable();
            VettedRequest vetted = null;
            RequestVerdict verdict;
            if (failure == null) {
                URL url = request.getUrl();
                vetted = Veil.inspectAbove(endpoint, request.getHttpMethod().name(), url.getHost(), body,
                        request.getHeaders().getValue(HttpHeaderName.CONTENT_ENCODING),
                        request.getHeaders().getValue(HttpHeaderName.fromString("traceparent")), false);
                verdict = vetted.verdict();
            } else {
                verdict = Veil.interceptionFailed(endpoint, Exceptions.unwrap(failure));
            }
            if (verdict.isBlock()) {
                return AzureCall.blocked(verdict.message());
            }
            byte[] toSend = vetted != null ? vetted.bytesToSend() : null;
            if (toSend != null) {
                // The exact bytes Veil saw: what every attempt sends, and what the glue below recognises.
                request.setBody(BinaryData.fromBytes(toSend));
            } else if (!replayable) {
                // The failure policy lets it go, but the one-shot body was (partly) consumed reading it.
                return AzureCall.blocked("veil: the request body was consumed while inspecting it and cannot be sent unchanged");
            }
            for (Map.Entry<String, String> header : verdict.headersToAdd().entrySet()) {
                request.setHeader(HttpHeaderName.fromString(header.getKey()), header.getValue());
            }
            if (vetted != null && vetted.isVetted()) {
                context.setData(SENT, new Sent(request.getBodyAsBinaryData(), vetted));
            }
            return AzureCall.sent(verdict.call());
        } catch (Throwable t) {
            RequestVerdict verdict = Veil.interceptionFailed(endpoint, t);
            return verdict.isBlock() ? AzureCall.blocked(verdict.message()) : AzureCall.sent(null);
        }
    }

    /** Before one attempt goes to the HttpClient: records a vetted send when the attempt carries the vetted body. */
    static void sending(HttpPipelineCallContext context) {
        try {
            Object sent = context.getData(SENT).orElse(null);
            if (sent instanceof Sent) {
                ((Sent) sent).sending(context.getHttpRequest());
            }
        } catch (Throwable ignored) {
            // nothing recorded: the glue below inspects this send itself
        }
    }

    /** The vetted body of a call; retries copy the request but keep this very body instance. */
    static final class Sent {
        private final BinaryData body;
        private final VettedRequest vetted;

        Sent(BinaryData body, VettedRequest vetted) {
            this.body = body;
            this.vetted = vetted;
        }

        void sending(HttpRequest request) {
            // A policy further down that replaced the body sends bytes nobody vetted: nothing is recorded.
            if (request.getBodyAsBinaryData() == body) {
                vetted.sending();
            }
        }
    }

    /** Collects a one-shot body, failing past the limit. */
    static final class CappedBytes {
        private final long limit;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);

        CappedBytes(long limit) {
            this.limit = limit;
        }

        void add(ByteBuffer buffer) {
            ByteBuffer view = buffer.duplicate();
            if ((long) out.size() + view.remaining() > limit) {
                throw Exceptions.propagate(new PromptTooLargeException(limit));
            }
            if (view.hasArray()) {
                out.write(view.array(), view.arrayOffset() + view.position(), view.remaining());
            } else {
                byte[] bytes = new byte[view.remaining()];
                view.get(bytes);
                out.write(bytes, 0, bytes.length);
            }
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
