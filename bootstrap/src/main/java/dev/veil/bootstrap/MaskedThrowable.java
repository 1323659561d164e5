package dev.veil.bootstrap;

/**
 * Stands in for a throwable whose message (or one of whose causes' or suppressed throwables' messages)
 * held a secret: it prints as the original would ({@code original.Class: masked message}, the
 * original stack trace, masked causes and suppressed), but carries no secret. Built only by
 * {@link Veil#maskThrowable}; a clean throwable is never replaced.
 */
public final class MaskedThrowable extends Throwable {
    private static final long serialVersionUID = 1L;

    private final String originalClassName;
    private final String text;

    MaskedThrowable(String originalClassName, String maskedMessage, String maskedToString) {
        super(maskedMessage);
        this.originalClassName = originalClassName;
        this.text = maskedToString;
    }

    /** The class name of the throwable this one stands in for. */
    public String originalClassName() {
        return originalClassName;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // the original's stack trace is copied in
    }
}
