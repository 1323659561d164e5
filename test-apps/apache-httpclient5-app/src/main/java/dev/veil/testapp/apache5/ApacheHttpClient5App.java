package dev.veil.testapp.apache5;

import dev.veil.testapp.protocol.ConformanceApp;
import dev.veil.testapp.protocol.Reply;
import dev.veil.testapp.protocol.RequestSpec;
import dev.veil.testapp.protocol.Streamed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequests;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * An unmodified app that posts JSON with Apache HttpClient 5 the way real apps do, driven by the
 * conformance protocol ({@link ConformanceApp}). Classic: {@code execute} with {@code EntityUtils},
 * {@code InputStreamEntity} of unknown length for {@code chunked}, streams from
 * {@code getEntity().getContent()} stopped with {@code response.close()} or {@code HttpPost.cancel()}.
 * Async ({@code async}): {@code CloseableHttpAsyncClient.execute(SimpleHttpRequest, callback)}. Extra
 * variants, all through {@code AsyncRequestBuilder} and a streaming {@link AbstractBinResponseConsumer}
 * (the bytes are printed as BODY; in base64 for {@code async-stream}): {@code async-builder} and {@code async-stream} with
 * {@code AsyncEntityProducers.create}, {@code async-oneshot} with a streaming {@link OneShotProducer};
 * {@code builtin-retry} and {@code builtin-retry-oneshot} (an {@code InputStreamEntity}) through a
 * client with the default retry strategy (which retries a 503 itself); {@code minimal}
 * ({@code HttpClients.createMinimal()}).
 */
public final class ApacheHttpClient5App extends ConformanceApp {

    private final CloseableHttpClient client = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnPerRoute(64).setMaxConnTotal(128).build())
            // The protocol's "retry" is the app's own; the client's retry of 503 is the builtin-retry variant.
            .disableAutomaticRetries()
            .build();
    private CloseableHttpClient retrying;
    private CloseableHttpClient minimal;
    private CloseableHttpAsyncClient async;

    public static void main(String[] args) throws Exception {
        new ApacheHttpClient5App().runMain(args);
    }

    /** What the app keeps for one call: the classic request and, for the async API, what it needs. */
    private static final class Call {
        final RequestSpec spec;
        final HttpPost post;

        Call(RequestSpec spec, HttpPost post) {
            this.spec = spec;
            this.post = post;
        }
    }

    private synchronized CloseableHttpClient clientFor(RequestSpec spec) {
        if ("minimal".equals(spec.variant)) {
            if (minimal == null) {
                minimal = HttpClients.createMinimal();
            }
            return minimal;
        }
        if (!spec.variant.startsWith("builtin-retry")) {
            return client;
        }
        if (retrying == null) {
            retrying = HttpClients.createDefault();
        }
        return retrying;
    }

    private synchronized CloseableHttpAsyncClient async() {
        if (async == null) {
            async = HttpAsyncClients.createDefault();
            async.start();
        }
        return async;
    }

    @Override
    protected Object build(RequestSpec spec) {
        HttpPost post = new HttpPost(spec.url);
        ContentType type = ContentType.parse(spec.contentType());
        String encoding = spec.headers.get("Content-Encoding");
        post.setEntity(spec.unknownLength || spec.variant.endsWith("-oneshot")
                ? new InputStreamEntity(new ByteArrayInputStream(spec.body), -1, type, encoding)
                : new ByteArrayEntity(spec.body, type, encoding));
        for (Map.Entry<String, String> h : spec.headers.entrySet()) {
            if (!h.getKey().equalsIgnoreCase("Content-Type") && !h.getKey().equalsIgnoreCase("Content-Encoding")) {
                post.setHeader(h.getKey(), h.getValue());
            }
        }
        RequestConfig.Builder config = RequestConfig.custom().setConnectTimeout(Timeout.ofSeconds(10));
        if (spec.readTimeoutMillis > 0) {
            config.setResponseTimeout(Timeout.ofMilliseconds(spec.readTimeoutMillis));
        }
        post.setConfig(config.build());
        return new Call(spec, post);
    }

    @Override
    protected Reply execute(Object request) throws Exception {
        Call call = (Call) request;
        if (call.spec.variant.startsWith("async-")) {
            return executeAsync(request);
        }
        // MinimalHttpClient 5.0 fails on a null context (fixed later), so apps on 5.0 pass one.
        try (CloseableHttpResponse response = clientFor(call.spec).execute(call.post, HttpClientContext.create())) {
            return new Reply(response.getCode(), EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
        }
    }

    @Override
    protected Reply executeAsync(Object request) throws Exception {
        Call call = (Call) request;
        RequestSpec spec = call.spec;
        ContentType type = ContentType.parse(spec.contentType());
        if (spec.variant.startsWith("async-")) {
            AsyncRequestBuilder builder = AsyncRequestBuilder.post(spec.url).setEntity("async-oneshot".equals(spec.variant)
                    ? new OneShotProducer(spec.body, type.toString())
                    : AsyncEntityProducers.create(spec.body, type));
            for (Map.Entry<String, String> h : spec.headers.entrySet()) {
                if (!h.getKey().equalsIgnoreCase("Content-Type")) {
                    builder.setHeader(h.getKey(), h.getValue());
                }
            }
            StreamingConsumer consumer = new StreamingConsumer("async-stream".equals(spec.variant));
            Future<Reply> reply = async().execute(builder.build(), consumer, null);
            return reply.get(60, TimeUnit.SECONDS);
        }
        SimpleHttpRequest simple = SimpleHttpRequests.post(spec.url);
        simple.setBody(spec.body, type);
        for (Map.Entry<String, String> h : spec.headers.entrySet()) {
            if (!h.getKey().equalsIgnoreCase("Content-Type")) {
                simple.setHeader(h.getKey(), h.getValue());
            }
        }
        Future<SimpleHttpResponse> future = async().execute(simple, null);
        SimpleHttpResponse response = future.get(60, TimeUnit.SECONDS);
        return new Reply(response.getCode(), response.getBodyText());
    }

    @Override
    protected Streamed open(Object request) throws Exception {
        HttpPost post = ((Call) request).post;
        CloseableHttpResponse response = client.execute(post);
        InputStream content = response.getEntity().getContent();
        // Closing the app's stream closes the response, as try-with-resources on the response would.
        InputStream body = new FilterInputStream(content) {
            @Override
            public void close() throws IOException {
                response.close();
            }
        };
        return new Streamed(response.getCode(), body, post::cancel);
    }

    /** Collects the body as it streams in, the way SSE consumers of the async API do. */
    static final class StreamingConsumer extends AbstractBinResponseConsumer<Reply> {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        /** Print the body in base64 (one line, every byte visible), as the protocol prints streams. */
        private final boolean base64;
        private int status;

        StreamingConsumer(boolean base64) {
            this.base64 = base64;
        }

        @Override
        protected void start(HttpResponse response, ContentType contentType) {
            status = response.getCode();
        }

        @Override
        protected int capacityIncrement() {
            return 4096;
        }

        @Override
        protected void data(ByteBuffer src, boolean endOfStream) {
            while (src.hasRemaining()) {
                bytes.write(src.get());
            }
        }

        @Override
        protected Reply buildResult() {
            byte[] body = bytes.toByteArray();
            return new Reply(status, base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        }

        @Override
        public void releaseResources() {
            // nothing held
        }
    }
}
