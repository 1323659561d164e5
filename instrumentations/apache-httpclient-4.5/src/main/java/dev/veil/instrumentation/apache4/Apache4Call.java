package dev.veil.instrumentation.apache4;

import dev.veil.bootstrap.Veil;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.client.methods.CloseableHttpResponse;

/** One {@code doExecute} as the advice sees it: what to put back on the request, and how to follow the response. */
public final class Apache4Call {

    /** A request Veil does not follow (not an LLM endpoint): nothing to do on exit. */
    static final Apache4Call UNTOUCHED = new Apache4Call(null, null, null, false);

    private final HttpEntityEnclosingRequest request;
    private final HttpEntity originalEntity;
    private final Object call;
    private final boolean filter;

    Apache4Call(HttpEntityEnclosingRequest request, HttpEntity originalEntity, Object call, boolean filter) {
        this.request = request;
        this.originalEntity = originalEntity;
        this.call = call;
        this.filter = filter;
    }

    /**
     * After {@code doExecute}: gives the app's request its own (repeatable) entity back, and returns the
     * response with its entity teed to Veil. Never throws.
     */
    public CloseableHttpResponse exchanged(CloseableHttpResponse response, Throwable thrown) {
        try {
            if (request != null && originalEntity != null) {
                request.setEntity(originalEntity);
            }
        } catch (Throwable ignored) {
            // the request was sent; what it holds afterwards is cosmetic
        }
        if (call == null) {
            return response;
        }
        if (thrown != null || response == null) {
            Veil.callEnded(call, thrown);
            return response;
        }
        try {
            HttpEntity entity = response.getEntity();
            Veil.responseStarted(call, response.getStatusLine().getStatusCode(),
                    value(entity == null ? null : entity.getContentType(), response.getFirstHeader("Content-Type")),
                    value(null, response.getFirstHeader("Content-Encoding")));
            if (entity == null) {
                Veil.callEnded(call, null);
                return response;
            }
            TeeingEntity teed = new TeeingEntity(entity, call, filter);
            response.setEntity(teed);
            return new TeeingResponse(response, teed);
        } catch (Throwable t) {
            Veil.callEnded(call, t);
            return response;
        }
    }

    private static String value(Header preferred, Header fallback) {
        Header h = preferred != null ? preferred : fallback;
        return h == null ? null : h.getValue();
    }
}
