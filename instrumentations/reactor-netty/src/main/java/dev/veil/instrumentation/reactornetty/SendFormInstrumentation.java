package dev.veil.instrumentation.reactornetty;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** {@code HttpClientOperations$SendForm.subscribe(CoreSubscriber)} (1.0.0 to 1.3.x): the form body of {@code sendForm}. */
final class SendFormInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return named(ReactorNettyModule.SEND_FORM);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        transformer.applyAdviceToMethod(named("subscribe").and(takesArguments(1)), SendFormAdvice.class.getName());
    }
}
