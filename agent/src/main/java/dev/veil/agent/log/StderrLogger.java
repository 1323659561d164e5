package dev.veil.agent.log;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One line per event on stderr: {@code [veil] LEVEL message}; a throwable adds its class and message only. */
final class StderrLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    StderrLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return VeilLog.enabled(VeilLog.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return VeilLog.enabled(VeilLog.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return VeilLog.enabled(VeilLog.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return VeilLog.enabled(VeilLog.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return VeilLog.enabled(VeilLog.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable t) {
        StringBuilder line = new StringBuilder(96);
        line.append(MessageFormatter.basicArrayFormat(pattern, args));
        if (t != null) {
            // Class names only: an exception message can carry request data.
            line.append(" (").append(t.getClass().getName());
            if (t.getCause() != null) {
                line.append(" caused by ").append(t.getCause().getClass().getName());
            }
            line.append(')');
        }
        VeilLog.print(level.name(), line);
    }
}
