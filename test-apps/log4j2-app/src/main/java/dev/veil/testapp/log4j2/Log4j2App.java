package dev.veil.testapp.log4j2;

import dev.veil.testapp.logs.LogScenario;
import dev.veil.testapp.logs.LogSink;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.ThreadContext;

/**
 * An ordinary Log4j2 app configured by {@code log4j2.xml}; files go to {@code -Dlog.dir}. Args: key1
 * key2 hexKey. Parameterized messages take Log4j2's garbage-free (reusable message) path.
 */
public final class Log4j2App implements LogSink {

    public static void main(String[] args) {
        LogScenario.run(new Log4j2App(), args[0], args[1], args[2]);
    }

    @Override
    public void info(String logger, String message) {
        LogManager.getLogger(logger).info(message);
    }

    @Override
    public void infoWithArg(String logger, String pattern, Object arg) {
        LogManager.getLogger(logger).info(pattern, arg);
    }

    @Override
    public void infoWithContext(String logger, String key, String value, String message) {
        // the map (%X, JSON labels) and the stack (%x / %NDC, JSON tags)
        ThreadContext.put(key, value);
        ThreadContext.push("tenant-7 " + value);
        try {
            LogManager.getLogger(logger).info(message);
        } finally {
            ThreadContext.pop();
            ThreadContext.remove(key);
        }
    }

    @Override
    public void infoWithKeyValue(String logger, String key, String value, String message) {
        // the LogBuilder API (2.13+)
        // the value passed beyond the placeholders, as apps do for structured layouts: the text shows only the key,
        // JsonTemplateLayout's messageParameter resolver renders both
        LogManager.getLogger(logger).atInfo().log(message + " {}", key, value);
    }

    @Override
    public void error(String logger, String message, Throwable thrown) {
        LogManager.getLogger(logger).error(message, thrown);
    }

    @Override
    public void shutdown() {
        LogManager.shutdown();
    }
}
