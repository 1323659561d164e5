package dev.veil.bootstrap;

import java.io.IOException;

/** Glue signals with this that a request body exceeds {@code veil.prompt.max-bytes}; the failure policy decides. */
public final class PromptTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public PromptTooLargeException(long limit) {
        super("request body larger than veil.prompt.max-bytes (" + limit + " bytes)");
    }
}
