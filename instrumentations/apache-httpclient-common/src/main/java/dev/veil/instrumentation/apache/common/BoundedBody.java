package dev.veil.instrumentation.apache.common;

import dev.veil.bootstrap.PromptTooLargeException;
import java.io.ByteArrayOutputStream;

/**
 * Collects a request body written by an entity's {@code writeTo}, failing with
 * {@link PromptTooLargeException} as soon as it grows past {@code veil.prompt.max-bytes}.
 */
public final class BoundedBody extends ByteArrayOutputStream {

    private final long limit;

    public BoundedBody(long limit, long expectedLength) {
        super(expectedLength > 0 && expectedLength <= limit ? (int) expectedLength : 1024);
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        check(1);
        super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        check(len);
        super.write(b, off, len);
    }

    private void check(int more) {
        if ((long) count + more > limit) {
            throw new TooLarge(limit);
        }
    }

    /** Unchecked so it passes through {@code writeTo} signatures; the glue turns it back into the checked one. */
    public static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        TooLarge(long limit) {
            super(null, null, false, false);
            this.limit = limit;
        }

        public PromptTooLargeException checked() {
            return new PromptTooLargeException(limit);
        }
    }
}
