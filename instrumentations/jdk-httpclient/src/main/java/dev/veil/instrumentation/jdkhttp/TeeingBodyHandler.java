package dev.veil.instrumentation.jdkhttp;

import dev.veil.bootstrap.Veil;
import java.net.http.HttpResponse;

/** Wraps the app's {@code BodyHandler}: reports the response head, then tees (or filters) the body. */
final class TeeingBodyHandler<T> implements HttpResponse.BodyHandler<T> {

    private final HttpResponse.BodyHandler<T> delegate;
    private final Object call;
    private final boolean filter;

    TeeingBodyHandler(HttpResponse.BodyHandler<T> delegate, Object call, boolean filter) {
        this.delegate = delegate;
        this.call = call;
        this.filter = filter;
    }

    @Override
    public HttpResponse.BodySubscriber<T> apply(HttpResponse.ResponseInfo info) {
        Veil.responseStarted(call, info.statusCode(), info.headers().firstValue("Content-Type").orElse(null),
                info.headers().firstValue("Content-Encoding").orElse(null));
        HttpResponse.BodySubscriber<T> subscriber = delegate.apply(info);
        return new TeeingBodySubscriber<>(subscriber, call, filter);
    }
}
