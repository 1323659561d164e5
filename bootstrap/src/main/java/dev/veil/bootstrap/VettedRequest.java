package dev.veil.bootstrap;

/**
 * What {@link Veil#inspectAbove} decided about a request seen by glue above an HTTP client (azure-core):
 * the {@link #verdict()}, and whether the bytes to send were vetted. The glue sends exactly
 * {@link #bytesToSend()} and calls {@link #sending()} right before each hand-over to the HTTP client (each
 * attempt: retries send the same bytes again); HTTP-client glue below then leaves that one send alone
 * instead of inspecting it a second time.
 */
public final class VettedRequest {

    private final RequestVerdict verdict;
    private final byte[] bytesToSend;
    /** Null when nothing may be skipped below (a block, or a verdict of the failure policy). */
    private final String key;

    VettedRequest(RequestVerdict verdict, byte[] bytesToSend, String key) {
        this.verdict = verdict;
        this.bytesToSend = bytesToSend;
        this.key = key;
    }

    public RequestVerdict verdict() {
        return verdict;
    }

    /** The bytes the glue sends: the rewritten body, or the original one; null for a block. */
    public byte[] bytesToSend() {
        return bytesToSend;
    }

    /** Whether glue below may leave the send of {@link #bytesToSend()} alone. */
    public boolean isVetted() {
        return key != null;
    }

    /** The vetted bytes go to the HTTP client once more (one attempt). Never throws. */
    public void sending() {
        try {
            VettedBodies.add(key);
        } catch (Throwable ignored) {
            // nothing recorded: the glue below inspects the request itself
        }
    }
}
