package dev.veil.agent.redact;

import dev.veil.agent.detect.Finding;
import java.util.List;

/** Rebuilds a text with each finding swapped for its replacement. */
final class Replacements {
    private Replacements() {
    }

    /** Supplies the replacement text for one finding. */
    interface Replacer {
        String replacementFor(Finding f, String value);
    }

    /** {@code findings} are non-overlapping and in text order. */
    static String apply(String text, List<Finding> findings, Replacer replacer) {
        StringBuilder out = new StringBuilder(text.length() + 16 * findings.size());
        int last = 0;
        for (Finding f : findings) {
            out.append(text, last, f.start());
            out.append(replacer.replacementFor(f, text.substring(f.start(), f.end())));
            last = f.end();
        }
        out.append(text, last, text.length());
        return out.toString();
    }
}
