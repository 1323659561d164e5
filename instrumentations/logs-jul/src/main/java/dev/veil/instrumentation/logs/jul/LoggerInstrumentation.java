package dev.veil.instrumentation.logs.jul;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.bootstrap.Veil;
import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.logging.LogRecord;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Matcher and advice of {@link JulModule}; loaded only when the instrumentation is installed (it needs ByteBuddy). */
final class LoggerInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return named(JulModule.LOGGER);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        transformer.applyAdviceToMethod(named("log").and(takesArguments(1)).and(takesArgument(0, named("java.util.logging.LogRecord"))),
                LoggerInstrumentation.class.getName() + "$LogRecordAdvice");
    }

    public static final class LogRecordAdvice {
        private LogRecordAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.Argument(0) LogRecord record) {
            if (record == null) {
                return;
            }
            String message = record.getMessage();
            Object[] params = record.getParameters();
            if (message != null && params != null && params.length > 0) {
                // what java.util.logging.Formatter#formatMessage would print
                String text = message;
                ResourceBundle bundle = record.getResourceBundle();
                if (bundle != null) {
                    try {
                        text = bundle.getString(message);
                    } catch (RuntimeException missing) {
                        text = message;
                    }
                }
                if (text.indexOf("{0") >= 0 || text.indexOf("{1") >= 0 || text.indexOf("{2") >= 0 || text.indexOf("{3") >= 0) {
                    try {
                        text = MessageFormat.format(text, params);
                    } catch (RuntimeException badPattern) {
                        // the formatter falls back to the raw pattern too
                    }
                }
                String masked = Veil.maskLog(text);
                if (masked != text) {
                    record.setMessage(masked);
                    record.setParameters(null);
                    record.setResourceBundle(null);
                } else {
                    Object[] maskedParams = Veil.maskLogArguments(params);
                    if (maskedParams != params) {
                        record.setParameters(maskedParams);
                    }
                }
            } else if (message != null) {
                String masked = Veil.maskLog(message);
                if (masked != message) {
                    record.setMessage(masked);
                }
            }
            Throwable thrown = record.getThrown();
            Throwable maskedThrown = Veil.maskThrowable(thrown);
            if (maskedThrown != thrown) {
                record.setThrown(maskedThrown);
            }
        }
    }
}
