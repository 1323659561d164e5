package dev.veil.instrumentation.reactornetty;

import org.reactivestreams.Publisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

/**
 * The body Veil hands to {@code HttpClientOperations.send(Publisher)} in place of the app's: one buffer of
 * the bytes Veil decided on, or an error. Its type is the re-entrancy mark: a send path that delegates to
 * another advised one (for example {@code send(Publisher, Predicate)} redirected to {@code send(Mono)}) sees
 * an {@code InspectedBody} and leaves it alone, so each request attempt is inspected once.
 */
public final class InspectedBody extends Mono<Object> {

    private final Mono<?> body;

    InspectedBody(Mono<?> body) {
        this.body = body;
    }

    /** Whether {@code source} is a body Veil already decided on. */
    static boolean is(Publisher<?> source) {
        return source instanceof InspectedBody;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void subscribe(CoreSubscriber<? super Object> actual) {
        ((Mono<Object>) body).subscribe(actual);
    }
}
