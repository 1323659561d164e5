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
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/** ThreadContext values as layouts read them: {@code getContextData()} of each event implementation. */
final class LogEventInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return namedOneOf(Log4j2Module.EVENTS);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        transformer.applyAdviceToMethod(named("getContextData").and(takesArguments(0)),
                LogEventInstrumentation.class.getName() + "$ContextDataAdvice");
    }

    public static final class ContextDataAdvice {
        private ContextDataAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) ReadOnlyStringMap data) {
            data = Log4j2Masking.maskContext(data);
        }
    }
}
