package dev.veil.agent.detect;

import com.google.re2j.Pattern;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Values never redacted, e.g. the company's support address: exact strings and RE2/J patterns that
 * must match a finding's whole value. Consulted only for findings, never for clean text.
 */
final class Allowlist {
    static final Allowlist EMPTY = new Allowlist(Collections.<String>emptyList(), Collections.<Pattern>emptyList());

    private final Set<String> values;
    private final List<Pattern> patterns;

    Allowlist(List<String> values, List<Pattern> patterns) {
        this.values = new HashSet<String>(values);
        this.patterns = patterns;
    }

    boolean isEmpty() {
        return values.isEmpty() && patterns.isEmpty();
    }

    boolean allows(String s, Finding f) {
        String value = s.substring(f.start(), f.end());
        if (values.contains(value)) {
            return true;
        }
        for (Pattern p : patterns) {
            if (p.matches(value)) {
                return true;
            }
        }
        return false;
    }
}
