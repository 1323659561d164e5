package dev.veil.instrumentation.jdkhttp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * Stands in for a request Veil will not let out; it carries the failure the call completes with.
 * It never reaches the HTTP client: the advice skips the send when it sees one.
 */
public final class BlockedRequest extends HttpRequest {

    private final HttpRequest original;
    private final IOException failure;

    BlockedRequest(HttpRequest original, IOException failure) {
        this.original = original;
        this.failure = failure;
    }

    public IOException failure() {
        return failure;
    }

    @Override
    public Optional<BodyPublisher> bodyPublisher() {
        return original.bodyPublisher();
    }

    @Override
    public String method() {
        return original.method();
    }

    @Override
    public Optional<Duration> timeout() {
        return original.timeout();
    }

    @Override
    public boolean expectContinue() {
        return original.expectContinue();
    }

    @Override
    public URI uri() {
        return original.uri();
    }

    @Override
    public Optional<HttpClient.Version> version() {
        return original.version();
    }

    @Override
    public HttpHeaders headers() {
        return original.headers();
    }
}
