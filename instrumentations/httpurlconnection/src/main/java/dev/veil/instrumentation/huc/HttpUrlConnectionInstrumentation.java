package dev.veil.instrumentation.huc;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The private {@code writeRequests()} puts the request on the wire (JDK 8 to 25): on a first send, a
 * retry, a redirect or an authentication round, with the buffered body ({@code poster}) when no
 * streaming mode is set, or before the app writes a streamed body. {@code getInputStream()} hands the
 * response body to the app ({@code getResponseCode} and {@code getHeaderField*} go through it too);
 * {@code disconnect()} ends a call whose body the app never finished.
 */
final class HttpUrlConnectionInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return named(HttpUrlConnectionModule.HTTP_URL_CONNECTION);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        transformer.applyAdviceToMethod(named("writeRequests").and(takesArguments(0)), WriteRequestsAdvice.class.getName());
        transformer.applyAdviceToMethod(named("getInputStream").and(isPublic()).and(takesArguments(0)),
                GetInputStreamAdvice.class.getName());
        transformer.applyAdviceToMethod(named("disconnect").and(isPublic()).and(takesArguments(0)),
                DisconnectAdvice.class.getName());
    }
}
