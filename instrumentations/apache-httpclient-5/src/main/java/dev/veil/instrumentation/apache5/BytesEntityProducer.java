package dev.veil.instrumentation.apache5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/** The async request bytes Veil sends, with the original entity's content type, encoding and framing. Repeatable. */
final class BytesEntityProducer implements AsyncEntityProducer {

    private final ByteBuffer content;
    private final String contentType;
    private final String contentEncoding;
    private final boolean chunked;
    private final Set<String> trailerNames;

    BytesEntityProducer(byte[] bytes, EntityDetails original) {
        this.content = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        this.contentType = original.getContentType();
        this.contentEncoding = original.getContentEncoding();
        this.chunked = original.isChunked() || original.getContentLength() < 0;
        this.trailerNames = original.getTrailerNames();
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public long getContentLength() {
        return content.capacity();
    }

    @Override
    public synchronized int available() {
        return content.remaining();
    }

    @Override
    public String getContentEncoding() {
        return contentEncoding;
    }

    @Override
    public boolean isChunked() {
        return chunked;
    }

    @Override
    public Set<String> getTrailerNames() {
        return trailerNames;
    }

    @Override
    public synchronized void produce(DataStreamChannel channel) throws IOException {
        if (content.hasRemaining()) {
            channel.write(content);
        }
        if (!content.hasRemaining()) {
            channel.endStream();
        }
    }

    @Override
    public void failed(Exception cause) {
        // nothing to release
    }

    @Override
    public synchronized void releaseResources() {
        // Rewinds, so that a retry or redirect sends the same bytes again.
        content.rewind();
    }
}
