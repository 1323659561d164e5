package dev.veil.instrumentation.apache5;

import dev.veil.instrumentation.apache.common.TeedContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * The classic response entity the app gets: the client's entity with its content stream teed to Veil.
 * Every way of reading goes through the tee; closing the entity (which {@code EntityUtils.consume} and
 * the response's {@code close} do) ends the call.
 */
final class TeeingEntity extends HttpEntityWrapper {

    private final HttpEntity wrapped;
    private final TeedContent content;

    TeeingEntity(HttpEntity wrapped, Object call, boolean filter) {
        super(wrapped);
        this.wrapped = wrapped;
        this.content = new TeedContent(call, filter);
    }

    @Override
    public InputStream getContent() throws IOException {
        return content.wrap(wrapped.getContent());
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
    public void close() throws IOException {
        try {
            content.endEarly();
        } finally {
            super.close();
        }
    }
}
