package dev.veil.instrumentation.logs.jboss;

import dev.veil.instrumentation.api.InstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * JBoss LogManager 3.x (WildFly, Quarkus): {@code org.jboss.logmanager.Logger.logRaw(ExtLogRecord)}
 * is where every record (JUL API, JBoss Logging, SLF4J bridges) enters the handlers. The formatted
 * message (whatever its format style), the MDC values and the throwable are masked there.
 */
public final class JBossLogManagerModule implements InstrumentationModule {

    static final String LOGGER = "org.jboss.logmanager.Logger";

    @Override
    public String name() {
        return "logs-jboss";
    }

    @Override
    public List<String> targetClassNames() {
        return Collections.singletonList(LOGGER);
    }

    @Override
    public List<String> helperClassNames() {
        return Collections.emptyList();
    }

    @Override
    public int minimumJavaVersion() {
        return 11;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Collections.<TypeInstrumentation>singletonList(new LoggerInstrumentation());
    }
}
