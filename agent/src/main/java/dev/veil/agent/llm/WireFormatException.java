package dev.veil.agent.llm;

/**
 * Veil cannot read or rewrite an LLM request safely (too large, unsupported encoding, corrupt
 * compression, nesting too deep). The caller applies {@code veil.failure}. The message never holds
 * any part of the body.
 */
public final class WireFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message, null, false, false);
    }
}
