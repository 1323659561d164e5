package dev.veil.instrumentation.logs.console;

import dev.veil.instrumentation.api.InstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Streams installed with {@code System.setOut} / {@code System.setErr} after start-up are wrapped in
 * the masking console stream (the JVM's own System.out and System.err are wrapped in premain).
 * {@code java.lang.System} is loaded before the agent, so it is retransformed once the instrumentation
 * is installed (when the first instrumented class appears), not at start-up.
 */
public final class ConsoleModule implements InstrumentationModule {

    static final String SYSTEM = "java.lang.System";

    @Override
    public String name() {
        return "logs-console";
    }

    @Override
    public List<String> targetClassNames() {
        return Collections.singletonList(SYSTEM);
    }

    @Override
    public List<String> helperClassNames() {
        return Collections.emptyList();
    }

    @Override
    public int minimumJavaVersion() {
        return 8;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Collections.<TypeInstrumentation>singletonList(new SystemInstrumentation());
    }
}
