package dev.veil.agent.call;

/**
 * Told about every LLM call (telemetry, audit, the agent's debug log). Must not throw.
 *
 * <p>{@link #callStarted} runs on the application's thread while the request is inspected, before it is
 * sent: keep it cheap. It may {@link CallRecord#attach attach} state to the call and
 * {@link CallRecord#addRequestHeader add headers} to the outgoing request.
 */
public interface CallListener {

    /** The request was inspected and is about to be sent (or was blocked: then {@link #callEnded} follows at once). */
    default void callStarted(CallRecord call) {
    }

    /**
     * For opt-in content capture: how many characters of generated text this listener wants assembled (it
     * then also reads {@link CallRecord#sentBody()}); 0 for none.
     */
    default int contentCaptureChars() {
        return 0;
    }

    /** Whether this listener reads {@link CallRecord#fingerprints()} (the audit log); they are computed only then. */
    default boolean wantsFingerprints() {
        return false;
    }

    /** The call ended (once). */
    void callEnded(CallRecord call);
}
