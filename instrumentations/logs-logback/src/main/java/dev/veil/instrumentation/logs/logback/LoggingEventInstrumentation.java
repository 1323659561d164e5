package dev.veil.instrumentation.logs.logback;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.bootstrap.Veil;
import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.slf4j.event.KeyValuePair;

/**
 * The getters every Logback layout and encoder reads: the formatted message (masked once, when first
 * computed, and cached masked in the event's own {@code formattedMessage} field, so async appenders and
 * later readers see the masked text; the agent caches the verdict of the message pattern, so a clean
 * event of a known pattern costs a check of its arguments), the raw message (the pattern), the argument array, the MDC map and (1.3+) the
 * SLF4J key-value pairs. Masked values are copies: the application's arrays and maps are not modified.
 */
final class LoggingEventInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return named(LogbackModule.LOGGING_EVENT);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        String self = LoggingEventInstrumentation.class.getName();
        transformer.applyAdviceToMethod(named("getFormattedMessage").and(isPublic()).and(takesArguments(0)),
                self + "$FormattedMessageAdvice");
        transformer.applyAdviceToMethod(named("getMessage").and(isPublic()).and(takesArguments(0)), self + "$MessageAdvice");
        transformer.applyAdviceToMethod(named("getArgumentArray").and(takesArguments(0)), self + "$ArgumentsAdvice");
        transformer.applyAdviceToMethod(named("getMDCPropertyMap").and(takesArguments(0)), self + "$MdcAdvice");
        transformer.applyAdviceToMethod(named("getKeyValuePairs").and(takesArguments(0)), self + "$KeyValuesAdvice");
    }

    public static final class FormattedMessageAdvice {
        private FormattedMessageAdvice() {
        }

        /** True when the message was formatted (and masked) before: nothing to do on exit. */
        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static boolean enter(@Advice.FieldValue("formattedMessage") String cached) {
            return cached != null;
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Enter boolean wasCached,
                                @Advice.FieldValue(value = "formattedMessage", readOnly = false) String cached,
                                @Advice.FieldValue("message") String pattern,
                                @Advice.FieldValue("argumentArray") Object[] args,
                                @Advice.Return(readOnly = false) String formatted) {
            if (!wasCached && formatted != null) {
                String masked = Veil.maskFormattedLog(pattern, args, formatted);
                if (masked != formatted) {
                    cached = masked;
                    formatted = masked;
                }
            }
        }
    }

    public static final class MessageAdvice {
        private MessageAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Return(readOnly = false) String message) {
            message = Veil.maskLogPattern(message);
        }
    }

    public static final class ArgumentsAdvice {
        private ArgumentsAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Return(readOnly = false) Object[] args) {
            args = Veil.maskLogArguments(args);
        }
    }

    public static final class MdcAdvice {
        private MdcAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Return(readOnly = false) Map<String, String> mdc) {
            mdc = Veil.maskLogMap(mdc);
        }
    }

    public static final class KeyValuesAdvice {
        private KeyValuesAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Return(readOnly = false) List<KeyValuePair> pairs) {
            if (pairs == null || pairs.isEmpty()) {
                return;
            }
            List<KeyValuePair> masked = null;
            for (int i = 0; i < pairs.size(); i++) {
                KeyValuePair kv = pairs.get(i);
                String text = kv == null ? null : Veil.maskedLogText(kv.value);
                if (text != null) {
                    if (masked == null) {
                        masked = new ArrayList<KeyValuePair>(pairs);
                    }
                    masked.set(i, new KeyValuePair(kv.key, text));
                }
            }
            if (masked != null) {
                pairs = masked;
            }
        }
    }
}
