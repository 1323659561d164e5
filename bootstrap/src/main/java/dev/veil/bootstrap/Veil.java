package dev.veil.bootstrap;

/**
 * Static entry points that instrumented code calls. Lives on the bootstrap class loader so that every
 * class loader, including the JDK's own, can see it. Until the agent installs its hooks every method is
 * a cheap no-op; no method ever throws.
 */
public final class Veil {

    private static volatile VeilHooks hooks;

    private Veil() {
    }

    /** Installs the agent's hooks; only the first call wins. */
    public static synchronized boolean install(VeilHooks agentHooks) {
        if (hooks != null || agentHooks == null) {
            return false;
        }
        hooks = agentHooks;
        return true;
    }

    public static boolean isInstalled() {
        return hooks != null;
    }

    /**
     * Returns an opaque match when the request goes to an LLM endpoint, otherwise {@code null}.
     * {@code port} is -1 when the URL has none.
     */
    public static Object matchEndpoint(String method, String scheme, String host, int port, String rawPath, String rawQuery) {
        VeilHooks h = hooks;
        if (h == null || host == null) {
            return null;
        }
        Object endpoint;
        try {
            endpoint = h.matchEndpoint(method, scheme, host, port, rawPath, rawQuery);
        } catch (Throwable t) {
            // A failing lookup must not decide: treat it as a match so the failure policy applies later.
            return FAILED_MATCH;
        }
        // Only while glue above an HTTP client has vetted sends in flight (otherwise: one volatile read).
        if (endpoint != null && !VettedBodies.isEmpty()) {
            return new MaybeVetted(endpoint, method, host);
        }
        return endpoint;
    }

    /**
     * A matched endpoint while vetted sends are pending ({@link #inspectAbove}): remembers the method and
     * host so that {@link #inspectRequest} can recognise a send that glue above already inspected.
     * Opaque to the glue, never seen by the hooks.
     */
    private static final class MaybeVetted {
        final Object endpoint;
        final String method;
        final String host;

        MaybeVetted(Object endpoint, String method, String host) {
            this.endpoint = endpoint;
            this.method = method;
            this.host = host;
        }
    }

    private static Object unwrap(Object endpoint) {
        return endpoint instanceof MaybeVetted ? ((MaybeVetted) endpoint).endpoint : endpoint;
    }

    /** Inspects an outbound LLM request body (as it would go on the wire, possibly compressed). */
    public static RequestVerdict inspectRequest(Object endpoint, byte[] body, String contentEncoding) {
        return inspectRequest(endpoint, body, contentEncoding, null, false);
    }

    /**
     * Inspects an outbound LLM request body. {@code traceparent}: the request's W3C trace header, or null.
     * {@code canFilterResponse}: the glue can route the response through {@link #filterResponseChunk}.
     */
    public static RequestVerdict inspectRequest(Object endpoint, byte[] body, String contentEncoding, String traceparent,
                                                boolean canFilterResponse) {
        VeilHooks h = hooks;
        if (h == null || endpoint == null) {
            return RequestVerdict.pass();
        }
        if (endpoint instanceof MaybeVetted) {
            MaybeVetted candidate = (MaybeVetted) endpoint;
            if (body != null && takeVettedAbove(candidate.method, candidate.host, body, 0, body.length)) {
                // Glue above (azure-core) inspected exactly these bytes and follows the call: send them as they are.
                return RequestVerdict.pass();
            }
            endpoint = candidate.endpoint;
        }
        if (endpoint == FAILED_MATCH) {
            return interceptionFailed(endpoint, new IllegalStateException("endpoint lookup failed"));
        }
        try {
            RequestVerdict verdict = h.inspectRequest(endpoint, body, contentEncoding, traceparent, canFilterResponse);
            return verdict != null ? verdict : RequestVerdict.block("veil: internal error (no verdict); request not sent");
        } catch (Throwable t) {
            return interceptionFailed(endpoint, t);
        }
    }

