package dev.veil.agent.redact;

/**
 * The engine's face towards the wire formats: one request's worth of prompt text goes through it,
 * field by field. Implementations keep per-request state (the same value gets the same placeholder in
 * every field of one request) and are not thread-safe.
 */
public interface PromptScrubber {

    /**
     * Scans one prompt-bearing string. Returns the text to send in its place: the same instance when
     * nothing was found or when the mode only detects (audit, block).
     */
    String scrub(String text);
}
