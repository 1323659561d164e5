package dev.veil.instrumentation.apache4;

import dev.veil.instrumentation.apache.common.TeedContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.http.HttpEntity;
import org.apache.http.entity.HttpEntityWrapper;

/**
 * The response entity the app gets: the client's entity with its content stream teed to Veil. Every way
 * of reading ({@code getContent}, {@code writeTo}, {@code EntityUtils}) goes through the tee;
 * {@code consumeContent} and the response's {@code close} end the call.
 */
final class TeeingEntity extends HttpEntityWrapper {

    private final TeedContent content;

    TeeingEntity(HttpEntity wrapped, Object call, boolean filter) {
        super(wrapped);
        this.content = new TeedContent(call, filter);
    }

    @Override
    public InputStream getContent() throws IOException {
        return content.wrap(wrappedEntity.getContent());
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        TeedContent.copy(getContent(), out);
    }

    @Override
    public long getContentLength() {
        return content.length(super.getContentLength());
    }

    @Override
    @Deprecated
    public void consumeContent() throws IOException {
        content.endEarly();
        super.consumeContent();
    }

    void endEarly() {
        content.endEarly();
    }
}
