package dev.veil.instrumentation.okhttp;

import dev.veil.bootstrap.PromptTooLargeException;
import java.io.IOException;
import okio.Buffer;
import okio.ForwardingSink;

/** Collects a request body into a buffer and gives up past Veil's prompt size limit (for unknown lengths). */
final class CappedSink extends ForwardingSink {

    private final long limit;
    private long written;

    CappedSink(Buffer buffer, long limit) {
        super(buffer);
        this.limit = limit;
    }

    @Override
    public void write(Buffer source, long byteCount) throws IOException {
        written += byteCount;
        if (written > limit) {
            throw new PromptTooLargeException(limit);
        }
        super.write(source, byteCount);
    }
}
