package dev.veil.instrumentation.okhttp;

import dev.veil.bootstrap.Veil;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Veil's application interceptor. For a request to an LLM endpoint it hands the body to Veil and sends
 * what Veil decides (or throws the {@code veil: blocked…} IOException, which {@code execute} rethrows and
 * {@code enqueue} delivers to {@code onFailure}), then tees the response body. Any other request goes on
 * untouched after one endpoint lookup; its body is never read.
 */
public final class VeilInterceptor implements Interceptor {

    static final VeilInterceptor INSTANCE = new VeilInterceptor();

    private VeilInterceptor() {
    }

    /** Puts the interceptor last among the builder's application interceptors, once. */
    public static void install(OkHttpClient.Builder builder) {
        List<Interceptor> interceptors = builder.interceptors();
        for (Iterator<Interceptor> it = interceptors.iterator(); it.hasNext(); ) {
            if (it.next() instanceof VeilInterceptor) {
                it.remove();
            }
        }
        interceptors.add(INSTANCE);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Object endpoint = match(request);
        if (endpoint == null) {
            return chain.proceed(request);
        }
        OkHttpRequests.Prepared prepared = OkHttpRequests.prepare(request, endpoint);
        if (prepared.failure != null) {
            throw prepared.failure;
        }
        Response response;
        try {
            response = chain.proceed(prepared.request);
        } catch (IOException | RuntimeException | Error e) {
            Veil.callEnded(prepared.call, e);
            throw e;
        }
        return prepared.call == null ? response : TeeResponseBody.tee(response, prepared.call, prepared.filter);
    }

    private static Object match(Request request) {
        try {
            HttpUrl url = request.url();
            return Veil.matchEndpoint(request.method(), url.scheme(), url.host(), url.port(), url.encodedPath(),
                    url.encodedQuery());
        } catch (Throwable t) {
            return null;
        }
    }
}
