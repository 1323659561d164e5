package dev.veil.instrumentation.okhttp;

import dev.veil.bootstrap.Veil;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.Okio;

/** The app's view of an LLM response body: the same bytes, passed through {@link TeeSource} as it reads. */
final class TeeResponseBody extends ResponseBody {

    private final ResponseBody delegate;
    private final Object call;
    private final boolean filter;
    private BufferedSource source;

    private TeeResponseBody(ResponseBody delegate, Object call, boolean filter) {
        this.delegate = delegate;
        this.call = call;
        this.filter = filter;
    }

    /** The response with its body teed to Veil; the response as it is if that cannot be done. Never throws. */
    static Response tee(Response response, Object call, boolean filter) {
        try {
            Veil.responseStarted(call, response.code(), response.header("Content-Type"), response.header("Content-Encoding"));
            ResponseBody body = response.body();
            if (body == null) {
                Veil.callEnded(call, null);
                return response;
            }
            return response.newBuilder().body(new TeeResponseBody(body, call, filter)).build();
        } catch (Throwable t) {
            Veil.callEnded(call, t);
            return response;
        }
    }

    @Override
    public MediaType contentType() {
        return delegate.contentType();
    }

    @Override
    public long contentLength() {
        // A filtered body may be shorter than the server's.
        return filter ? -1 : delegate.contentLength();
    }

    @Override
    public synchronized BufferedSource source() {
        if (source == null) {
            source = Okio.buffer(new TeeSource(delegate.source(), call, filter, delegate.contentLength()));
        }
        return source;
    }
}
