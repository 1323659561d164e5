package dev.veil.instrumentation.logs.log4j1;

import dev.veil.instrumentation.api.SimpleInstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Log4j 1.2 and reload4j (same package): every logging call that passes the level check ends in
 * {@code Category.forcedLog(fqcn, level, message, throwable)}, on the calling thread, before the event
 * is built. The message (a String, or an object whose rendering holds a secret) and the throwable are
 * replaced by masked ones there; MDC values are masked where layouts read them from the event. No
 * helper classes.
 */
public final class Log4j1Module extends SimpleInstrumentationModule {

    static final String CATEGORY = "org.apache.log4j.Category";
    static final String LOGGING_EVENT = "org.apache.log4j.spi.LoggingEvent";

    public Log4j1Module() {
        super("logs-log4j1", 8, CATEGORY, LOGGING_EVENT);
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Arrays.<TypeInstrumentation>asList(new CategoryInstrumentation(), new LoggingEventInstrumentation());
    }
}
