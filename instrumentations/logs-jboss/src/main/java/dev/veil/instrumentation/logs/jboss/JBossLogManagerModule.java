package dev.veil.instrumentation.logs.jboss;

import dev.veil.instrumentation.api.SimpleInstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * JBoss LogManager 3.x (WildFly, Quarkus): {@code org.jboss.logmanager.Logger.logRaw(ExtLogRecord)}
 * is where every record (JUL API, JBoss Logging, SLF4J bridges) enters the handlers. The formatted
 * message (whatever its format style), the MDC values and the throwable are masked there; the NDC
 * where formatters read it from the record.
 */
public final class JBossLogManagerModule extends SimpleInstrumentationModule {

    static final String LOGGER = "org.jboss.logmanager.Logger";
    static final String EXT_LOG_RECORD = "org.jboss.logmanager.ExtLogRecord";

    public JBossLogManagerModule() {
        super("logs-jboss", 11, LOGGER, EXT_LOG_RECORD);
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Arrays.<TypeInstrumentation>asList(new LoggerInstrumentation(), new ExtLogRecordInstrumentation());
    }
}
