package dev.veil.agent.llm;

/**
 * Reads an LLM response as the application reads it, chunk by chunk. Never throws, never blocks, keeps
 * memory bounded whatever the stream's length, and accepts any split of the bytes (a frame may straddle
 * two chunks). Not thread-safe: one response, one reader.
 */
public interface ResponseParser {

    /** The next bytes of the body exactly as received (still compressed if the response is). */
    void onBytes(byte[] b, int off, int len);

    /** A response header; lets providers that report usage or errors in headers (Bedrock) be read. */
    void onHeader(String name, String value);

    /** End of the body (or the application closed the stream early). */
    void onEnd();

    /** What was read so far; callable at any time, also before {@link #onEnd()}. */
    ResponseInfo result();
}
