package dev.veil.instrumentation.apache5;

import dev.veil.instrumentation.apache.common.BoundedBody;
import dev.veil.instrumentation.apache.common.NotSent;
import dev.veil.instrumentation.apache.common.RequestInspection;
import java.io.IOException;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;

/**
 * Glue for the HttpClient 5 classic client, called from the advice in {@code doExecute}; injected into
 * the library's class loader. Non-LLM requests are returned untouched, their entity never read. For an
 * LLM endpoint the entity is written into memory once, handed to Veil, and replaced by a
 * {@link BytesEntity} with the same content type, encoding, framing and repeatability when the bytes to send differ or
 * the original cannot be written twice.
 */
public final class ClassicRequests {

    private ClassicRequests() {
    }

    /** The call to continue with, or null when nothing may be sent (the reason is left in {@link NotSent}). */
    public static ClassicCall prepare(HttpHost target, ClassicHttpRequest request) {
        Object endpoint = Targets.match(target, request);
        if (endpoint == null) {
            return ClassicCall.UNTOUCHED;
        }
        try {
            HttpEntity entity = request.getEntity();
            String encoding = entity != null && entity.getContentEncoding() != null
                    ? entity.getContentEncoding() : Targets.header(request, "Content-Encoding");
            RequestInspection inspection = RequestInspection.inspect(endpoint,
                    entity == null ? null : new EntityBody(entity),
                    entity == null ? -1 : entity.getContentLength(),
                    entity == null || entity.isRepeatable(),
                    encoding, Targets.header(request, "traceparent"), true);
            for (java.util.Map.Entry<String, String> header : inspection.headersToAdd().entrySet()) {
                request.setHeader(header.getKey(), header.getValue());
            }
            switch (inspection.action()) {
                case RequestInspection.FAIL:
                    NotSent.set(inspection.failure());
                    return null;
                case RequestInspection.REPLACE:
                    request.setEntity(new BytesEntity(inspection.bytes(), entity.getContentType(),
                            entity.getContentEncoding(), entity.isChunked() || entity.getContentLength() < 0,
                            entity.isRepeatable()));
                    return new ClassicCall(request, entity.isRepeatable() ? entity : null, inspection.call(),
                            inspection.filtersResponse());
                default:
                    return new ClassicCall(null, null, inspection.call(), inspection.filtersResponse());
            }
        } catch (Throwable t) {
            NotSent.set(new IOException("veil: internal error; request not sent"));
            return null;
        }
    }

    /** Writes an entity of any kind into the bounded buffer. */
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
