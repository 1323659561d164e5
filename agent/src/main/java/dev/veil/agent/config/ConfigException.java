package dev.veil.agent.config;

/**
 * A configuration problem the user must fix. The message is one line, without the {@code veil: }
 * prefix, and never contains more of a value than the user typed for that key.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null, false, false);
    }

    /** {@code invalid value 'foo' for veil.prompt.mode (expected one of: ...)}. */
    public static ConfigException invalid(String raw, String key, String why) {
        return new ConfigException("invalid value '" + oneLine(raw) + "' for " + key + " (" + why + ")");
    }

    static String oneLine(String raw) {
        String s = raw.replace('\n', ' ').replace('\r', ' ');
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
