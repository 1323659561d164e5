package dev.veil.agent.redact;

import java.util.Locale;

/**
 * The text that stands in for a finding. {@code [[VEIL:LABEL_n]]}: double brackets and the
 * {@code VEIL:} namespace make it unlikely in user text, the label (the detector id in upper case)
 * tells the model what kind of value was there, and the number keeps distinct values distinct.
 */
final class PlaceholderFormat {
    private PlaceholderFormat() {
    }

    static final String OPEN = "[[VEIL:";
    static final String CLOSE = "]]";

    static String label(String detectorId) {
        return detectorId.toUpperCase(Locale.ROOT);
    }

    static String numbered(String detectorId, int n) {
        return OPEN + label(detectorId) + "_" + n + CLOSE;
    }

    /** The log form: keeps the detector id, drops the value and any numbering. */
    static String forLog(String detectorId) {
        return OPEN + label(detectorId) + CLOSE;
    }

    static String hashed(String detectorId, String hex) {
        return OPEN + label(detectorId) + "#" + hex + CLOSE;
    }
}