    /**
     * For glue ABOVE an HTTP client (azure-core's pipeline): inspects the body like {@link #inspectRequest}
     * (never taking it for an already vetted send) and, when the verdict came from an inspection and lets the
     * request go, marks the bytes to send as vetted: the glue calls {@link VettedRequest#sending()} before each
     * hand-over to the HTTP client, and the HTTP-client glue below ({@link #inspectRequest} with an endpoint
     * from {@link #matchEndpoint}) then passes that one send through without a second inspection. A block
     * or a failure-policy verdict marks nothing: the glue below would inspect the request again.
     * {@code method} and {@code host} are the request's (the host without port, or a {@code Host} value).
     */
    public static VettedRequest inspectAbove(Object endpoint, String method, String host, byte[] body,
                                             String contentEncoding, String traceparent, boolean canFilterResponse) {
        endpoint = unwrap(endpoint);
        VeilHooks h = hooks;
        if (h == null || endpoint == null) {
            return new VettedRequest(RequestVerdict.pass(), body, null);
        }
        if (endpoint == FAILED_MATCH) {
            RequestVerdict verdict = interceptionFailed(endpoint, new IllegalStateException("endpoint lookup failed"));
            return new VettedRequest(verdict, verdict.isBlock() ? null : body, null);
        }
        RequestVerdict verdict;
        try {
            verdict = h.inspectRequest(endpoint, body, contentEncoding, traceparent, canFilterResponse);
        } catch (Throwable t) {
            verdict = interceptionFailed(endpoint, t);
            return new VettedRequest(verdict, verdict.isBlock() ? null : body, null);
        }
        if (verdict == null) {
            return new VettedRequest(RequestVerdict.block("veil: internal error (no verdict); request not sent"), null, null);
        }
        if (verdict.isBlock()) {
            return new VettedRequest(verdict, null, null);
        }
        byte[] toSend = verdict.isRewrite() ? verdict.body() : body;
        return new VettedRequest(verdict, toSend,
                toSend == null ? null : VettedBodies.key(method, host, toSend, 0, toSend.length));
    }

    /**
     * For HTTP-client glue that decides about a request without {@link #inspectRequest} (or before reading
     * what it needs for it): true when glue above an HTTP client vetted exactly this send — same method,
     * same host (without port; a {@code Host} header value is accepted), byte-for-byte the same body — and
     * then the request must be sent as it is and not followed (the glue above follows it). Takes the mark,
     * so it answers true once per vetted send. Costs one volatile read while nothing is pending.
     */
    public static boolean takeVettedAbove(String method, String host, byte[] body, int offset, int length) {
        if (VettedBodies.isEmpty()) {
            return false;
        }
        try {
            return VettedBodies.take(VettedBodies.key(method, host, body, offset, length));
        } catch (Throwable t) {
            return false;
        }
    }

    /** The glue around a matched request failed; the agent's failure policy picks the verdict. */
    public static RequestVerdict interceptionFailed(Object endpoint, Throwable failure) {
        endpoint = unwrap(endpoint);
        VeilHooks h = hooks;
        if (h == null) {
            return RequestVerdict.pass();
        }
        try {
            RequestVerdict verdict = h.interceptionFailed(endpoint, failure);
            if (verdict != null) {
                return verdict;
            }
        } catch (Throwable ignored) {
            // fall through: fail closed
        }
        return RequestVerdict.block("veil: internal error; request not sent (failure policy)");
    }

    /** The response of a followed call started. Never throws. */
    public static void responseStarted(Object call, int status, String contentType, String contentEncoding) {
        VeilHooks h = hooks;
        if (h != null && call != null) {
            try {
                h.responseStarted(call, status, contentType, contentEncoding);
            } catch (Throwable ignored) {
                // bookkeeping only: the app's response is unaffected
            }
        }
    }

    /** Tees response bytes to the agent as the app reads them; the bytes are not changed. Never throws. */
    public static void responseChunk(Object call, byte[] bytes, int offset, int length) {
        VeilHooks h = hooks;
        if (h != null && call != null && length > 0) {
            try {
                h.responseChunk(call, bytes, offset, length);
            } catch (Throwable ignored) {
                // bookkeeping only
            }
        }
    }

    /** {@link #responseChunk(Object, byte[], int, int)} for the remaining bytes of a buffer, whose position is kept. */
    public static void responseChunk(Object call, java.nio.ByteBuffer buffer) {
        if (buffer == null || hooks == null || call == null || !buffer.hasRemaining()) {
            return;
        }
        try {
            java.nio.ByteBuffer view = buffer.duplicate();
            if (view.hasArray()) {
                responseChunk(call, view.array(), view.arrayOffset() + view.position(), view.remaining());
            } else {
                byte[] bytes = new byte[view.remaining()];
                view.get(bytes);
                responseChunk(call, bytes, 0, bytes.length);
            }
        } catch (Throwable ignored) {
            // bookkeeping only
        }
    }

    /**
     * For a call whose verdict {@link RequestVerdict#filtersResponse() filters the response}: the bytes the
     * app reads in place of these. On an internal failure the input bytes are returned unchanged.
     */
    public static byte[] filterResponseChunk(Object call, byte[] bytes, int offset, int length) {
        VeilHooks h = hooks;
        if (h != null && call != null) {
            try {
                byte[] out = h.filterResponseChunk(call, bytes, offset, length);
                if (out != null) {
                    return out;
                }
            } catch (Throwable ignored) {
                // fall through: the app gets the bytes as they came
            }
        }
        byte[] copy = new byte[length];
        System.arraycopy(bytes, offset, copy, 0, length);
        return copy;
    }

