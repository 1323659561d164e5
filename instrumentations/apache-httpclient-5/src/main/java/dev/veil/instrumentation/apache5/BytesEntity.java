package dev.veil.instrumentation.apache5;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * The request bytes Veil sends, with the original entity's content type and encoding strings kept
 * verbatim. It says it is repeatable only when the original was, so the client retries and redirects
 * exactly as it would have without Veil.
 */
final class BytesEntity extends AbstractHttpEntity {

    private final byte[] bytes;
    private final boolean repeatable;

    BytesEntity(byte[] bytes, String contentType, String contentEncoding, boolean chunked, boolean repeatable) {
        super(contentType, contentEncoding, chunked);
        this.bytes = bytes;
        this.repeatable = repeatable;
    }

    @Override
    public boolean isRepeatable() {
        return repeatable;
    }

    @Override
    public long getContentLength() {
        return bytes.length;
    }

    @Override
    public InputStream getContent() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
        // nothing held
    }
}
