package dev.veil.instrumentation.apache4;

import dev.veil.bootstrap.Veil;
import dev.veil.instrumentation.apache.common.BoundedBody;
import dev.veil.instrumentation.apache.common.NotSent;
import dev.veil.instrumentation.apache.common.RequestInspection;
import dev.veil.instrumentation.apache.common.RequestTarget;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.RequestLine;

/**
 * Glue for Apache HttpClient 4.5, called from the advice in {@code doExecute}; injected into the
 * library's class loader. A request to a non-LLM endpoint is returned untouched, its entity never read.
 * For an LLM endpoint the entity is written into memory once (any entity type), handed to Veil, and
 * replaced by a {@link SentEntity} with the same content type, encoding, framing and repeatability when the bytes
 * to send differ or the original cannot be written twice.
 */
public final class Apache4Requests {

    private Apache4Requests() {
    }

    /** A signed request an SDK interceptor (AWS SDK v2) already inspected before signing it: sent as it is. */
    private static boolean handledAbove(HttpRequest request) {
        try {
            org.apache.http.Header auth = request.getFirstHeader("Authorization");
            return auth != null && Veil.isHandledAbove(auth.getValue());
        } catch (Throwable t) {
            return false;
        }
    }

    /** The call to continue with, or null when nothing may be sent (the reason is left in {@link NotSent}). */
    public static Apache4Call prepare(HttpHost target, HttpRequest request) {
        Object endpoint;
        try {
            RequestLine line = request.getRequestLine();
            RequestTarget t = target == null
                    ? RequestTarget.of(null, null, -1, line.getUri())
                    : RequestTarget.of(target.getSchemeName(), target.getHostName(), target.getPort(), line.getUri());
            endpoint = Veil.matchEndpoint(line.getMethod(), t.scheme, t.host, t.port, t.rawPath, t.rawQuery);
        } catch (Throwable t) {
            // A request without a readable target is rejected by the client itself.
            return Apache4Call.UNTOUCHED;
        }
        if (endpoint == null || handledAbove(request)) {
            return Apache4Call.UNTOUCHED;
        }
        try {
            HttpEntityEnclosingRequest enclosing = request instanceof HttpEntityEnclosingRequest
                    ? (HttpEntityEnclosingRequest) request : null;
            HttpEntity entity = enclosing == null ? null : enclosing.getEntity();
            RequestInspection inspection = RequestInspection.inspect(endpoint,
                    entity == null ? null : new EntityBody(entity),
                    entity == null ? -1 : entity.getContentLength(),
                    entity == null || entity.isRepeatable(),
                    encoding(request, entity), value(request.getFirstHeader("traceparent")), true);
            for (java.util.Map.Entry<String, String> header : inspection.headersToAdd().entrySet()) {
                request.setHeader(header.getKey(), header.getValue());
            }
            switch (inspection.action()) {
                case RequestInspection.FAIL:
                    NotSent.set(inspection.failure());
                    return null;
                case RequestInspection.REPLACE:
                    enclosing.setEntity(withBytes(entity, inspection.bytes()));
                    return new Apache4Call(enclosing, entity.isRepeatable() ? entity : null, inspection.call(),
                            inspection.filtersResponse());
                default:
                    return new Apache4Call(null, null, inspection.call(), inspection.filtersResponse());
            }
        } catch (Throwable t) {
            NotSent.set(new java.io.IOException("veil: internal error; request not sent"));
            return null;
        }
    }

    /**
     * The same framing as the original (a known length stays a Content-Length, an unknown one stays
     * chunked) and the same repeatability, so the client retries and redirects as it would have.
     */
    static HttpEntity withBytes(HttpEntity original, byte[] bytes) {
        SentEntity entity = new SentEntity(bytes, original.isRepeatable());
        entity.setContentType(original.getContentType());
        entity.setContentEncoding(original.getContentEncoding());
        entity.setChunked(original.isChunked() || original.getContentLength() < 0);
        return entity;
    }

    private static String encoding(HttpRequest request, HttpEntity entity) {
        String fromEntity = entity == null ? null : value(entity.getContentEncoding());
        return fromEntity != null ? fromEntity : value(request.getFirstHeader("Content-Encoding"));
    }

    private static String value(Header header) {
        return header == null ? null : header.getValue();
    }

    /** Writes an entity of any kind (stream, file, template, serializable) into the bounded buffer. */
    static final class EntityBody implements RequestInspection.Body {
        private final HttpEntity entity;

        EntityBody(HttpEntity entity) {
            this.entity = entity;
        }

        @Override
        public void writeTo(BoundedBody out) throws Exception {
            entity.writeTo(out);
        }
    }
}
