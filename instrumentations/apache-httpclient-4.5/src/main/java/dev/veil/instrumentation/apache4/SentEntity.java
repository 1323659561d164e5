package dev.veil.instrumentation.apache4;

import org.apache.http.entity.ByteArrayEntity;

/** The request bytes Veil sends; repeatable only when the app's entity was, so retries and redirects are unchanged. */
final class SentEntity extends ByteArrayEntity {

    private final boolean repeatable;

    SentEntity(byte[] bytes, boolean repeatable) {
        super(bytes);
        this.repeatable = repeatable;
    }

    @Override
    public boolean isRepeatable() {
        return repeatable;
    }
}
