package dev.veil.instrumentation.logs.log4j2;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.apache.logging.log4j.message.Message;

/**
 * Message parameters on the same two entry points as {@link LoggerInstrumentation} (applied beside its advice):
 * a parameter beyond the placeholders is not in the formatted text the other advice checks, but structured
 * layouts render it.
 */
final class MessageParametersInstrumentation implements TypeInstrumentation {

    private static final String MESSAGE = "org.apache.logging.log4j.message.Message";

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return namedOneOf(Log4j2Module.CORE_LOGGER, Log4j2Module.ASYNC_LOGGER);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        String self = MessageParametersInstrumentation.class.getName();
        transformer.applyAdviceToMethod(named("logMessage").and(takesArguments(5)).and(takesArgument(0, String.class))
                .and(takesArgument(3, named(MESSAGE))).and(takesArgument(4, Throwable.class)), self + "$LogMessageAdvice");
        transformer.applyAdviceToMethod(named("log").and(takesArguments(6)).and(takesArgument(3, StackTraceElement.class))
                .and(takesArgument(4, named(MESSAGE))).and(takesArgument(5, Throwable.class)), self + "$LogAdvice");
    }

    public static final class LogMessageAdvice {
        private LogMessageAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.Argument(value = 3, readOnly = false) Message message) {
            message = Log4j2Parameters.mask(message);
        }
    }

    public static final class LogAdvice {
        private LogAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.Argument(value = 4, readOnly = false) Message message) {
            message = Log4j2Parameters.mask(message);
        }
    }
}
