package dev.veil.agent.log;

import java.io.PrintStream;
import java.util.Locale;
import org.slf4j.Logger;

/**
 * The agent's own log: the (relocated) SLF4J API with a minimal binding that writes one line per
 * event to stderr, prefixed {@code [veil]}. Loggers are handed out directly rather than through
 * {@code LoggerFactory}, so no service lookup runs at start-up and an application's
 * {@code slf4j.provider} setting never reaches Veil.
 *
 * <p>Callers log ids, counts and class names only — never prompt text, header values or secrets.
 */
public final class VeilLog {

    /** Levels in SLF4J order; {@code OFF} silences everything. */
    public static final int TRACE = 0;
    public static final int DEBUG = 10;
    public static final int INFO = 20;
    public static final int WARN = 30;
    public static final int ERROR = 40;
    public static final int OFF = 50;

    private static volatile int threshold = INFO;
    private static volatile PrintStream out;

    private VeilLog() {
    }

    public static Logger get(Class<?> type) {
        return new StderrLogger(type.getName());
    }

    /**
     * Writes one line at {@code level} ({@link #INFO}, {@link #WARN}, ...) without an SLF4J logger: for
     * {@code premain}, which then loads no logging classes at all on the usual path.
     */
    public static void log(int level, String message) {
        if (enabled(level)) {
            print(level >= ERROR ? "ERROR" : level >= WARN ? "WARN" : level >= INFO ? "INFO" : level >= DEBUG ? "DEBUG" : "TRACE",
                    message);
        }
    }

    /** One line: {@code [veil] LEVEL message}, written and flushed under the stream's lock. */
    static void print(String levelName, CharSequence message) {
        StringBuilder line = new StringBuilder(message.length() + 16);
        line.append("[veil] ").append(levelName).append(' ').append(message);
        PrintStream stream = out();
        synchronized (stream) {
            stream.println(line);
            stream.flush();
        }
    }

    /** Sets the level from a {@code veil.log.level} value (off, error, warn, info, debug). */
    public static void setLevel(String level) {
        String v = level.toLowerCase(Locale.ROOT);
        if (v.equals("off")) {
            threshold = OFF;
        } else if (v.equals("error")) {
            threshold = ERROR;
        } else if (v.equals("warn")) {
            threshold = WARN;
        } else if (v.equals("debug")) {
            threshold = DEBUG;
        } else if (v.equals("trace")) {
            threshold = TRACE;
        } else {
            threshold = INFO;
        }
    }

    static boolean enabled(int level) {
        return level >= threshold;
    }

    /**
     * The stream the log writes to: the JVM's stderr as it was when the agent started, so that
     * Veil's own lines never go through an application's redirected {@code System.err}.
     */
    static PrintStream out() {
        PrintStream s = out;
        return s != null ? s : System.err;
    }

    /** The agent's stderr (see {@link #out()}), for output the user asked for, such as the console telemetry exporter. */
    public static PrintStream stderr() {
        return out();
    }

    public static void captureStderr() {
        out = System.err;
    }
}
