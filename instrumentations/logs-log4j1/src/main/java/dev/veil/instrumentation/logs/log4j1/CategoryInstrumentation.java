package dev.veil.instrumentation.logs.log4j1;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.bootstrap.Veil;
import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Matcher and advice of {@link Log4j1Module}; loaded only when the instrumentation is installed (it needs ByteBuddy). */
final class CategoryInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return named(Log4j1Module.CATEGORY);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        transformer.applyAdviceToMethod(named("forcedLog").and(takesArguments(4)).and(takesArgument(0, String.class))
                .and(takesArgument(3, Throwable.class)), CategoryInstrumentation.class.getName() + "$ForcedLogAdvice");
    }

    public static final class ForcedLogAdvice {
        private ForcedLogAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.Argument(value = 2, readOnly = false) Object message,
                                 @Advice.Argument(value = 3, readOnly = false) Throwable thrown) {
            String masked = Veil.maskedLogText(message);
            if (masked != null) {
                message = masked;
            }
            thrown = Veil.maskThrowable(thrown);
        }
    }
}
