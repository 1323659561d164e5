package dev.veil.instrumentation.logs.logback;

import dev.veil.instrumentation.api.SimpleInstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Logback 1.2 to 1.5: masks the event itself, so every appender and encoder (pattern layouts, JSON
 * encoders such as logstash-logback-encoder, AsyncAppender, socket appenders) sees masked values. The
 * advice is inlined into {@code LoggingEvent} and {@code ThrowableProxy} and calls only
 * {@code dev.veil.bootstrap.Veil}: no helper classes.
 */
public final class LogbackModule extends SimpleInstrumentationModule {

    static final String LOGGING_EVENT = "ch.qos.logback.classic.spi.LoggingEvent";
    static final String THROWABLE_PROXY = "ch.qos.logback.classic.spi.ThrowableProxy";

    public LogbackModule() {
        super("logs-logback", 8, LOGGING_EVENT, THROWABLE_PROXY);
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Arrays.<TypeInstrumentation>asList(new LoggingEventInstrumentation(), new ThrowableProxyInstrumentation());
    }
}
