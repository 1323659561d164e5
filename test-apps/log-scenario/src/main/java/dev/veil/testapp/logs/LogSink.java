package dev.veil.testapp.logs;

/** What a logging framework adapter offers the scenario. Patterns use SLF4J's {@code {}}. */
public interface LogSink {

    void info(String logger, String message);

    void infoWithArg(String logger, String pattern, Object arg);

    /** Logs {@code message} with {@code key=value} in the framework's context map (MDC, ThreadContext). */
    void infoWithContext(String logger, String key, String value, String message);

    /** Logs with a structured key-value pair where the framework has them; otherwise as context. */
    void infoWithKeyValue(String logger, String key, String value, String message);

    void error(String logger, String message, Throwable thrown);

    /** Flushes and stops the framework so every file is complete. */
    void shutdown();
}
