package dev.veil.instrumentation.apache5;

import dev.veil.bootstrap.Veil;
import dev.veil.instrumentation.apache.common.RequestTarget;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.net.URIAuthority;

/** Matches an HttpClient 5 request (classic or async) against Veil's LLM endpoints. */
final class Targets {

    private Targets() {
    }

    /** The endpoint match, or null for a request that is not an LLM call (or has no readable target). */
    static Object match(HttpHost target, HttpRequest request) {
        try {
            String scheme = target != null ? target.getSchemeName() : request.getScheme();
            URIAuthority authority = request.getAuthority();
            String host = target != null ? target.getHostName() : authority != null ? authority.getHostName() : null;
            int port = target != null ? target.getPort() : authority != null ? authority.getPort() : -1;
            RequestTarget t = RequestTarget.of(scheme, host, port, request.getPath());
            Object endpoint = Veil.matchEndpoint(request.getMethod(), t.scheme, t.host, t.port, t.rawPath, t.rawQuery);
            // A signed request an SDK interceptor (AWS SDK v2) already inspected before signing it: not ours.
            return endpoint == null || Veil.isHandledAbove(header(request, "Authorization")) ? null : endpoint;
        } catch (Throwable t) {
            // A request without a readable target is rejected by the client itself.
            return null;
        }
    }

    static String header(HttpRequest request, String name) {
        org.apache.hc.core5.http.Header h = request.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }
}
