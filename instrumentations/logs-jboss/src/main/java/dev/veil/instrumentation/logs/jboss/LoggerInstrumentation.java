package dev.veil.instrumentation.logs.jboss;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.bootstrap.Veil;
import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.jboss.logmanager.ExtLogRecord;

/** Matcher and advice of {@link JBossLogManagerModule}; loaded only when the instrumentation is installed (it needs ByteBuddy). */
final class LoggerInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return named(JBossLogManagerModule.LOGGER);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        transformer.applyAdviceToMethod(named("logRaw").and(takesArguments(1))
                .and(takesArgument(0, named("org.jboss.logmanager.ExtLogRecord"))), LoggerInstrumentation.class.getName() + "$LogRawAdvice");
    }

    public static final class LogRawAdvice {
        private LogRawAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.Argument(0) ExtLogRecord record) {
            if (record == null) {
                return;
            }
            String formatted = record.getFormattedMessage();
            String masked = Veil.maskLog(formatted);
            if (masked != formatted) {
                record.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
                record.setParameters(null);
            }
            java.util.Map<String, String> mdc = record.getMdcCopy();
            java.util.Map<String, String> maskedMdc = Veil.maskLogMap(mdc);
            if (maskedMdc != mdc) {
                record.setMdc(maskedMdc);
            }
            Throwable thrown = record.getThrown();
            Throwable maskedThrown = Veil.maskThrowable(thrown);
            if (maskedThrown != thrown) {
                record.setThrown(maskedThrown);
            }
        }
    }
}
