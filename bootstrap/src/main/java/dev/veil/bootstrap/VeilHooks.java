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

    /** Inspects (and possibly rewrites or blocks) an outbound request body for a matched endpoint. */
    RequestVerdict inspectRequest(Object endpoint, byte[] body, String contentEncoding);

    /** The glue failed before the body reached the engine: the failure policy decides. */
    RequestVerdict interceptionFailed(Object endpoint, Throwable failure);

    /** Largest request body the agent inspects ({@code veil.prompt.max-bytes}). */
    long maxPromptBytes();

    /** Masks secrets in one line of log text; returns the same instance when nothing was found. */
    String maskLog(String text);
}
