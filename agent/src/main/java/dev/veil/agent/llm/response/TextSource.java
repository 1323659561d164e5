package dev.veil.agent.llm.response;

import java.io.IOException;

/** The current string value, materialised only when an extraction rule asks for it. */
interface TextSource {
    String text() throws IOException;

    /**
     * The same text for a value that repeats in every chunk of a stream ({@code "object":
     * "chat.completion.chunk"}, {@code "type": "content_block_delta"}): a source may return a cached
     * instance instead of a new string.
     */
    default String repeatedText() throws IOException {
        return text();
    }
}
