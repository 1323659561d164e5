package dev.veil.instrumentation.logs.jboss;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.bootstrap.Veil;
import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The NDC as formatters read it: {@code ExtLogRecord.getNdc()} ({@code %x}, JSON/XML formatters). The record
 * copies the thread's NDC lazily (possibly on an async handler's thread, from the copy made on the logging
 * thread), so the value is masked where it is read rather than in {@code logRaw}.
 */
final class ExtLogRecordInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return named(JBossLogManagerModule.EXT_LOG_RECORD);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        transformer.applyAdviceToMethod(named("getNdc").and(takesArguments(0)),
                ExtLogRecordInstrumentation.class.getName() + "$GetNdcAdvice");
    }

    public static final class GetNdcAdvice {
        private GetNdcAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.Return(readOnly = false) String ndc) {
            String masked = Veil.maskedLogText(ndc);
            if (masked != null) {
                ndc = masked;
            }
        }
    }
}
