package dev.veil.agent.telemetry;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The standard OpenTelemetry settings, read the way the SDK's autoconfiguration reads them (which Veil does
 * not use): the system property {@code otel.a.b-c} wins over the variable {@code OTEL_A_B_C}. A malformed
 * value never stops the application: it is reported once (see {@link #problems()}) and the default is used.
 */
final class OtelEnv {

    private final Map<String, String> properties;
    private final Map<String, String> environment;
    private final List<String> problems = new ArrayList<String>();

    OtelEnv(Map<String, String> properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    static OtelEnv fromSystem() {
        Map<String, String> props = new LinkedHashMap<String, String>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("otel.")) {
                props.put(name, System.getProperty(name));
            }
        }
        return new OtelEnv(props, System.getenv());
    }

    /** The value of {@code otel.…} (property, else variable), trimmed; null when unset or blank. */
    String get(String key) {
        String v = properties.get(key);
        if (v == null) {
            v = environment.get(envName(key));
        }
        if (v == null || v.trim().isEmpty()) {
            return null;
        }
        return v.trim();
    }

    String get(String key, String defaultValue) {
        String v = get(key);
        return v == null ? defaultValue : v;
    }

    boolean bool(String key, boolean defaultValue) {
        String v = get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        problem(key, "expected true or false");
        return defaultValue;
    }

    /** A duration in milliseconds (a plain number), or with a unit: ms, s, m. */
    long millis(String key, long defaultValue) {
        String v = get(key);
        if (v == null) {
            return defaultValue;
        }
        String s = v.toLowerCase(Locale.ROOT);
        long unit = 1;
        if (s.endsWith("ms")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s")) {
            s = s.substring(0, s.length() - 1);
            unit = 1000;
        } else if (s.endsWith("m")) {
            s = s.substring(0, s.length() - 1);
            unit = 60000;
        }
        try {
            long n = Long.parseLong(s.trim());
            if (n >= 0) {
                return n * unit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(key, "expected a duration in milliseconds");
        return defaultValue;
    }

    /** {@code k1=v1,k2=v2} with percent-encoded values (W3C Baggage style), as OTLP headers and resource attributes. */
    Map<String, String> keyValues(String key) {
        String v = get(key);
        if (v == null) {
            return Collections.emptyMap();
        }
        Map<String, String> out = new LinkedHashMap<String, String>();
        for (String part : v.split(",")) {
            if (part.trim().isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                problem(key, "expected key=value pairs separated by commas");
                continue;
            }
            out.put(part.substring(0, eq).trim(), decode(part.substring(eq + 1).trim()));
        }
        return out;
    }

    /** What was wrong with the settings, without their values (header values may be credentials). */
    List<String> problems() {
        return problems;
    }

    private void problem(String key, String expected) {
        problems.add("ignored " + key + " (" + envName(key) + "): " + expected);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), "UTF-8");
        } catch (UnsupportedEncodingException | IllegalArgumentException e) {
            return s;
        }
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
