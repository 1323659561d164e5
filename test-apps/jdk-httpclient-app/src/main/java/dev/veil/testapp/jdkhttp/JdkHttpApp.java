package dev.veil.testapp.jdkhttp;

import dev.veil.testapp.protocol.ConformanceApp;
import dev.veil.testapp.protocol.Reply;
import dev.veil.testapp.protocol.RequestSpec;
import dev.veil.testapp.protocol.Streamed;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An unmodified app that posts a body with {@code java.net.http.HttpClient} the way real apps do, driven
 * by the conformance protocol ({@link ConformanceApp}). Extra variants: {@code byteArray}
 * ({@code BodyPublishers.ofByteArray}) and {@code http2}; the default publisher is {@code ofString};
 * {@code chunked}/{@code inputStream} use {@code ofInputStream} (unknown length). Redirects are followed
 * ({@code Redirect.NORMAL}).
 */
public final class JdkHttpApp extends ConformanceApp {

    private final HttpClient http1 = client(HttpClient.Version.HTTP_1_1);
    private HttpClient http2;

    public static void main(String[] args) throws Exception {
        new JdkHttpApp().runMain(args);
    }

    private static HttpClient client(HttpClient.Version version) {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(version)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private synchronized HttpClient clientFor(RequestSpec spec) {
        if (!"http2".equals(spec.variant)) {
            return http1;
        }
        if (http2 == null) {
            http2 = client(HttpClient.Version.HTTP_2);
        }
        return http2;
    }

    /** The request and the client that sends it. */
    private static final class Call {
        final HttpClient client;
        final HttpRequest request;

        Call(HttpClient client, HttpRequest request) {
            this.client = client;
            this.request = request;
        }
    }

    @Override
    protected Object build(RequestSpec spec) {
        byte[] body = spec.body;
        HttpRequest.BodyPublisher publisher;
        if (spec.unknownLength) {
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        } else if ("byteArray".equals(spec.variant) || spec.headers.containsKey("Content-Encoding")) {
            publisher = HttpRequest.BodyPublishers.ofByteArray(body);
        } else {
            publisher = HttpRequest.BodyPublishers.ofString(new String(body, StandardCharsets.UTF_8));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(spec.url))
                .timeout(Duration.ofMillis(spec.readTimeoutMillis > 0 ? spec.readTimeoutMillis : 30_000))
                .POST(publisher);
        for (Map.Entry<String, String> h : spec.headers.entrySet()) {
            builder.header(h.getKey(), h.getValue());
        }
        return new Call(clientFor(spec), builder.build());
    }

    @Override
    protected Reply execute(Object request) throws Exception {
        Call call = (Call) request;
        HttpResponse<String> response = call.client.send(call.request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    @Override
    protected Reply executeAsync(Object request) {
        Call call = (Call) request;
        HttpResponse<String> response = call.client.sendAsync(call.request, HttpResponse.BodyHandlers.ofString()).join();
        return new Reply(response.statusCode(), response.body());
    }

    @Override
    protected Streamed open(Object request) throws Exception {
        Call call = (Call) request;
        CompletableFuture<HttpResponse<InputStream>> future =
                call.client.sendAsync(call.request, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response = future.get();
        InputStream body = response.body();
        // The JDK client has no call handle to cancel once the response arrived: closing the body cancels it.
        return new Streamed(response.statusCode(), body, () -> {
            try {
                body.close();
            } catch (java.io.IOException ignored) {
                // closing is all the app can do
            }
        });
    }
}
