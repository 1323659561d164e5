package dev.veil.instrumentation.logs.log4j2;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.bootstrap.Veil;
import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.apache.logging.log4j.message.Message;

/**
 * {@code logMessage(fqcn, level, marker, message, throwable)} and (2.13+)
 * {@code log(level, marker, fqcn, location, message, throwable)} of the core {@code Logger} and of
 * {@code AsyncLogger}, which overrides both: every event of the classic API and of the
 * {@code LogBuilder} API passes one of them.
 */
final class LoggerInstrumentation implements TypeInstrumentation {

    private static final String MESSAGE = "org.apache.logging.log4j.message.Message";

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return namedOneOf(Log4j2Module.CORE_LOGGER, Log4j2Module.ASYNC_LOGGER);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        String self = LoggerInstrumentation.class.getName();
        transformer.applyAdviceToMethod(logMessageMethod(), self + "$LogMessageAdvice");
        transformer.applyAdviceToMethod(logMethod(), self + "$LogAdvice");
    }

    /** {@code logMessage(fqcn, level, marker, message, throwable)}: the message is argument 3. */
    static ElementMatcher<MethodDescription> logMessageMethod() {
        return named("logMessage").and(takesArguments(5)).and(takesArgument(0, String.class))
                .and(takesArgument(3, named(MESSAGE))).and(takesArgument(4, Throwable.class));
    }

    /** {@code log(level, marker, fqcn, location, message, throwable)}: the message is argument 4. */
    static ElementMatcher<MethodDescription> logMethod() {
        return named("log").and(takesArguments(6)).and(takesArgument(3, StackTraceElement.class))
                .and(takesArgument(4, named(MESSAGE))).and(takesArgument(5, Throwable.class));
    }

    public static final class LogMessageAdvice {
        private LogMessageAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.Argument(value = 3, readOnly = false) Message message,
                                 @Advice.Argument(value = 4, readOnly = false) Throwable thrown) {
            message = Log4j2Masking.mask(message);
            thrown = Veil.maskThrowable(thrown);
        }
    }

    public static final class LogAdvice {
        private LogAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.Argument(value = 4, readOnly = false) Message message,
                                 @Advice.Argument(value = 5, readOnly = false) Throwable thrown) {
            message = Log4j2Masking.mask(message);
            thrown = Veil.maskThrowable(thrown);
        }
    }
}
