package dev.veil.bootstrap;

/**
 * What the agent installs into {@link Veil} once it is ready. Implementations live in the agent's
 * isolated class loader; this interface is the only contract between instrumented code and them.
 *
 * <p>Every method must be total: it never throws into the instrumented application. The agent's
 * implementation turns its own failures into the configured failure policy.
 */
public interface VeilHooks {

    /** Cheap endpoint lookup; an opaque match for an LLM endpoint, or {@code null}. */
    Object matchEndpoint(String method, String scheme, String host, int port, String rawPath, String rawQuery);

    /**
     * Inspects (and possibly rewrites or blocks) an outbound request body for a matched endpoint.
     * {@code traceparent} is the request's W3C header or null; {@code canFilterResponse} says whether the
     * glue can route the response through {@link #filterResponseChunk}.
     */
    RequestVerdict inspectRequest(Object endpoint, byte[] body, String contentEncoding, String traceparent,
                                  boolean canFilterResponse);

    /** The response's status line and headers arrived. */
    void responseStarted(Object call, int status, String contentType, String contentEncoding);

    /** Bytes of the response body as the app reads them (a tee: they are not changed). */
    void responseChunk(Object call, byte[] bytes, int offset, int length);

    /** For a filtered call: the bytes the app reads in place of these (never null, may be empty). */
    byte[] filterResponseChunk(Object call, byte[] bytes, int offset, int length);

    /** For a filtered call, at the end of the body: the bytes still held back (never null, may be empty). */
    byte[] finishResponseFilter(Object call);

    /** The call is over: body fully read ({@code failure} null), failed, cancelled or closed early. Idempotent. */
    void callEnded(Object call, Throwable failure);

    /** The glue failed before the body reached the engine: the failure policy decides. */
    RequestVerdict interceptionFailed(Object endpoint, Throwable failure);

    /** Largest request body the agent inspects ({@code veil.prompt.max-bytes}). */
    long maxPromptBytes();

    /** Masks secrets in one line of log text; returns the same instance when nothing was found. */
    String maskLog(String text);

    /**
     * {@link #maskLog}{@code (formatted)} for a message rendered from an SLF4J-style pattern ({@code {}}
     * placeholders) and its arguments, which lets the agent cache the pattern's verdict.
     */
    default String maskFormattedLog(String pattern, Object[] args, String formatted) {
        return maskLog(formatted);
    }

    /** {@link #maskLog} for a message pattern, usually the same instance on every call (its verdict may be cached). */
    default String maskLogPattern(String pattern) {
        return maskLog(pattern);
    }

    /** Cheap, allocation-free: false only when {@link #maskLog} would return this text unchanged. */
    boolean logMayHoldSecret(CharSequence text);

    /** A console stream that masks secrets line by line, or {@code stream} itself (already wrapped, or masking off). */
    java.io.PrintStream wrapConsole(java.io.PrintStream stream);
}
