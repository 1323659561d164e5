package dev.veil.instrumentation.okhttp;

import dev.veil.bootstrap.PromptTooLargeException;
import dev.veil.bootstrap.RequestVerdict;
import dev.veil.bootstrap.Veil;
import java.io.IOException;
import java.lang.reflect.Method;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.Okio;

/**
 * Reads an LLM request's body, asks Veil, and builds the request to send. Never throws: a failure of its
 * own becomes Veil's failure policy (closed: the call fails with a {@code veil: } IOException).
 */
final class OkHttpRequests {

    /** {@code RequestBody.isDuplex()}/{@code isOneShot()} exist from OkHttp 3.14; null before. */
    private static final Method IS_DUPLEX = method("isDuplex");
    private static final Method IS_ONE_SHOT = method("isOneShot");

    private OkHttpRequests() {
    }

    /** The outcome: the request to send and the call handle, or the IOException to fail the call with. */
    static final class Prepared {
        final Request request;
        final Object call;
        final boolean filter;
        final IOException failure;

        Prepared(Request request, Object call, boolean filter, IOException failure) {
            this.request = request;
            this.call = call;
            this.filter = filter;
            this.failure = failure;
        }
    }

    static Prepared prepare(Request request, Object endpoint) {
        RequestBody body = request.body();
        byte[] bytes = null;
        RequestVerdict verdict;
        try {
            if (body != null && flag(IS_DUPLEX, body)) {
                // A duplex body is written while the response is read: it cannot be held back for inspection.
                verdict = Veil.interceptionFailed(endpoint,
                        new IllegalStateException("a duplex request body cannot be held back for inspection"));
            } else {
                bytes = body == null ? new byte[0] : read(body);
                verdict = Veil.inspectRequest(endpoint, bytes, request.header("Content-Encoding"),
                        request.header("traceparent"), true);
            }
        } catch (Throwable t) {
            verdict = Veil.interceptionFailed(endpoint, t);
        }
        try {
            return withHeaders(apply(request, body, bytes, verdict), verdict);
        } catch (Throwable t) {
            return new Prepared(null, null, false, new IOException("veil: internal error; request not sent"));
        }
    }

    private static Prepared apply(Request request, RequestBody body, byte[] bytes, RequestVerdict verdict)
            throws IOException {
        if (verdict.isBlock()) {
            return new Prepared(null, null, false, new IOException(verdict.message()));
        }
        Object call = verdict.call();
        if (verdict.isRewrite()) {
            Request rewritten = request.newBuilder()
                    .method(request.method(), new BytesRequestBody(body, verdict.body()))
                    .build();
            return new Prepared(rewritten, call, verdict.filtersResponse(), null);
        }
        // Pass. A body OkHttp can write again is sent as it is; a one-shot body we read is replaced by its bytes.
        if (body == null || bytes == null || !flag(IS_ONE_SHOT, body)) {
            return new Prepared(request, call, false, null);
        }
        Request same = request.newBuilder().method(request.method(), new BytesRequestBody(body, bytes)).build();
        return new Prepared(same, call, false, null);
    }

    /** The verdict's extra headers (e.g. {@code traceparent}), each replacing one of the same name. */
    private static Prepared withHeaders(Prepared prepared, RequestVerdict verdict) {
        if (prepared.request == null || verdict.headersToAdd().isEmpty()) {
            return prepared;
        }
        Request.Builder builder = prepared.request.newBuilder();
        for (java.util.Map.Entry<String, String> header : verdict.headersToAdd().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        return new Prepared(builder.build(), prepared.call, prepared.filter, prepared.failure);
    }

    /** The body's bytes, at most {@code veil.prompt.max-bytes} of them. */
    private static byte[] read(RequestBody body) throws IOException {
        long limit = Veil.maxPromptBytes();
        long length = body.contentLength();
        if (length > limit) {
            throw new PromptTooLargeException(limit);
        }
        Buffer buffer = new Buffer();
        BufferedSink sink = Okio.buffer(new CappedSink(buffer, limit));
        body.writeTo(sink);
        sink.flush();
        return buffer.readByteArray();
    }

    private static boolean flag(Method method, RequestBody body) {
        if (method == null) {
            return false;
        }
        try {
            return (Boolean) method.invoke(body);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Method method(String name) {
        try {
            return RequestBody.class.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
