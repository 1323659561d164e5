package dev.veil.testapp.okhttp;

import dev.veil.testapp.protocol.ConformanceApp;
import dev.veil.testapp.protocol.Reply;
import dev.veil.testapp.protocol.RequestSpec;
import dev.veil.testapp.protocol.Streamed;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * An unmodified app that calls with OkHttp the way SDKs do: one shared client (built with a builder),
 * {@code RequestBody.create}, {@code execute}, {@code enqueue}, {@code byteStream()}. A client with a
 * short read timeout is derived with {@code newBuilder()}; {@code new OkHttpClient()} (no builder) sends
 * the variant {@code plain}.
 */
public final class OkHttpApp extends ConformanceApp {

    private final OkHttpClient client = new OkHttpClient.Builder()
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS)
            .build();
    private final OkHttpClient impatient = client.newBuilder().readTimeout(1, TimeUnit.SECONDS).build();
    private final OkHttpClient plain = new OkHttpClient();
    /** For the load scenario: a pool that keeps one connection per caller thread, as a busy service configures it. */
    private final OkHttpClient pooled = client.newBuilder()
            .connectionPool(new okhttp3.ConnectionPool(64, 5, TimeUnit.MINUTES)).build();

    public static void main(String[] args) throws Exception {
        new OkHttpApp().runMain(args);
    }

    /** The request and the client that sends it. */
    private static final class Prepared {
        final OkHttpClient client;
        final Request request;

        Prepared(OkHttpClient client, Request request) {
            this.client = client;
            this.request = request;
        }
    }

    @Override
    protected Object build(RequestSpec spec) {
        MediaType type = MediaType.parse(spec.contentType());
        RequestBody body = spec.unknownLength ? streamingBody(type, spec.body) : RequestBody.create(type, spec.body);
        Request.Builder builder = new Request.Builder().url(spec.url).post(body);
        for (Map.Entry<String, String> h : spec.headers.entrySet()) {
            if (!h.getKey().equals("Content-Type")) {
                builder.header(h.getKey(), h.getValue());
            }
        }
        OkHttpClient chosen = spec.readTimeoutMillis > 0 ? impatient : "plain".equals(spec.variant) ? plain
                : "load".equals(spec.variant) ? pooled : client;
        return new Prepared(chosen, builder.build());
    }

    /** A body written as it goes, without a length (sent chunked). */
    private static RequestBody streamingBody(MediaType type, byte[] bytes) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                for (int i = 0; i < bytes.length; i += 16) {
                    sink.write(bytes, i, Math.min(16, bytes.length - i));
                    sink.flush();
                }
            }
        };
    }

    @Override
    protected Reply execute(Object request) throws IOException {
        Prepared p = (Prepared) request;
        try (Response response = p.client.newCall(p.request).execute()) {
            return new Reply(response.code(), response.body().string());
        }
    }

    @Override
    protected Reply executeAsync(Object request) throws Exception {
        Prepared p = (Prepared) request;
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        p.client.newCall(p.request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                reply.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (Response r = response) {
                    reply.complete(new Reply(r.code(), r.body().string()));
                } catch (IOException e) {
                    reply.completeExceptionally(e);
                }
            }
        });
        return reply.get(60, TimeUnit.SECONDS);
    }

    @Override
    protected Streamed open(Object request) throws IOException {
        Prepared p = (Prepared) request;
        Call call = p.client.newCall(p.request);
        Response response = call.execute();
        return new Streamed(response.code(), response.body().byteStream(), call::cancel);
    }
}
