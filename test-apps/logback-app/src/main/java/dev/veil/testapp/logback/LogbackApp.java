package dev.veil.testapp.logback;

import ch.qos.logback.classic.LoggerContext;
import dev.veil.testapp.logs.LogScenario;
import dev.veil.testapp.logs.LogSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * An ordinary SLF4J + Logback app. Args: key1 key2 hexKey. Logback reads {@code logback.xml} (or the
 * file named by {@code -Dlogback.configurationFile}); files go to {@code -Dlog.dir}.
 */
public final class LogbackApp implements LogSink {

    private static final boolean FLUENT = hasClass("org.slf4j.spi.LoggingEventBuilder");

    public static void main(String[] args) {
        LogScenario.run(new LogbackApp(), args[0], args[1], args[2]);
    }

    @Override
    public void info(String logger, String message) {
        LoggerFactory.getLogger(logger).info(message);
    }

    @Override
    public void infoWithArg(String logger, String pattern, Object arg) {
        LoggerFactory.getLogger(logger).info(pattern, arg);
    }

    @Override
    public void infoWithContext(String logger, String key, String value, String message) {
        MDC.put(key, value);
        try {
            LoggerFactory.getLogger(logger).info(message);
        } finally {
            MDC.remove(key);
        }
    }

    @Override
    public void infoWithKeyValue(String logger, String key, String value, String message) {
        Logger log = LoggerFactory.getLogger(logger);
        if (FLUENT) {
            log.atInfo().addKeyValue(key, value).log(message);
        } else {
            infoWithContext(logger, key, value, message);
        }
    }

    @Override
    public void error(String logger, String message, Throwable thrown) {
        LoggerFactory.getLogger(logger).error(message, thrown);
    }

    @Override
    public void shutdown() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }

    private static boolean hasClass(String name) {
        try {
            Class.forName(name, false, LogbackApp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
