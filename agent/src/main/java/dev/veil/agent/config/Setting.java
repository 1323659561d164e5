package dev.veil.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One configuration key: its name, default, documentation and the parser that validates it.
 * Parsers throw {@link ConfigException} with the one-line message the user sees.
 *
 * @param <T> the parsed type
 */
public final class Setting<T> {

    /** Turns the raw string into a value, or throws {@link ConfigException}. */
    public interface Parser<T> {
        T parse(String key, String raw);
    }

    private final String key;
    private final String defaultValue;
    private final String description;
    private final String expected;
    private final Parser<T> parser;

    private Setting(String key, String defaultValue, String expected, String description, Parser<T> parser) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.expected = expected;
        this.description = description;
        this.parser = parser;
    }

    public static <T> Setting<T> of(String key, String defaultValue, String expected, String description, Parser<T> parser) {
        return new Setting<T>(key, defaultValue, expected, description, parser);
    }

    public static Setting<Boolean> bool(String key, boolean defaultValue, String description) {
        return new Setting<Boolean>(key, String.valueOf(defaultValue), "true or false", description, new Parser<Boolean>() {
            @Override
            public Boolean parse(String k, String raw) {
                String v = raw.trim().toLowerCase(Locale.ROOT);
                if (v.equals("true")) {
                    return Boolean.TRUE;
                }
                if (v.equals("false")) {
                    return Boolean.FALSE;
                }
                throw ConfigException.invalid(raw, k, "expected true or false");
            }
        });
    }

    /** One of a fixed set of lower-case words. */
    public static Setting<String> choice(String key, String defaultValue, String description, String... choices) {
        final List<String> allowed = Collections.unmodifiableList(Arrays.asList(choices));
        final String expected = "one of: " + join(allowed);
        return new Setting<String>(key, defaultValue, expected, description, new Parser<String>() {
            @Override
            public String parse(String k, String raw) {
                String v = raw.trim().toLowerCase(Locale.ROOT);
                if (allowed.contains(v)) {
                    return v;
                }
                throw ConfigException.invalid(raw, k, "expected " + expected);
            }
        });
    }

    /** A comma-separated list of non-empty items; each item is checked by {@code itemCheck} (may be null). */
    public static Setting<List<String>> list(String key, String description, String expected, final Parser<String> itemCheck) {
        return new Setting<List<String>>(key, "", expected, description, new Parser<List<String>>() {
            @Override
            public List<String> parse(String k, String raw) {
                List<String> items = new ArrayList<String>();
                for (String part : raw.split(",")) {
                    String item = part.trim();
                    if (item.isEmpty()) {
                        continue;
                    }
                    items.add(itemCheck == null ? item : itemCheck.parse(k, item));
                }
                return Collections.unmodifiableList(items);
            }
        });
    }

    /** A byte size: a whole number with an optional unit (b, kb, kib, mb, mib, gb, gib), e.g. {@code 8MiB}. */
    public static Setting<Long> bytes(String key, String defaultValue, String description) {
        return new Setting<Long>(key, defaultValue, "a size like 65536, 64KiB or 8MiB", description, new Parser<Long>() {
            @Override
            public Long parse(String k, String raw) {
                return ByteSize.parse(k, raw);
            }
        });
    }

    /** A whole number in [min, max]. */
    public static Setting<Long> number(String key, long defaultValue, final long min, final long max, String description) {
        final String expected = "a whole number from " + min + " to " + max;
        return new Setting<Long>(key, String.valueOf(defaultValue), expected, description, new Parser<Long>() {
            @Override
            public Long parse(String k, String raw) {
                try {
                    long v = Long.parseLong(raw.trim());
                    if (v >= min && v <= max) {
                        return v;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                throw ConfigException.invalid(raw, k, "expected " + expected);
            }
        });
    }

    /** A free-form string (validated by the parser given, if any). */
    public static Setting<String> text(String key, String defaultValue, String expected, String description) {
        return new Setting<String>(key, defaultValue, expected, description, new Parser<String>() {
            @Override
            public String parse(String k, String raw) {
                return raw.trim();
            }
        });
    }

    public String key() {
        return key;
    }

    /** The default as the user would write it ("" when empty). */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** What a valid value looks like, for docs and error messages. */
    public String expected() {
        return expected;
    }

    /** The environment variable form: upper case, {@code .} and {@code -} become {@code _}. */
    public String envName() {
        return envName(key);
    }

    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public T parse(String raw) {
        return parser.parse(key, raw);
    }

    T parseDefault() {
        return parser.parse(key, defaultValue);
    }

    private static String join(List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (String s : items) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(s);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return key;
    }
}
