package dev.veil.instrumentation.jdkhttp;

import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code send}, {@code sendAsync(req, handler)} and {@code sendAsync(req, handler, pushPromiseHandler)}
 * all call the private {@code sendAsync(HttpRequest, BodyHandler, PushPromiseHandler, Executor)}
 * (JDK 11 through 25), so advising it sees every request exactly once.
 */
final class HttpClientImplInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return named(JdkHttpClientModule.HTTP_CLIENT_IMPL);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        transformer.applyAdviceToMethod(
                named("sendAsync").and(isPrivate()).and(takesArguments(4))
                        .and(takesArgument(0, named("java.net.http.HttpRequest"))),
                SendAsyncAdvice.class.getName());
    }
}
