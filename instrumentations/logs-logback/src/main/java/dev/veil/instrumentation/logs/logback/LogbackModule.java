package dev.veil.instrumentation.logs.logback;

import dev.veil.instrumentation.api.InstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Logback 1.2 to 1.5: masks the event itself, so every appender and encoder (pattern layouts, JSON
 * encoders such as logstash-logback-encoder, AsyncAppender, socket appenders) sees masked values. The
 * advice is inlined into {@code LoggingEvent} and {@code ThrowableProxy} and calls only
 * {@code dev.veil.bootstrap.Veil}: no helper classes.
 */
public final class LogbackModule implements InstrumentationModule {

    static final String LOGGING_EVENT = "ch.qos.logback.classic.spi.LoggingEvent";
    static final String THROWABLE_PROXY = "ch.qos.logback.classic.spi.ThrowableProxy";

    @Override
    public String name() {
        return "logs-logback";
    }

    @Override
    public List<String> targetClassNames() {
        return Arrays.asList(LOGGING_EVENT, THROWABLE_PROXY);
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
        return Arrays.<TypeInstrumentation>asList(new LoggingEventInstrumentation(), new ThrowableProxyInstrumentation());
    }
}
