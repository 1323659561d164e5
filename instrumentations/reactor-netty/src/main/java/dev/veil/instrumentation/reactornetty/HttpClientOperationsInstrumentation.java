package dev.veil.instrumentation.reactornetty;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code HttpClientOperations} (package-private, one instance per request attempt): {@code send(Publisher)},
 * {@code sendUsing} (1.3.x), {@code onInboundNext}, {@code onInboundCancel}, {@code onInboundClose} (1.0.0 to 1.3.x).
 */
final class HttpClientOperationsInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return named(ReactorNettyModule.HTTP_CLIENT_OPERATIONS);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        transformer.applyAdviceToMethod(named("send").and(takesArguments(1)).and(takesArgument(0, named("org.reactivestreams.Publisher"))),
                SendAdvice.class.getName());
        // 1.3.x overrides sendUsing without calling super (1.0.x does not override it)
        transformer.applyAdviceToMethod(named("sendUsing").and(takesArguments(3)), SendUsingAdvice.class.getName());
        transformer.applyAdviceToMethod(named("onInboundNext").and(takesArguments(2)), InboundNextAdvice.class.getName());
        transformer.applyAdviceToMethod(named("onInboundCancel").and(takesArguments(0)), InboundCancelAdvice.class.getName());
        transformer.applyAdviceToMethod(named("onInboundClose").and(takesArguments(0)), InboundCloseAdvice.class.getName());
    }
}
