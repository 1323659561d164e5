package dev.veil.instrumentation.apache.common;

import dev.veil.bootstrap.PromptTooLargeException;
import dev.veil.bootstrap.RequestVerdict;
import dev.veil.bootstrap.Veil;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;

/**
 * Reads an LLM request's body once, asks Veil, and says what the client must send: the original entity,
 * new bytes, or nothing (the call fails with the {@code veil: …} IOException). Shared by the Apache
 * HttpClient 4.5 and 5 glue; knows no library type.
 */
public final class RequestInspection {

    /** Writes the body into {@code out}; may throw {@link BoundedBody.TooLarge}. */
    public interface Body {
        void writeTo(BoundedBody out) throws Exception;
    }

    public static final int KEEP = 0;
    public static final int REPLACE = 1;
    public static final int FAIL = 2;

    private final int action;
    private final byte[] bytes;
    private final IOException failure;
    private final Object call;
    private final boolean filter;
    private Map<String, String> headers = Collections.emptyMap();

    private RequestInspection(int action, byte[] bytes, IOException failure, Object call, boolean filter) {
        this.action = action;
        this.bytes = bytes;
        this.failure = failure;
        this.call = call;
        this.filter = filter;
    }

    /**
     * {@code body}: null when the request has none. {@code declaredLength}: the entity's length or -1.
     * {@code replayable}: the original entity gives the same bytes again after being read.
     * Never throws: Veil's own failures become the failure policy's verdict.
     */
    public static RequestInspection inspect(Object endpoint, Body body, long declaredLength, boolean replayable,
                                            String contentEncoding, String traceparent, boolean canFilterResponse) {
        byte[] read = null;
        boolean consumed = false;
        RequestVerdict verdict;
        try {
            if (body == null) {
                read = new byte[0];
            } else {
                long limit = Veil.maxPromptBytes();
                if (declaredLength > limit) {
                    throw new PromptTooLargeException(limit);
                }
                consumed = !replayable;
                BoundedBody out = new BoundedBody(limit, declaredLength);
                body.writeTo(out);
                read = out.toByteArray();
            }
            verdict = Veil.inspectRequest(endpoint, read, contentEncoding, traceparent, canFilterResponse);
        } catch (BoundedBody.TooLarge e) {
            read = null;
            verdict = Veil.interceptionFailed(endpoint, e.checked());
        } catch (Throwable t) {
            read = null;
            verdict = Veil.interceptionFailed(endpoint, t);
        }
        return decide(verdict, read, consumed);
    }

    static RequestInspection decide(RequestVerdict verdict, byte[] read, boolean consumed) {
        RequestInspection inspection = decideBody(verdict, read, consumed);
        if (inspection.action != FAIL) {
            inspection.headers = verdict.headersToAdd();
        }
        return inspection;
    }

    private static RequestInspection decideBody(RequestVerdict verdict, byte[] read, boolean consumed) {
        if (verdict.isBlock()) {
            return new RequestInspection(FAIL, null, new IOException(verdict.message()), null, false);
        }
        Object call = verdict.call();
        boolean filter = verdict.filtersResponse();
        if (verdict.isRewrite()) {
            return new RequestInspection(REPLACE, verdict.body(), null, call, filter);
        }
        if (!consumed) {
            return new RequestInspection(KEEP, null, null, call, filter);
        }
        if (read != null) {
            // A one-shot body we read: send exactly the bytes we read.
            return new RequestInspection(REPLACE, read, null, call, filter);
        }
        // A one-shot body read only in part (too large, failed): it cannot be sent as it was.
        return new RequestInspection(FAIL, null, new IOException(
                "veil: the request body was consumed while inspecting it and cannot be sent unchanged"), null, false);
    }

    /** A failure decided before any body was read (e.g. a streaming body that cannot be read without consuming it). */
    public static RequestInspection failed(Object endpoint, Throwable why) {
        return decide(Veil.interceptionFailed(endpoint, why), null, false);
    }

    public int action() {
        return action;
    }

    /** The bytes to send, for {@link #REPLACE}. */
    public byte[] bytes() {
        return bytes;
    }

    /** Why nothing is sent, for {@link #FAIL}. */
    public IOException failure() {
        return failure;
    }

    /** The call handle to report the response on, or null. */
    public Object call() {
        return call;
    }

    public boolean filtersResponse() {
        return filter;
    }

    /** Headers the client glue sets on the request (each replacing one of the same name), e.g. {@code traceparent}. */
    public Map<String, String> headersToAdd() {
        return headers;
    }
}
