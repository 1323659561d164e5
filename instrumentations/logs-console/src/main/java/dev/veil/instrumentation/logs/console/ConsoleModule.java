package dev.veil.instrumentation.logs.console;

import dev.veil.instrumentation.api.SimpleInstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Streams installed with {@code System.setOut} / {@code System.setErr} after start-up are wrapped in
 * the masking console stream (the JVM's own System.out and System.err are wrapped in premain).
 * {@code java.lang.System} is loaded before the agent, so it is retransformed once the instrumentation
 * is installed (when the first instrumented class appears), not at start-up.
 */
public final class ConsoleModule extends SimpleInstrumentationModule {

    static final String SYSTEM = "java.lang.System";

    public ConsoleModule() {
        super("logs-console", 8, SYSTEM);
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Arrays.<TypeInstrumentation>asList(new SystemInstrumentation());
    }
}
