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
        try {
            return h.matchEndpoint(method, scheme, host, port, rawPath, rawQuery);
        } catch (Throwable t) {
            // A failing lookup must not decide: treat it as a match so the failure policy applies later.
            return FAILED_MATCH;
        }
    }

    /** Inspects an outbound LLM request body (as it would go on the wire, possibly compressed). */
    public static RequestVerdict inspectRequest(Object endpoint, byte[] body, String contentEncoding) {
        VeilHooks h = hooks;
        if (h == null || endpoint == null) {
            return RequestVerdict.pass();
        }
        if (endpoint == FAILED_MATCH) {
            return interceptionFailed(endpoint, new IllegalStateException("endpoint lookup failed"));
        }
        try {
            RequestVerdict verdict = h.inspectRequest(endpoint, body, contentEncoding);
            return verdict != null ? verdict : RequestVerdict.block("veil: internal error (no verdict); request not sent");
        } catch (Throwable t) {
            return interceptionFailed(endpoint, t);
        }
    }

    /** The glue around a matched request failed; the agent's failure policy picks the verdict. */
    public static RequestVerdict interceptionFailed(Object endpoint, Throwable failure) {
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

    /** Masks secrets in a line of log text; returns the same instance when there is nothing to mask. */
    public static String maskLog(String text) {
        VeilHooks h = hooks;
        if (h == null || text == null) {
            return text;
        }
        try {
            return h.maskLog(text);
        } catch (Throwable t) {
            return text;
        }
    }

    private static final Object FAILED_MATCH = new Object();
    private static final long DEFAULT_MAX_PROMPT_BYTES = 8L * 1024 * 1024;
}
