package dev.veil.agent.call;

/**
 * Undoes in the response what Veil changed in the request, so the application reads exactly the bytes it
 * would have read without Veil. Fed raw bytes split anywhere; never throws.
 */
public interface ResponseFilter {
    /** The bytes to hand to the application now (never null, may be empty). */
    byte[] filter(byte[] b, int off, int len);

    /** At the end of the body: whatever is still held back. */
    byte[] finish();
}
