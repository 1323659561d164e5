package dev.veil.testapp.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One request a test app sends: where, the bytes, the headers, and how the app frames it. */
public final class RequestSpec {
    /** The mode name the scenario asked for; apps with extra variants (e.g. JDK {@code byteArray}) look at it. */
    public final String variant;
    public final String url;
    public final byte[] body;
    /** Content-Type, Authorization, and Content-Encoding for a gzip body. */
    public final Map<String, String> headers;
    /** True: the app sends the body without a length (chunked transfer on HTTP/1.1). */
    public final boolean unknownLength;
    /** The read timeout the app sets, in milliseconds; 0 means the client's default. */
    public final int readTimeoutMillis;

    RequestSpec(String variant, String url, byte[] body, Map<String, String> headers, boolean unknownLength,
                int readTimeoutMillis) {
        this.variant = variant;
        this.url = url;
        this.body = body;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<String, String>(headers));
        this.unknownLength = unknownLength;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    public String contentType() {
        return headers.get("Content-Type");
    }
}