    /** For a filtered call, at the end of the body: the bytes still held back. Never null. */
    public static byte[] finishResponseFilter(Object call) {
        VeilHooks h = hooks;
        if (h != null && call != null) {
            try {
                byte[] out = h.finishResponseFilter(call);
                if (out != null) {
                    return out;
                }
            } catch (Throwable ignored) {
                // nothing held back can be recovered
            }
        }
        return EMPTY;
    }

    /** The followed call is over (completed: null; failed, cancelled or closed early: the reason). Never throws. */
    public static void callEnded(Object call, Throwable failure) {
        VeilHooks h = hooks;
        if (h != null && call != null) {
            try {
                h.callEnded(call, failure);
            } catch (Throwable ignored) {
                // bookkeeping only
            }
        }
    }

    /**
     * Called by glue above an HTTP client (the AWS SDK interceptor) after it inspected a request and the
     * request was signed: {@code authorization} is the signed {@code Authorization} header value. Glue in
     * the HTTP client below then sees {@link #isHandledAbove} and leaves the request alone — inspecting it
     * again would count the call twice, and rewriting a signed body would break its signature.
     * A SigV4 signature covers the date, the headers and the payload hash, so the value identifies this
     * request; the last {@value #HANDLED_ABOVE_MAX} values are kept (retries re-sign, and may repeat a value).
     */
    public static void markHandledAbove(String authorization) {
        if (authorization == null || authorization.isEmpty()) {
            return;
        }
        synchronized (HANDLED_ABOVE) {
            HANDLED_ABOVE.put(authorization, Boolean.TRUE);
            if (HANDLED_ABOVE.size() > HANDLED_ABOVE_MAX) {
                HANDLED_ABOVE.remove(HANDLED_ABOVE.keySet().iterator().next());
            }
        }
    }

    /** Whether a request carrying this {@code Authorization} value was already handled above the HTTP client. */
    public static boolean isHandledAbove(String authorization) {
        if (authorization == null || authorization.isEmpty()) {
            return false;
        }
        synchronized (HANDLED_ABOVE) {
            return HANDLED_ABOVE.containsKey(authorization);
        }
    }

    /** Largest request body the agent inspects; glue reads at most this many bytes of a body. */
    public static long maxPromptBytes() {
        VeilHooks h = hooks;
        if (h == null) {
            return DEFAULT_MAX_PROMPT_BYTES;
        }
        try {
            return h.maxPromptBytes();
        } catch (Throwable t) {
            return DEFAULT_MAX_PROMPT_BYTES;
        }
    }

    /**
     * Masks secrets in log text; returns the same instance when there is nothing to mask. If the agent
     * fails internally the text is masked by {@link SecretShapes} (every secret-shaped token), never
     * returned raw.
     */
    public static String maskLog(String text) {
        VeilHooks h = hooks;
        if (h == null || text == null) {
            return text;
        }
        try {
            return h.maskLog(text);
        } catch (Throwable t) {
            return SecretShapes.mask(text);
        }
    }

    /**
     * {@link #maskLog}{@code (formatted)} for a log message the framework rendered from an SLF4J-style
     * pattern ({@code {}} placeholders, e.g. Logback's {@code LoggingEvent}) and its arguments: a clean
     * event of a pattern seen before costs a look-up and a check of the arguments, not a scan of the line.
     */
    public static String maskFormattedLog(String pattern, Object[] args, String formatted) {
        VeilHooks h = hooks;
        if (h == null || formatted == null) {
            return formatted;
        }
        try {
            return h.maskFormattedLog(pattern, args, formatted);
        } catch (Throwable t) {
            return SecretShapes.mask(formatted);
        }
    }

    /** {@link #maskLog} for a message pattern (usually the same instance on every call, whose verdict is cached). */
    public static String maskLogPattern(String pattern) {
        VeilHooks h = hooks;
        if (h == null || pattern == null) {
            return pattern;
        }
        try {
            return h.maskLogPattern(pattern);
        } catch (Throwable t) {
            return SecretShapes.mask(pattern);
        }
    }

    /**
     * Cheap check (no allocation) whether log text may hold a secret; {@code false} means
     * {@link #maskLog} would return it unchanged. Lets garbage-free callers avoid building a String.
     */
    public static boolean logMayHoldSecret(CharSequence text) {
        VeilHooks h = hooks;
        if (h == null || text == null) {
            return false;
        }
        try {
            return h.logMayHoldSecret(text);
        } catch (Throwable t) {
            return true;
        }
    }

    /** {@link #maskLog} for an object's {@code toString()}: the masked text, or null when it holds nothing to mask. */
    public static String maskedLogText(Object value) {
        if (value == null || hooks == null) {
            return null;
        }
        String text;
        try {
            text = String.valueOf(value);
        } catch (Throwable t) {
            return null; // the framework renders it (and fails) the same way
        }
        String masked = maskLog(text);
        return masked == text ? null : masked;
    }

