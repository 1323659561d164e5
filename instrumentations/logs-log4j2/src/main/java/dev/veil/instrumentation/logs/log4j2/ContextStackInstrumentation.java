package dev.veil.instrumentation.logs.log4j2;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;
import org.apache.logging.log4j.ThreadContext;

/**
 * The ThreadContext stack as layouts read it: {@code getContextStack()} of each event implementation
 * ({@code %x} / {@code %NDC}, JsonTemplateLayout's {@code ndc} resolver, XML/JSON layouts).
 */
final class ContextStackInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return namedOneOf(Log4j2Module.EVENTS);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        transformer.applyAdviceToMethod(named("getContextStack").and(takesArguments(0)),
                ContextStackInstrumentation.class.getName() + "$ContextStackAdvice");
    }

    public static final class ContextStackAdvice {
        private ContextStackAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) ThreadContext.ContextStack stack) {
            stack = Log4j2ContextStack.mask(stack);
        }
    }
}
