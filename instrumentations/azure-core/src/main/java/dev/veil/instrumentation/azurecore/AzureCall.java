package dev.veil.instrumentation.azurecore;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import dev.veil.bootstrap.Veil;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One LLM call through Veil's call policy: blocked, or sent and (when Veil follows it) its response teed.
 * The call ends exactly once: end of body, error, cancellation, or the response closed early.
 */
final class AzureCall {

    private final String blocked;
    /** Veil's handle for the response, or null when it does not follow this call. */
    private final Object call;
    private final AtomicBoolean ended = new AtomicBoolean();
    /** The first read of the response body is teed; a second read (e.g. of a replayable body) is not. */
    private final AtomicBoolean claimed = new AtomicBoolean();
    private volatile boolean responded;

    private AzureCall(String blocked, Object call) {
        this.blocked = blocked;
        this.call = call;
    }

    static AzureCall blocked(String message) {
        return new AzureCall(message, null);
    }

    static AzureCall sent(Object call) {
        return new AzureCall(null, call);
    }

    /** The {@code veil: ...} message when the call must not be sent, else null. */
    String blocked() {
        return blocked;
    }

    /** The pipeline's response, teed to Veil when it follows the call. */
    Mono<HttpResponse> follow(Mono<HttpResponse> response) {
        if (call == null) {
            return response;
        }
        return response.map(this::wrap)
                .doOnError(this::end)
                .doOnCancel(() -> {
                    if (!responded) {
                        end(new CancellationException("the call was cancelled before its response"));
                    }
                });
    }

    HttpResponse wrap(HttpResponse response) {
        if (call == null || response == null) {
            return response;
        }
        responded = true;
        Veil.responseStarted(call, response.getStatusCode(), response.getHeaderValue(HttpHeaderName.CONTENT_TYPE),
                response.getHeaderValue(HttpHeaderName.CONTENT_ENCODING));
        return new TeeingHttpResponse(response, this);
    }

    boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    void end(Throwable failure) {
        if (ended.compareAndSet(false, true)) {
            Veil.callEnded(call, failure);
        }
    }

    /** The response was closed: a body still unread or half read ends the call here (a read one already did). */
    void closed() {
        end(new CancellationException("the response was closed before the end of its body"));
    }

    /** The body as the app reads it, each buffer shown to Veil first, unchanged. */
    Flux<ByteBuffer> tee(Flux<ByteBuffer> body) {
        if (body == null) {
            end(null);
            return null;
        }
        return body.doOnNext(this::chunk)
                .doOnComplete(() -> end(null))
                .doOnError(this::end)
                .doOnCancel(() -> end(new CancellationException("the response body was cancelled")));
    }

    /** A whole body read at once (bytes or text, as the app gets it). */
    <T> Mono<T> teeWhole(Mono<T> body, java.util.function.Function<T, byte[]> bytes) {
        return body.doOnSuccess(value -> {
            if (value != null) {
                chunk(bytes.apply(value));
            }
            end(null);
        }).doOnError(this::end).doOnCancel(() -> end(new CancellationException("the response body was cancelled")));
    }

    /**
     * A body as {@code BinaryData}: a replayable one (already in memory) is shown to Veil at once and handed
     * back as it is; a streamed one is handed back as the same stream, teed as it is read.
     */
    BinaryData tee(BinaryData body) {
        if (body == null) {
            end(null);
            return null;
        }
        if (body.isReplayable()) {
            chunk(body.toBytes());
            end(null);
            return body;
        }
        BinaryData[] teed = new BinaryData[1];
        // Not buffered: BinaryData.fromFlux completes at once, on this thread.
        BinaryData.fromFlux(tee(body.toFluxByteBuffer()), body.getLength(), false).subscribe(d -> teed[0] = d);
        return teed[0] != null ? teed[0] : body;
    }

    private void chunk(ByteBuffer buffer) {
        Veil.responseChunk(call, buffer);
    }

    private void chunk(byte[] bytes) {
        if (bytes != null) {
            Veil.responseChunk(call, bytes, 0, bytes.length);
        }
    }
}
