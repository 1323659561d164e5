package dev.veil.testapp.log4j1;

import dev.veil.testapp.logs.LogScenario;
import dev.veil.testapp.logs.LogSink;
import org.apache.log4j.LogManager;
import org.apache.log4j.Logger;
import org.apache.log4j.MDC;
import org.apache.log4j.NDC;

/** An ordinary Log4j 1.2 app configured by {@code log4j.properties}; files go to {@code -Dlog.dir}. Args: key1 key2 hexKey. */
public final class Log4j1App implements LogSink {

    public static void main(String[] args) {
        LogScenario.run(new Log4j1App(), args[0], args[1], args[2]);
    }

    @Override
    public void info(String logger, String message) {
        Logger.getLogger(logger).info(message);
    }

    @Override
    public void infoWithArg(String logger, String pattern, Object arg) {
        // Log4j 1.2 has no parameters: apps concatenate, or log the object itself
        Logger.getLogger(logger).info(new Rendered(pattern.replace("{}", String.valueOf(arg))));
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
        Logger.getLogger(logger).info(message + " " + key + "=" + value);
    }

    @Override
    public void error(String logger, String message, Throwable thrown) {
        Logger.getLogger(logger).error(message, thrown);
    }

    @Override
    public void shutdown() {
        LogManager.shutdown();
    }

    /** A message object whose rendering (toString) holds the text. */
    private static final class Rendered {
        private final String text;

        Rendered(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
