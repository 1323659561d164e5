package dev.veil.instrumentation.logs.logback;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.veil.bootstrap.Veil;
import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Logback renders exceptions (in {@code %ex}, JSON stack-trace providers, serialized events) from a
 * {@code ThrowableProxy} tree built once per event: one proxy per throwable, cause and suppressed.
 * Masking each proxy's {@code message} field when it is built covers all of them.
 */
final class ThrowableProxyInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return named(LogbackModule.THROWABLE_PROXY);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        transformer.applyAdviceToMethod(isConstructor(), ThrowableProxyInstrumentation.class.getName() + "$ConstructorAdvice");
    }

    public static final class ConstructorAdvice {
        private ConstructorAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void exit(@Advice.FieldValue(value = "message", readOnly = false) String message) {
            message = Veil.maskLog(message);
        }
    }
}
