package dev.veil.instrumentation.logs.log4j2;

import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

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

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return namedOneOf(Log4j2Module.CORE_LOGGER, Log4j2Module.ASYNC_LOGGER);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        String self = MessageParametersInstrumentation.class.getName();
        transformer.applyAdviceToMethod(LoggerInstrumentation.logMessageMethod(), self + "$LogMessageAdvice");
        transformer.applyAdviceToMethod(LoggerInstrumentation.logMethod(), self + "$LogAdvice");
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
