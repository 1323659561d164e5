package dev.veil.instrumentation.azurecore;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The response the app (the SDK's RestProxy) gets: the transport's own response, whose body is shown to Veil
 * as it is read, however it is read — a {@code Flux<ByteBuffer>} (async streams), bytes, text,
 * {@code BinaryData} (sync clients, streams included) or an {@code InputStream}. The app reads exactly the
 * transport's bytes, at the same moment.
 */
final class TeeingHttpResponse extends HttpResponse {

    private final HttpResponse delegate;
    private final AzureCall call;

    TeeingHttpResponse(HttpResponse delegate, AzureCall call) {
        super(delegate.getRequest());
        this.delegate = delegate;
        this.call = call;
    }

    @Override
    public int getStatusCode() {
        return delegate.getStatusCode();
    }

    @Override
    @SuppressWarnings("deprecation")
    public String getHeaderValue(String name) {
        return delegate.getHeaderValue(name);
    }

    @Override
    public String getHeaderValue(HttpHeaderName headerName) {
        return delegate.getHeaderValue(headerName);
    }

    @Override
    public HttpHeaders getHeaders() {
        return delegate.getHeaders();
    }

    @Override
    public Flux<ByteBuffer> getBody() {
        return Flux.defer(() -> call.claim() ? call.tee(delegate.getBody()) : delegate.getBody());
    }

    @Override
    public Mono<byte[]> getBodyAsByteArray() {
        return Mono.defer(() -> call.claim()
                ? call.teeWhole(delegate.getBodyAsByteArray(), bytes -> bytes)
                : delegate.getBodyAsByteArray());
    }

    @Override
    public Mono<String> getBodyAsString() {
        return Mono.defer(() -> call.claim()
                ? call.teeWhole(delegate.getBodyAsString(), text -> text.getBytes(StandardCharsets.UTF_8))
                : delegate.getBodyAsString());
    }

    @Override
    public Mono<String> getBodyAsString(Charset charset) {
        return Mono.defer(() -> call.claim()
                ? call.teeWhole(delegate.getBodyAsString(charset), text -> text.getBytes(charset))
                : delegate.getBodyAsString(charset));
    }

    @Override
    public BinaryData getBodyAsBinaryData() {
        return call.claim() ? call.tee(delegate.getBodyAsBinaryData()) : delegate.getBodyAsBinaryData();
    }

    @Override
    public Mono<InputStream> getBodyAsInputStream() {
        return Mono.defer(() -> {
            if (!call.claim()) {
                return delegate.getBodyAsInputStream();
            }
            BinaryData body = call.tee(delegate.getBodyAsBinaryData());
            return body == null ? Mono.empty() : Mono.just(body.toStream());
        });
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            call.closed();
        }
    }
}
