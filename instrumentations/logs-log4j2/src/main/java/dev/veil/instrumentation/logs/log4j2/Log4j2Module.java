package dev.veil.instrumentation.logs.log4j2;

import dev.veil.instrumentation.api.SimpleInstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * Log4j2 2.x: the message and throwable are swapped for masked ones where a core logger hands them to
 * its configuration (synchronous loggers, mixed async {@code AsyncLogger} elements) or to the ring
 * buffer (all-async loggers), on the calling thread, before any layout or JSON template reads them.
 * Thread-context values and stack (NDC) items are masked where layouts read them from the event;
 * message parameters (also those beyond the placeholders, which only structured layouts render) where
 * the message is swapped.
 */
public final class Log4j2Module extends SimpleInstrumentationModule {

    static final String CORE_LOGGER = "org.apache.logging.log4j.core.Logger";
    static final String ASYNC_LOGGER = "org.apache.logging.log4j.core.async.AsyncLogger";
    static final String[] EVENTS = {"org.apache.logging.log4j.core.impl.Log4jLogEvent",
        "org.apache.logging.log4j.core.impl.MutableLogEvent", "org.apache.logging.log4j.core.async.RingBufferLogEvent"};

    public Log4j2Module() {
        super("logs-log4j2", 8, CORE_LOGGER, ASYNC_LOGGER, EVENTS[0], EVENTS[1], EVENTS[2]);
    }

    @Override
    public List<String> helperClassNames() {
        String pkg = Log4j2Module.class.getPackage().getName() + ".";
        return Arrays.asList(pkg + "Log4j2Masking", pkg + "Log4j2Masking$ContextCheck", pkg + "Log4j2Masking$MaskInto",
                pkg + "Log4j2ContextStack", pkg + "Log4j2Parameters", pkg + "Log4j2Parameters$Suspicion",
                pkg + "Log4j2Parameters$Check");
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Arrays.<TypeInstrumentation>asList(new LoggerInstrumentation(), new LogEventInstrumentation(),
                new ContextStackInstrumentation(), new MessageParametersInstrumentation());
    }
}
