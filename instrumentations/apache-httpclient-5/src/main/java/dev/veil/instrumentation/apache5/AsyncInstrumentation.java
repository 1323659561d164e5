package dev.veil.instrumentation.apache5;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code doExecute(HttpHost, AsyncRequestProducer, AsyncResponseConsumer, HandlerFactory, HttpContext, FutureCallback)}. */
final class AsyncInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return namedOneOf(ApacheHttpClient5Module.ASYNC_CLIENTS.toArray(new String[0]));
    }

    @Override
    public void transform(TypeTransformer transformer) {
        transformer.applyAdviceToMethod(
                named("doExecute").and(not(isAbstract())).and(takesArguments(6))
                        .and(takesArgument(1, named("org.apache.hc.core5.http.nio.AsyncRequestProducer")))
                        .and(takesArgument(2, named("org.apache.hc.core5.http.nio.AsyncResponseConsumer"))),
                AsyncDoExecuteAdvice.class.getName());
    }
}
