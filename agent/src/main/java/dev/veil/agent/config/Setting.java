package dev.veil.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One configuration key: its name, default, documentation and how it is parsed. Parsers throw
 * {@link ConfigException} with the one-line message the user sees.
 *
 * <p>The common value types (boolean, choice, list, size, number, text) are data interpreted here, not
 * a class each: every class the agent defines in {@code premain} adds to the application's start-up.
 * An area with free-form settings passes one {@link Parser} for all of them (see {@code DetectionSettings}).
 *
 * @param <T> the parsed type
 */
public final class Setting<T> {

    /** Turns the raw string into a value, or throws {@link ConfigException}. */
    public interface Parser<T> {
        T parse(String key, String raw);
    }

    private static final int BOOL = 0;
    private static final int CHOICE = 1;
    private static final int LIST = 2;
    private static final int BYTES = 3;
    private static final int NUMBER = 4;
    private static final int TEXT = 5;
    private static final int CUSTOM = 6;

    private final String key;
    private final String defaultValue;
    private final String description;
    private final String expected;
    private final int kind;
    /** CUSTOM: the value parser; LIST: the item check (may be null). */
    private final Parser<?> parser;
    /** CHOICE: the allowed words. */
    private final List<String> choices;
    /** NUMBER: the bounds. */
    private final long min;
    private final long max;
    /** The parsed default, computed on first use (defaults are valid by construction). */
    private volatile Object parsedDefault;

    private Setting(String key, String defaultValue, String expected, String description, int kind, Parser<?> parser,
                    List<String> choices, long min, long max) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.expected = expected;
        this.description = description;
        this.kind = kind;
        this.parser = parser;
        this.choices = choices;
        this.min = min;
        this.max = max;
    }

    public static <T> Setting<T> of(String key, String defaultValue, String expected, String description, Parser<T> parser) {
        return new Setting<T>(key, defaultValue, expected, description, CUSTOM, parser, null, 0, 0);
    }

    /**
     * A setting parsed by a parser shared by several settings of one area, which dispatches on the key.
     * The caller vouches that the parser returns a {@code T} for this key.
     */
    @SuppressWarnings("unchecked")
    public static <T> Setting<T> shared(String key, String defaultValue, String expected, String description, Parser<?> parser) {
        return new Setting<T>(key, defaultValue, expected, description, CUSTOM, parser, null, 0, 0);
    }

    public static Setting<Boolean> bool(String key, boolean defaultValue, String description) {
        return new Setting<Boolean>(key, String.valueOf(defaultValue), "true or false", description, BOOL, null, null, 0, 0);
    }

    /** One of a fixed set of lower-case words. */
    public static Setting<String> choice(String key, String defaultValue, String description, String... choices) {
        List<String> allowed = Collections.unmodifiableList(Arrays.asList(choices));
        return new Setting<String>(key, defaultValue, "one of: " + join(allowed), description, CHOICE, null, allowed, 0, 0);
    }

    /**
     * A comma-separated list of non-empty items; each item is checked by {@code itemCheck} (may be null),
     * which may be a parser shared by an area's settings (it is given the key).
     */
    public static Setting<List<String>> list(String key, String description, String expected, Parser<?> itemCheck) {
        return new Setting<List<String>>(key, "", expected, description, LIST, itemCheck, null, 0, 0);
    }

    /** A byte size: a whole number with an optional unit (b, kb, kib, mb, mib, gb, gib), e.g. {@code 8MiB}. */
    public static Setting<Long> bytes(String key, String defaultValue, String description) {
        return new Setting<Long>(key, defaultValue, "a size like 65536, 64KiB or 8MiB", description, BYTES, null, null, 0, 0);
    }

    /** A whole number in [min, max]. */
    public static Setting<Long> number(String key, long defaultValue, long min, long max, String description) {
        return new Setting<Long>(key, String.valueOf(defaultValue), "a whole number from " + min + " to " + max, description,
                NUMBER, null, null, min, max);
    }

    /** A free-form string, trimmed. */
    public static Setting<String> text(String key, String defaultValue, String expected, String description) {
        return new Setting<String>(key, defaultValue, expected, description, TEXT, null, null, 0, 0);
    }

    @SuppressWarnings("unchecked")
    private Object parseValue(String raw) {
        switch (kind) {
            case BOOL: {
                String v = raw.trim().toLowerCase(Locale.ROOT);
                if (v.equals("true")) {
                    return Boolean.TRUE;
                }
                if (v.equals("false")) {
                    return Boolean.FALSE;
                }
                throw ConfigException.invalid(raw, key, "expected true or false");
            }
            case CHOICE: {
                String v = raw.trim().toLowerCase(Locale.ROOT);
                if (choices.contains(v)) {
                    return v;
                }
                throw ConfigException.invalid(raw, key, "expected " + expected);
            }
            case LIST: {
                List<String> items = new ArrayList<String>();
                for (String part : raw.split(",")) {
                    String item = part.trim();
                    if (!item.isEmpty()) {
                        items.add(parser == null ? item : (String) parser.parse(key, item));
                    }
                }
                return Collections.unmodifiableList(items);
            }
            case BYTES:
                return ByteSize.parse(key, raw);
            case NUMBER: {
                try {
                    long v = Long.parseLong(raw.trim());
                    if (v >= min && v <= max) {
                        return v;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                throw ConfigException.invalid(raw, key, "expected " + expected);
            }
            case TEXT:
                return raw.trim();
            default:
                return parser.parse(key, raw);
        }
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

    @SuppressWarnings("unchecked")
    public T parse(String raw) {
        return (T) parseValue(raw);
    }

    /** The default value, parsed once on first use. */
    @SuppressWarnings("unchecked")
    T parsedDefault() {
        Object v = parsedDefault;
        if (v == null) {
            v = parseValue(defaultValue);
            parsedDefault = v;
        }
        return (T) v;
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
