package dev.veil.agent.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.veil.agent.config.ConfigException;
import java.util.List;

/**
 * A detector the user defines in configuration as {@code id=regex} or {@code id:pii=regex}. The regex
 * is compiled once with RE2/J, which runs in time linear in the text whatever the pattern; when it has
 * a capture group, only the first group is redacted (e.g. the value after a fixed label).
 */
public final class CustomDetector {
    private final String id;
    private final Category category;
    private final Pattern pattern;

    private CustomDetector(String id, Category category, Pattern pattern) {
        this.id = id;
        this.category = category;
        this.pattern = pattern;
    }

    public String id() {
        return id;
    }

    public Category category() {
        return category;
    }

    /** Parses one {@code id[:category]=regex} entry of {@code key}; throws a one-line {@link ConfigException}. */
    static CustomDetector parse(String key, String entry) {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
            throw ConfigException.invalid(entry, key, "expected id=regex or id:pii=regex");
        }
        String name = entry.substring(0, eq).trim();
        String regex = entry.substring(eq + 1).trim();
        Category category = Category.SECRET;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            category = Category.byId(name.substring(colon + 1).trim());
            name = name.substring(0, colon).trim();
            if (category == null) {
                throw ConfigException.invalid(entry, key, "the category after ':' must be secret or pii");
            }
        }
        if (!name.matches("[a-z][a-z0-9_]{0,63}")) {
            throw ConfigException.invalid(name, key, "a custom detector id is lower-case letters, digits and _");
        }
        if (Detector.byId(name) != null || Category.byId(name) != null) {
            throw ConfigException.invalid(name, key, "'" + name + "' is a built-in detector id; pick another");
        }
        return new CustomDetector(name, category, compile(key + "." + name, regex));
    }

    /** Compiles a user pattern with RE2/J, refusing syntax errors and patterns that match empty text. */
    static Pattern compile(String keyForMessage, String regex) {
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw ConfigException.invalid(regex, keyForMessage, e.getDescription());
        }
        if (p.matches("")) {
            throw ConfigException.invalid(regex, keyForMessage, "the pattern matches empty text");
        }
        return p;
    }

    /** Adds every match in {@code s} to {@code out}. */
    void scan(String s, List<Finding> out) {
        Matcher m = pattern.matcher(s);
        while (m.find()) {
            boolean group = m.groupCount() >= 1 && m.start(1) >= 0;
            int start = group ? m.start(1) : m.start();
            int end = group ? m.end(1) : m.end();
            if (end > start) {
                out.add(new Finding(start, end, id, category, 2));
            }
        }
    }
}
