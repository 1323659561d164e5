package dev.veil.testapp.jboss;

import dev.veil.testapp.logs.LogScenario;
import dev.veil.testapp.logs.LogSink;
import java.util.logging.Level;
import java.util.logging.LogManager;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.MDC;
import org.jboss.logmanager.NDC;

/**
 * An ordinary app on JBoss LogManager ({@code -Djava.util.logging.manager=org.jboss.logmanager.LogManager},
 * configured by {@code logging.properties}); files go to {@code -Dlog.dir}. Args: key1 key2 hexKey.
 */
public final class JBossApp implements LogSink {

    public static void main(String[] args) {
        LogScenario.run(new JBossApp(), args[0], args[1], args[2]);
    }

    @Override
    public void info(String logger, String message) {
        Logger.getLogger(logger).info(message);
    }

    @Override
    public void infoWithArg(String logger, String pattern, Object arg) {
        Logger.getLogger(logger).log(Level.INFO, pattern.replace("{}", "{0}"), arg);
    }

    @Override
    public void infoWithContext(String logger, String key, String value, String message) {
        MDC.put(key, value);
        NDC.push("tenant-7 " + value);
        try {
            Logger.getLogger(logger).info(message);
        } finally {
            NDC.pop();
            MDC.remove(key);
        }
    }

    @Override
    public void infoWithKeyValue(String logger, String key, String value, String message) {
        Logger.getLogger(logger).log(Level.INFO, message + " {0}={1}", new Object[] {key, value});
    }

    @Override
    public void error(String logger, String message, Throwable thrown) {
        Logger.getLogger(logger).log(Level.SEVERE, message, thrown);
    }

    @Override
    public void shutdown() {
        LogManager.getLogManager().reset();
    }
}
