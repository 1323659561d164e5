package dev.veil.testapp.apache5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Set;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * A streaming request body the way apps write one for uploads they generate on the fly: it produces its
 * bytes a slice at a time and cannot start over ({@code isRepeatable() == false}).
 */
final class OneShotProducer implements AsyncEntityProducer {

    private final ByteBuffer content;
    private final String contentType;

    OneShotProducer(byte[] bytes, String contentType) {
        this.content = ByteBuffer.wrap(bytes);
        this.contentType = contentType;
    }

    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public long getContentLength() {
        return -1;
    }

    @Override
    public int available() {
        return content.remaining();
    }

    @Override
    public String getContentEncoding() {
        return null;
    }

    @Override
    public boolean isChunked() {
        return true;
    }

    @Override
    public Set<String> getTrailerNames() {
        return Collections.emptySet();
    }

    @Override
    public synchronized void produce(DataStreamChannel channel) throws IOException {
        if (content.hasRemaining()) {
            ByteBuffer slice = content.duplicate();
            slice.limit(Math.min(content.limit(), content.position() + 16));
            int written = channel.write(slice);
            content.position(content.position() + written);
        }
        if (!content.hasRemaining()) {
            channel.endStream();
        }
    }

    @Override
    public void failed(Exception cause) {
        // nothing to clean up
    }

    @Override
    public void releaseResources() {
        // one shot: nothing to rewind
    }
}
