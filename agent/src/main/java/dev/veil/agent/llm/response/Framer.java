package dev.veil.agent.llm.response;

/** One stage of response decoding: decompression or a framing (SSE, NDJSON, JSON, AWS event stream). */
interface Framer {
    void onBytes(byte[] b, int off, int len);

    void onEnd();
}
