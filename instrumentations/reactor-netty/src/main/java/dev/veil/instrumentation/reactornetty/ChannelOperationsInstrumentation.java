package dev.veil.instrumentation.reactornetty;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code ChannelOperations.onInboundError(Throwable)} and {@code terminate()}, both final there: a read
 * timeout, a decoding error or a failed write ends a followed call. Other operations find no call and
 * return after one channel-attribute lookup. The send paths that do not pass {@code HttpClientOperations.send(Publisher)}:
 * {@code send(Publisher, Predicate)} and {@code sendObject(Publisher, Predicate)} (also behind {@code sendGroups}
 * and {@code sendObject(Publisher)}), and {@code sendUsing} (behind {@code sendFile}, {@code sendFileChunked}).
 */
final class ChannelOperationsInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return named(ReactorNettyModule.CHANNEL_OPERATIONS);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        transformer.applyAdviceToMethod(named("onInboundError").and(takesArguments(1)).and(takesArgument(0, Throwable.class)),
                InboundErrorAdvice.class.getName());
        transformer.applyAdviceToMethod(named("terminate").and(takesArguments(0)), TerminateAdvice.class.getName());
        transformer.applyAdviceToMethod(named("send").and(takesArguments(2)).and(takesArgument(0, named("org.reactivestreams.Publisher")))
                .and(takesArgument(1, named("java.util.function.Predicate"))), SendManyAdvice.class.getName());
        transformer.applyAdviceToMethod(named("sendObject").and(takesArguments(2)).and(takesArgument(0, named("org.reactivestreams.Publisher")))
                .and(takesArgument(1, named("java.util.function.Predicate"))), SendManyAdvice.class.getName());
        transformer.applyAdviceToMethod(named("sendUsing").and(takesArguments(3)), SendUsingAdvice.class.getName());
    }
}
