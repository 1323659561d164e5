package dev.veil.instrumentation.awssdk;

import dev.veil.bootstrap.PromptTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a marshalled request body, at most {@code limit} bytes. */
final class BodyBytes {

    private BodyBytes() {
    }

    static byte[] read(InputStream in, long limit) throws IOException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                if ((long) out.size() + n > limit) {
                    throw new PromptTooLargeException(limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            in.close();
        }
    }
}
