package dev.veil.instrumentation.logs.jul;

import dev.veil.instrumentation.api.SimpleInstrumentationModule;
import dev.veil.instrumentation.api.TypeInstrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java.util.logging}: every {@code Logger} method (and the JDK's {@code System.Logger} bridge,
 * which the JDK HttpClient's {@code -Djdk.httpclient.HttpClient.log} output uses) ends in
 * {@code Logger.log(LogRecord)}, on the calling thread, before any handler or formatter. The advice is
 * inlined into that boot class and uses only the JDK and {@code Veil}; it never touches
 * {@code LogManager}. A record whose formatted text holds a secret gets the masked text as its message
 * and no parameters; a throwable with a secret is replaced by a masked copy.
 */
public final class JulModule extends SimpleInstrumentationModule {

    static final String LOGGER = "java.util.logging.Logger";

    public JulModule() {
        super("logs-jul", 8, LOGGER);
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
        return Arrays.<TypeInstrumentation>asList(new LoggerInstrumentation());
    }
}
