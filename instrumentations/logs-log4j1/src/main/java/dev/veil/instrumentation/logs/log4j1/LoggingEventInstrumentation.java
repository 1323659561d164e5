package dev.veil.instrumentation.logs.log4j1;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.bootstrap.Veil;
import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import java.util.Map;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * MDC values as layouts read them: {@code getMDC(key)} ({@code %X{key}}) and {@code getProperties()} ({@code %X}, XML/JSON
 * layouts); the NDC as {@code getNDC()} hands it to {@code %x} and the XML layout.
 */
final class LoggingEventInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return named(Log4j1Module.LOGGING_EVENT);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        String self = LoggingEventInstrumentation.class.getName();
        transformer.applyAdviceToMethod(named("getMDC").and(takesArguments(1)), self + "$TextAdvice");
        transformer.applyAdviceToMethod(named("getProperties").and(takesArguments(0)), self + "$PropertiesAdvice");
        transformer.applyAdviceToMethod(named("getNDC").and(takesArguments(0)), self + "$TextAdvice");
    }

    /** A returned value rendered as text: an MDC value ({@code Object}) or the NDC ({@code String}). */
    public static final class TextAdvice {
        private TextAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object value) {
            String masked = Veil.maskedLogText(value);
            if (masked != null) {
                value = masked;
            }
        }
    }

    public static final class PropertiesAdvice {
        private PropertiesAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Return(readOnly = false) Map<Object, Object> properties) {
            properties = Veil.maskLogMap(properties);
        }
    }
}
