package dev.veil.bootstrap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's decision about one outbound LLM request, in JDK types only.
 *
 * <p>{@link #PASS}: send the original bytes. {@link #REWRITE}: send {@link #body()} instead.
 * {@link #BLOCK}: send nothing and fail the call with the client's own failure type carrying
 * {@link #message()} (which starts with {@code "veil: "} and never holds a secret).
 *
 * <p>A PASS or REWRITE verdict may also name {@link #headersToAdd() headers to add} to the outgoing
 * request (e.g. the W3C {@code traceparent} of Veil's span with {@code veil.otel.propagate=true}). Every
 * client's glue applies them, replacing a header of the same name; without them the request's headers are
 * sent as they are.
 */
public final class RequestVerdict {
    public static final int PASS = 0;
    public static final int REWRITE = 1;
    public static final int BLOCK = 2;

    private static final RequestVerdict PASS_VERDICT =
            new RequestVerdict(PASS, null, null, null, false, Collections.<String, String>emptyMap());

    private final int action;
    private final byte[] body;
    private final String message;
    private final Object call;
    private final boolean filterResponse;
    private final Map<String, String> headersToAdd;

    private RequestVerdict(int action, byte[] body, String message, Object call, boolean filterResponse,
                           Map<String, String> headersToAdd) {
        this.action = action;
        this.body = body;
        this.message = message;
        this.call = call;
        this.filterResponse = filterResponse;
        this.headersToAdd = headersToAdd;
    }

    private RequestVerdict(int action, byte[] body, String message, Object call, boolean filterResponse) {
        this(action, body, message, call, filterResponse, Collections.<String, String>emptyMap());
    }

    /** Send the original bytes; nothing to report about the response. */
    public static RequestVerdict pass() {
        return PASS_VERDICT;
    }

    /** Send the original bytes and report the response on {@code call}. */
    public static RequestVerdict pass(Object call) {
        return call == null ? PASS_VERDICT : new RequestVerdict(PASS, null, null, call, false);
    }

    public static RequestVerdict rewrite(byte[] body) {
        return rewrite(body, null, false);
    }

    /**
     * Send {@code body} instead and report the response on {@code call}; when {@code filterResponse} is
     * set, the response bytes must go through {@link Veil#filterResponseChunk} before the app reads them.
     */
    public static RequestVerdict rewrite(byte[] body, Object call, boolean filterResponse) {
        if (body == null) {
            throw new IllegalArgumentException("body");
        }
        return new RequestVerdict(REWRITE, body, null, call, filterResponse && call != null);
    }

    public static RequestVerdict block(String message) {
        if (message == null || !message.startsWith("veil: ")) {
            throw new IllegalArgumentException("a block message starts with 'veil: '");
        }
        return new RequestVerdict(BLOCK, null, message, null, false);
    }

    /**
     * This verdict, plus headers the glue adds to the outgoing request (name → value; a header of the same
     * name, compared without case, is replaced). A BLOCK verdict sends nothing and is returned unchanged.
     */
    public RequestVerdict withHeaders(Map<String, String> headers) {
        if (action == BLOCK || headers == null || headers.isEmpty()) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<String, String>(headersToAdd);
        all.putAll(headers);
        return new RequestVerdict(action, body, message, call, filterResponse, Collections.unmodifiableMap(all));
    }

    /** Headers to add to the outgoing request (never null; usually empty). */
    public Map<String, String> headersToAdd() {
        return headersToAdd;
    }

    public int action() {
        return action;
    }

    public boolean isPass() {
        return action == PASS;
    }

    public boolean isRewrite() {
        return action == REWRITE;
    }

    public boolean isBlock() {
        return action == BLOCK;
    }

    /** The bytes to send instead of the original, for {@link #REWRITE}; otherwise {@code null}. */
    public byte[] body() {
        return body;
    }

    /** Why the call is blocked, for {@link #BLOCK}; otherwise {@code null}. */
    public String message() {
        return message;
    }

    /**
     * The handle the glue reports the response on ({@link Veil#responseStarted}, {@link Veil#responseChunk},
     * {@link Veil#callEnded}); {@code null} when the agent does not follow this call's response.
     */
    public Object call() {
        return call;
    }

    /**
     * Whether the app must read the response through {@link Veil#filterResponseChunk} and
     * {@link Veil#finishResponseFilter} (Veil changed the request in a way it undoes in the response,
     * e.g. asking for streamed token usage). Only set when the glue said it can filter.
     */
    public boolean filtersResponse() {
        return filterResponse;
    }
}
