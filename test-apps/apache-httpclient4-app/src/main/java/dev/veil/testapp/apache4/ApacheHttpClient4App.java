package dev.veil.testapp.apache4;

import dev.veil.testapp.protocol.ConformanceApp;
import dev.veil.testapp.protocol.Reply;
import dev.veil.testapp.protocol.RequestSpec;
import dev.veil.testapp.protocol.Streamed;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.http.HttpRequest;
import org.apache.http.HttpResponse;
import org.apache.http.ProtocolException;
import org.apache.http.client.ResponseHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.entity.AbstractHttpEntity;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.InputStreamEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.client.LaxRedirectStrategy;
import org.apache.http.protocol.HttpContext;
import org.apache.http.util.EntityUtils;

/**
 * An unmodified app that posts JSON with Apache HttpClient 4.5 the way real apps do, driven by the
 * conformance protocol ({@link ConformanceApp}). {@code sync}: {@code execute} and
 * {@code EntityUtils.toString}; {@code async}: a {@link ResponseHandler} on a worker thread (4.5 has no
 * async API of its own); {@code chunked}: an {@link InputStreamEntity} of unknown length; streams are
 * read from {@code getEntity().getContent()} and stopped with {@code response.close()} (early close) or
 * {@code HttpPost.abort()} (cancel). POST redirects (307, 308) are followed, as many apps configure.
 * Extra variants: {@code minimal} ({@code HttpClients.createMinimal()}) and {@code legacy} (the
 * deprecated {@code DefaultHttpClient}).
 */
public final class ApacheHttpClient4App extends ConformanceApp {

    private final CloseableHttpClient client = HttpClients.custom()
            .setRedirectStrategy(new PostRedirects())
            .setMaxConnPerRoute(64)
            .setMaxConnTotal(128)
            .build();
    private CloseableHttpClient minimal;
    private CloseableHttpClient legacy;
    private final ExecutorService worker = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "app-worker");
        t.setDaemon(true);
        return t;
    });

    public static void main(String[] args) throws Exception {
        new ApacheHttpClient4App().runMain(args);
    }

    @Override
    protected Object build(RequestSpec spec) {
        HttpPost post = new HttpPost(spec.url);
        AbstractHttpEntity entity = spec.unknownLength
                ? new InputStreamEntity(new ByteArrayInputStream(spec.body), -1)
                : new ByteArrayEntity(spec.body);
        for (Map.Entry<String, String> h : spec.headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("Content-Type")) {
                entity.setContentType(h.getValue());
            } else if (h.getKey().equalsIgnoreCase("Content-Encoding")) {
                entity.setContentEncoding(h.getValue());
            } else {
                post.setHeader(h.getKey(), h.getValue());
            }
        }
        post.setEntity(entity);
        RequestConfig.Builder config = RequestConfig.custom().setConnectTimeout(10_000);
        if (spec.readTimeoutMillis > 0) {
            config.setSocketTimeout(spec.readTimeoutMillis);
        }
        post.setConfig(config.build());
        return new Call(spec.variant, post);
    }

    /** What the app keeps for one call: the request, and which of its clients sends it. */
    private static final class Call {
        final String variant;
        final HttpPost post;

        Call(String variant, HttpPost post) {
            this.variant = variant;
            this.post = post;
        }
    }

    /** The main client, or for the {@code minimal} and {@code legacy} variants the client those apps use. */
    @SuppressWarnings("deprecation")
    private synchronized CloseableHttpClient clientFor(String variant) {
        if ("minimal".equals(variant)) {
            if (minimal == null) {
                minimal = HttpClients.createMinimal();
            }
            return minimal;
        }
        if ("legacy".equals(variant)) {
            if (legacy == null) {
                legacy = new org.apache.http.impl.client.DefaultHttpClient();
            }
            return legacy;
        }
        return client;
    }

    @Override
    protected Reply execute(Object request) throws Exception {
        Call call = (Call) request;
        try (CloseableHttpResponse response = clientFor(call.variant).execute(call.post)) {
            return new Reply(response.getStatusLine().getStatusCode(),
                    EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
        }
    }

    @Override
    protected Reply executeAsync(Object request) throws Exception {
        ResponseHandler<Reply> handler = response -> new Reply(response.getStatusLine().getStatusCode(),
                EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
        Future<Reply> reply = worker.submit(() -> client.execute(((Call) request).post, handler));
        return reply.get();
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
        return new Streamed(response.getStatusLine().getStatusCode(), body, post::abort);
    }

    /** Follows 307 and 308 for POST with the same method and body (LaxRedirectStrategy in 4.5.0 knows no 308). */
    static final class PostRedirects extends LaxRedirectStrategy {
        @Override
        public boolean isRedirected(HttpRequest request, HttpResponse response, HttpContext context) throws ProtocolException {
            return response.getStatusLine().getStatusCode() == 308 || super.isRedirected(request, response, context);
        }

        @Override
        public HttpUriRequest getRedirect(HttpRequest request, HttpResponse response, HttpContext context) throws ProtocolException {
            int status = response.getStatusLine().getStatusCode();
            if (status == 307 || status == 308) {
                HttpUriRequest redirect = RequestBuilder.copy(request).setUri(getLocationURI(request, response, context)).build();
                // 4.5.0 copies the framing headers of the first hop, then refuses them ("Content-Length
                // header already present"); later releases drop them. Apps on 4.5.0 have to do it themselves.
                redirect.removeHeaders("Content-Length");
                redirect.removeHeaders("Transfer-Encoding");
                return redirect;
            }
            return super.getRedirect(request, response, context);
        }
    }
}
