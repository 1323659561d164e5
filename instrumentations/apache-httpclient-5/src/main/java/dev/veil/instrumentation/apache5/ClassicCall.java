package dev.veil.instrumentation.apache5;

import dev.veil.bootstrap.Veil;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/** One classic {@code doExecute} as the advice sees it: what to put back on the request, and how to follow the response. */
public final class ClassicCall {

    /** A request Veil does not follow (not an LLM endpoint): nothing to do on exit. */
    static final ClassicCall UNTOUCHED = new ClassicCall(null, null, null, false);

    private final ClassicHttpRequest request;
    private final HttpEntity originalEntity;
    private final Object call;
    private final boolean filter;

    ClassicCall(ClassicHttpRequest request, HttpEntity originalEntity, Object call, boolean filter) {
        this.request = request;
        this.originalEntity = originalEntity;
        this.call = call;
        this.filter = filter;
    }

    /**
     * After {@code doExecute}: gives the app's request its own (repeatable) entity back and tees the
     * response entity. Closing the response closes the entity (HttpClient 5), which ends the call. Never throws.
     */
    public void exchanged(CloseableHttpResponse response, Throwable thrown) {
        try {
            if (request != null && originalEntity != null) {
                request.setEntity(originalEntity);
            }
        } catch (Throwable ignored) {
            // the request was sent; what it holds afterwards is cosmetic
        }
        if (call == null) {
            return;
        }
        if (thrown != null || response == null) {
            Veil.callEnded(call, thrown);
            return;
        }
        try {
            HttpEntity entity = response.getEntity();
            Header encoding = response.getFirstHeader("Content-Encoding");
            Header type = response.getFirstHeader("Content-Type");
            Veil.responseStarted(call, response.getCode(),
                    entity != null && entity.getContentType() != null ? entity.getContentType()
                            : type == null ? null : type.getValue(),
                    encoding == null ? null : encoding.getValue());
            if (entity == null) {
                Veil.callEnded(call, null);
                return;
            }
            response.setEntity(new TeeingEntity(entity, call, filter));
        } catch (Throwable t) {
            Veil.callEnded(call, t);
        }
    }
}
