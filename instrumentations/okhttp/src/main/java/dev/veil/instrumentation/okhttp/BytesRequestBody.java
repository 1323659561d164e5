package dev.veil.instrumentation.okhttp;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * The bytes Veil decided to send, with the original body's content type. A body the app sent without a
 * length stays without one (chunked), so the framing the server sees does not change. Repeatable, so
 * OkHttp may retry or follow a 307/308 with it.
 */
final class BytesRequestBody extends RequestBody {

    private final MediaType contentType;
    private final byte[] bytes;
    private final boolean lengthKnown;

    BytesRequestBody(RequestBody original, byte[] bytes) throws IOException {
        this.contentType = original == null ? null : original.contentType();
        this.lengthKnown = original == null || original.contentLength() >= 0;
        this.bytes = bytes;
    }

    @Override
    public MediaType contentType() {
        return contentType;
    }

    @Override
    public long contentLength() {
        return lengthKnown ? bytes.length : -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        sink.write(bytes);
    }
}
