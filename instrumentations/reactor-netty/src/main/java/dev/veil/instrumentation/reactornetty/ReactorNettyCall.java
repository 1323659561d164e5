package dev.veil.instrumentation.reactornetty;

import dev.veil.bootstrap.Veil;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.netty.Connection;

/**
 * One followed LLM call on one request attempt ({@code HttpClientOperations} instance), kept in an
 * attribute of its channel (a pooled HTTP/1.1 connection carries one exchange at a time; an HTTP/2 stream
 * has its own channel). Response content is shown to Veil as Reactor Netty receives it, before the app's
 * subscriber gets it, so the app is never delayed; when Veil filters the response (it asked the server for
 * streamed usage) the app gets Veil's bytes instead. The end of the response, an inbound error (read
 * timeout), a cancel, a closed connection or the end of the exchange ends the call, once.
 */
public final class ReactorNettyCall {

    static final int CANCELLED = 0;
    static final int CLOSED = 1;
    static final int TERMINATED = 2;
    static final int FAILED = 3;

    private static final AttributeKey<ReactorNettyCall> KEY = AttributeKey.valueOf("dev.veil.reactornetty.call");

    private final Connection operations;
    private final Object call;
    private final boolean filter;
    private final AtomicBoolean ended = new AtomicBoolean();
    private boolean started;

    private ReactorNettyCall(Connection operations, Object call, boolean filter) {
        this.operations = operations;
        this.call = call;
        this.filter = filter;
    }

    /** Follows the response of this request attempt on {@code call} (nothing when null). */
    static void follow(Connection operations, Object call, boolean filter) {
        if (call != null) {
            operations.channel().attr(KEY).set(new ReactorNettyCall(operations, call, filter));
        }
    }

    private static ReactorNettyCall of(Object operations) {
        if (!(operations instanceof Connection)) {
            return null;
        }
        Channel channel = ((Connection) operations).channel();
        if (channel == null || !channel.hasAttr(KEY)) {
            return null;
        }
        ReactorNettyCall c = channel.attr(KEY).get();
        return c != null && c.operations == operations ? c : null;
    }

    /** The message Reactor Netty goes on with: {@code message} itself, unless Veil filters the response. Never throws. */
    public static Object inbound(Object operations, Object message) {
        try {
            ReactorNettyCall c = of(operations);
            return c == null ? message : c.next(message);
        } catch (Throwable t) {
            return message;
        }
    }

    /** Ends a followed call that is still open. Never throws. */
    public static void end(Object operations, int reason, Throwable error) {
        try {
            ReactorNettyCall c = of(operations);
            if (c != null) {
                c.end(reason == FAILED ? error
                        : reason == CANCELLED ? new CancellationException("the application cancelled the response before its end")
                        : reason == CLOSED ? new IOException("the connection closed before the end of the response")
                        : new IOException("the exchange ended before the end of the response"));
            }
        } catch (Throwable ignored) {
            // bookkeeping only
        }
    }

    private Object next(Object message) {
        if (message instanceof HttpResponse) {
            HttpResponse response = (HttpResponse) message;
            if (response.decoderResult().isFailure() || HttpResponseStatus.CONTINUE.equals(response.status()) || started) {
                return message; // Reactor Netty fails, skips or ignores it
            }
            started = true;
            Veil.responseStarted(call, response.status().code(), response.headers().get("Content-Type"),
                    response.headers().get("Content-Encoding"));
        }
        if (!(message instanceof HttpContent) || !started || ended.get()) {
            return message;
        }
        HttpContent content = (HttpContent) message;
        boolean last = message instanceof LastHttpContent;
        if (last && content.decoderResult().isFailure()) {
            return message; // onInboundError follows
        }
        ByteBuf buf = content.content();
        int n = buf.readableBytes();
        byte[] bytes = new byte[n];
        buf.getBytes(buf.readerIndex(), bytes);
        if (!filter) {
            Veil.responseChunk(call, bytes, 0, n);
            if (last) {
                end(null);
            }
            return message;
        }
        byte[] kept = Veil.filterResponseChunk(call, bytes, 0, n);
        if (last) {
            byte[] rest = Veil.finishResponseFilter(call);
            if (rest.length > 0) {
                byte[] all = new byte[kept.length + rest.length];
                System.arraycopy(kept, 0, all, 0, kept.length);
                System.arraycopy(rest, 0, all, kept.length, rest.length);
                kept = all;
            }
            end(null);
        }
        HttpContent replaced = content.replace(Unpooled.wrappedBuffer(kept));
        content.release();
        return replaced;
    }

    private void end(Throwable failure) {
        if (ended.compareAndSet(false, true)) {
            operations.channel().attr(KEY).compareAndSet(this, null);
            Veil.callEnded(call, failure);
        }
    }
}
