package dev.veil.instrumentation.logs.console;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.veil.bootstrap.Veil;
import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import java.io.PrintStream;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Matcher and advice of {@link ConsoleModule}; loaded only when the instrumentation is installed (it needs ByteBuddy). */
final class SystemInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return named(ConsoleModule.SYSTEM);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        transformer.applyAdviceToMethod(namedOneOf("setOut", "setErr").and(isStatic()).and(takesArguments(1)),
                SystemInstrumentation.class.getName() + "$SetStreamAdvice");
    }

    public static final class SetStreamAdvice {
        private SetStreamAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static void enter(@Advice.Argument(value = 0, readOnly = false) PrintStream stream) {
            stream = Veil.wrapConsole(stream);
        }
    }
}
