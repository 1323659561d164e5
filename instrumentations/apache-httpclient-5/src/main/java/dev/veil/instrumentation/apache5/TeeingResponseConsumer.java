package dev.veil.instrumentation.apache5;

import dev.veil.bootstrap.Veil;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Sits between the async client and the app's response consumer: every call is passed on unchanged, at
 * once; the bytes the app's consumer took from each buffer are then shown to Veil. The end of the stream,
 * a failure, a cancel and an early release end the call.
 */
final class TeeingResponseConsumer<T> implements AsyncResponseConsumer<T> {

    private final AsyncResponseConsumer<T> delegate;
    private final Object call;

    TeeingResponseConsumer(AsyncResponseConsumer<T> delegate, Object call) {
        this.delegate = delegate;
        this.call = call;
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entityDetails, HttpContext context,
                                FutureCallback<T> resultCallback) throws HttpException, IOException {
        Veil.responseStarted(call, response.getCode(),
                entityDetails != null && entityDetails.getContentType() != null
                        ? entityDetails.getContentType() : header(response, "Content-Type"),
                entityDetails != null && entityDetails.getContentEncoding() != null
                        ? entityDetails.getContentEncoding() : header(response, "Content-Encoding"));
        try {
            delegate.consumeResponse(response, entityDetails, context, resultCallback);
        } catch (HttpException | IOException | RuntimeException e) {
            Veil.callEnded(call, e);
            throw e;
        }
        if (entityDetails == null) {
            Veil.callEnded(call, null);
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) throws HttpException, IOException {
        delegate.informationResponse(response, context);
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        delegate.updateCapacity(capacityChannel);
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        ByteBuffer view = src.duplicate();
        try {
            delegate.consume(src);
        } catch (IOException | RuntimeException e) {
            Veil.callEnded(call, e);
            throw e;
        }
        int taken = src.position() - view.position();
        if (taken > 0) {
            byte[] bytes = new byte[taken];
            view.get(bytes);
            Veil.responseChunk(call, bytes, 0, taken);
        }
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
        // The last byte is in: the call ends before the app's consumer completes its future (as the JDK
        // and classic tees end it before the app sees the end of the stream).
        Veil.callEnded(call, null);
        delegate.streamEnd(trailers);
    }

    @Override
    public void failed(Exception cause) {
        Veil.callEnded(call, cause);
        delegate.failed(cause);
    }

    @Override
    public void releaseResources() {
        // After the end this is a no-op for Veil; before it, the exchange was cancelled or abandoned.
        Veil.callEnded(call, new CancellationException("the response was released before its end"));
        delegate.releaseResources();
    }

    private static String header(HttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }
}
