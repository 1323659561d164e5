package dev.veil.testapp.reactornetty;

import dev.veil.testapp.protocol.ConformanceApp;
import dev.veil.testapp.protocol.Reply;
import dev.veil.testapp.protocol.RequestSpec;
import dev.veil.testapp.protocol.Streamed;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * An unmodified app that calls with Reactor Netty's {@code HttpClient} the way reactive code does: one
 * shared client that follows redirects, {@code sendByteArray(Mono)} for a body of known length
 * ({@code sendObject(ByteBuf)} for the async calls), a
 * {@code Flux} of small buffers for one without ({@code chunked}), {@code responseSingle} read with
 * {@code block()} (sync) or {@code toFuture()} (async), and {@code response(...)} consumed one buffer at a
 * time for streams (cancel: the subscription is disposed). {@code HttpClient.create()} with
 * {@code sendString} sends the variant {@code plain}; the other {@code NettyOutbound} send methods are variants
 * too (see {@link #sendPath}).
 */
public final class ReactorNettyApp extends ConformanceApp {

    private final HttpClient client = HttpClient.create().followRedirect(true).responseTimeout(Duration.ofSeconds(30));
    private final HttpClient impatient = client.responseTimeout(Duration.ofSeconds(1));
    private final HttpClient plain = HttpClient.create();

    public static void main(String[] args) throws Exception {
        new ReactorNettyApp().runMain(args);
    }

    @Override
    protected Object build(RequestSpec spec) throws IOException {
        HttpClient chosen = spec.readTimeoutMillis > 0 ? impatient.responseTimeout(Duration.ofMillis(spec.readTimeoutMillis))
                : "plain".equals(spec.variant) ? plain : client;
        HttpClient withHeaders = chosen.headers(h -> {
            for (Map.Entry<String, String> e : spec.headers.entrySet()) {
                h.set(e.getKey(), e.getValue());
            }
        });
        byte[] bytes = spec.body;
        HttpClient.ResponseReceiver<?> receiver;
        HttpClient.ResponseReceiver<?> other = sendPath(spec.variant, withHeaders, spec.url, bytes);
        if (other != null) {
            receiver = other;
        } else if ("plain".equals(spec.variant)) {
            receiver = withHeaders.post().uri(spec.url)
                    .send((req, out) -> out.sendString(Mono.just(new String(bytes, StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        } else if (spec.unknownLength) {
            receiver = withHeaders.post().uri(spec.url)
                    .send((req, out) -> out.send(Flux.range(0, (bytes.length + 15) / 16)
                            .map(i -> Unpooled.wrappedBuffer(bytes, i * 16, Math.min(16, bytes.length - i * 16)))));
        } else if ("async".equals(spec.variant)) {
            receiver = withHeaders.post().uri(spec.url).send((req, out) -> out.sendObject(Unpooled.wrappedBuffer(bytes)));
        } else {
            receiver = withHeaders.post().uri(spec.url).send((req, out) -> out.sendByteArray(Mono.just(bytes)));
        }
        return receiver;
    }

    /**
     * The other ways {@code NettyOutbound} lets an app send a body (variants named after them), or null:
     * {@code send(Publisher, Predicate)}, {@code sendObject(Publisher)}, {@code sendGroups}, {@code sendString}
     * and {@code sendByteArray} of a {@code Flux}, {@code sendFile}, {@code sendFileChunked}, {@code sendForm} (a form field), and {@code never}:
     * a body whose publisher never completes, on a client with a 1 s response timeout.
     */
    private HttpClient.ResponseReceiver<?> sendPath(String variant, HttpClient client, String url, byte[] bytes) throws IOException {
        Flux<ByteBuf> chunks = Flux.range(0, (bytes.length + 15) / 16)
                .map(i -> Unpooled.wrappedBuffer(bytes, i * 16, Math.min(16, bytes.length - i * 16)));
        switch (variant) {
            case "sendPredicate":
                return client.post().uri(url).send((req, out) -> out.send(chunks, b -> true));
            case "sendObjectPublisher":
                return client.post().uri(url).send((req, out) -> out.sendObject(chunks));
            case "sendGroups":
                int half = bytes.length / 2;
                return client.post().uri(url).send((req, out) -> out.sendGroups(Flux.just(
                        Mono.fromCallable(() -> Unpooled.wrappedBuffer(bytes, 0, half)),
                        Mono.fromCallable(() -> Unpooled.wrappedBuffer(bytes, half, bytes.length - half)))));
            case "sendStringFlux":
                String text = new String(bytes, StandardCharsets.UTF_8);
                return client.post().uri(url).send((req, out) -> out.sendString(Flux.fromArray(text.split("(?<= )")), StandardCharsets.UTF_8));
            case "sendByteArrayFlux":
                return client.post().uri(url).send((req, out) -> out.sendByteArray(chunks.map(b -> {
                    byte[] copy = new byte[b.readableBytes()];
                    b.readBytes(copy);
                    b.release();
                    return copy;
                })));
            case "sendFile":
            case "sendFileChunked":
                Path file = Files.createTempFile("body", ".json");
                Files.write(file, bytes);
                file.toFile().deleteOnExit();
                return "sendFile".equals(variant) ? client.post().uri(url).send((req, out) -> out.sendFile(file))
                        : client.post().uri(url).send((req, out) -> out.sendFileChunked(file, 0, bytes.length));
            case "sendForm":
                String prompt = new String(bytes, StandardCharsets.UTF_8);
                return client.post().uri(url).sendForm((req, form) -> form.attr("prompt", prompt));
            case "never":
                return client.responseTimeout(Duration.ofSeconds(1)).post().uri(url)
                        .send((req, out) -> out.send(Flux.concat(chunks, Flux.<ByteBuf>never())));
            default:
                return null;
        }
    }

    private static Mono<Reply> reply(Object request) {
        return ((HttpClient.ResponseReceiver<?>) request).responseSingle((res, body) -> body.asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("")
                .map(text -> new Reply(res.status().code(), text)));
    }

    @Override
    protected Reply execute(Object request) throws Exception {
        try {
            return reply(request).block();
        } catch (RuntimeException e) {
            throw unwrapped(e);
        }
    }

    @Override
    protected Reply executeAsync(Object request) throws Exception {
        return reply(request).toFuture().get(60, TimeUnit.SECONDS);
    }

    @Override
    protected Streamed open(Object request) throws Exception {
        Flux<Object> all = ((HttpClient.ResponseReceiver<?>) request).response((res, body) ->
                Flux.concat(Mono.just(res.status().code()), body.asByteArray()));
        Stream<Object> items = all.toStream(1);
        Iterator<Object> it = items.iterator();
        int status;
        try {
            status = (Integer) it.next();
        } catch (RuntimeException e) {
            throw unwrapped(e);
        }
        ChunkStream in = new ChunkStream(it, items);
        return new Streamed(status, in, in::cancel);
    }

    /** The chunks of a response as an InputStream; closing it (or cancelling) disposes the subscription. */
    private static final class ChunkStream extends InputStream {
        private final Iterator<Object> chunks;
        private final Stream<Object> items;
        private byte[] current = new byte[0];
        private int pos;
        private volatile boolean cancelled;

        ChunkStream(Iterator<Object> chunks, Stream<Object> items) {
            this.chunks = chunks;
            this.items = items;
        }

        void cancel() {
            cancelled = true;
            items.close();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pos == current.length) {
                if (cancelled) {
                    return -1;
                }
                try {
                    if (!chunks.hasNext()) {
                        return -1;
                    }
                    current = (byte[]) chunks.next();
                } catch (RuntimeException e) {
                    Exception cause = unwrapped(e);
                    throw cause instanceof IOException ? (IOException) cause : new IOException(cause);
                }
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            cancel();
        }
    }

    /** What Reactor's {@code block()} wrapped (a checked exception travels inside a RuntimeException). */
    private static Exception unwrapped(RuntimeException e) {
        Throwable t = Exceptions.unwrap(e);
        return t instanceof Exception ? (Exception) t : e;
    }
}
