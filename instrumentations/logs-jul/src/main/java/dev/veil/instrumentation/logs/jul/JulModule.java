package dev.veil.instrumentation.logs.jul;

import dev.veil.instrumentation.api.InstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Collections;
import java.util.List;

/**
 * {@code java.util.logging}: every {@code Logger} method (and the JDK's {@code System.Logger} bridge,
 * which the JDK HttpClient's {@code -Djdk.httpclient.HttpClient.log} output uses) ends in
 * {@code Logger.log(LogRecord)}, on the calling thread, before any handler or formatter. The advice is
 * inlined into that boot class and uses only the JDK and {@code Veil}; it never touches
 * {@code LogManager}. A record whose formatted text holds a secret gets the masked text as its message
 * and no parameters; a throwable with a secret is replaced by a masked copy.
 */
public final class JulModule implements InstrumentationModule {

    static final String LOGGER = "java.util.logging.Logger";

    @Override
    public String name() {
        return "logs-jul";
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
        return 8;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Collections.<TypeInstrumentation>singletonList(new LoggerInstrumentation());
    }
}