    /**
     * Log arguments with every String (and every CharSequence) element masked: the same array when none
     * changed, otherwise a copy (the application's array is not modified).
     */
    public static Object[] maskLogArguments(Object[] args) {
        if (args == null || hooks == null) {
            return args;
        }
        Object[] out = null;
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof CharSequence) {
                String text = a.toString();
                String masked = maskLog(text);
                if (masked != text) {
                    if (out == null) {
                        out = args.clone();
                    }
                    out[i] = masked;
                }
            }
        }
        return out == null ? args : out;
    }

    /**
     * A context map (MDC, ThreadContext, properties) with masked values: the same map when none changed,
     * otherwise an unmodifiable copy in which each value that held a secret is its masked text.
     */
    @SuppressWarnings("unchecked")
    public static <K, V> java.util.Map<K, V> maskLogMap(java.util.Map<K, V> map) {
        if (map == null || map.isEmpty() || hooks == null) {
            return map;
        }
        java.util.Map<K, Object> out = null;
        for (java.util.Map.Entry<K, V> e : map.entrySet()) {
            Object v = e.getValue();
            String masked = v instanceof String ? maskLog((String) v) : maskedLogText(v);
            if (masked != null && masked != v) {
                if (out == null) {
                    out = new java.util.LinkedHashMap<K, Object>(map);
                }
                out.put(e.getKey(), masked);
            }
        }
        return out == null ? map : (java.util.Map<K, V>) java.util.Collections.unmodifiableMap(out);
    }

    /**
     * The throwable itself when neither it nor any cause or suppressed throwable has a secret in its
     * text; otherwise a {@link MaskedThrowable} chain that prints the same class names and stack traces
     * with masked messages.
     */
    public static Throwable maskThrowable(Throwable t) {
        if (t == null || hooks == null) {
            return t;
        }
        try {
            java.util.Map<Throwable, Throwable> seen = new java.util.IdentityHashMap<Throwable, Throwable>();
            return needsMasking(t, seen, 0) ? copy(t, new java.util.IdentityHashMap<Throwable, Throwable>(), 0) : t;
        } catch (Throwable failure) {
            return new MaskedThrowable(t.getClass().getName(), SecretShapes.MASK,
                    t.getClass().getName() + ": " + SecretShapes.MASK);
        }
    }

    private static final int MAX_THROWABLE_DEPTH = 64;

    private static boolean needsMasking(Throwable t, java.util.Map<Throwable, Throwable> seen, int depth) {
        if (t == null || depth > MAX_THROWABLE_DEPTH || seen.put(t, t) != null) {
            return false;
        }
        String text = t.toString();
        if (maskLog(text) != text) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (needsMasking(s, seen, depth + 1)) {
                return true;
            }
        }
        return needsMasking(t.getCause(), seen, depth + 1);
    }

    private static Throwable copy(Throwable t, java.util.Map<Throwable, Throwable> done, int depth) {
        Throwable existing = done.get(t);
        if (existing != null) {
            return existing;
        }
        String message = t.getMessage();
        MaskedThrowable m = new MaskedThrowable(t.getClass().getName(), message == null ? null : maskLog(message),
                maskLog(t.toString()));
        done.put(t, m);
        m.setStackTrace(t.getStackTrace());
        if (depth < MAX_THROWABLE_DEPTH) {
            Throwable cause = t.getCause();
            if (cause != null && cause != t) {
                m.initCause(copy(cause, done, depth + 1));
            }
            for (Throwable s : t.getSuppressed()) {
                m.addSuppressed(copy(s, done, depth + 1));
            }
        }
        return m;
    }

    /** Wraps a console stream so that lines with secrets are masked; {@code stream} itself when logs are not masked. */
    public static java.io.PrintStream wrapConsole(java.io.PrintStream stream) {
        VeilHooks h = hooks;
        if (h == null || stream == null) {
            return stream;
        }
        try {
            java.io.PrintStream wrapped = h.wrapConsole(stream);
            return wrapped != null ? wrapped : stream;
        } catch (Throwable t) {
            return stream;
        }
    }

    private static final Object FAILED_MATCH = new Object();
    private static final int HANDLED_ABOVE_MAX = 256;
    /** Insertion-ordered; the oldest value goes when the map is full. */
    private static final java.util.LinkedHashMap<String, Boolean> HANDLED_ABOVE =
            new java.util.LinkedHashMap<String, Boolean>();
    private static final byte[] EMPTY = new byte[0];
    private static final long DEFAULT_MAX_PROMPT_BYTES = 8L * 1024 * 1024;
}
