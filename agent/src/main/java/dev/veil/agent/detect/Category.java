package dev.veil.agent.detect;

import java.util.Locale;

/** What a finding is: a credential ({@code secret}) or personal data ({@code pii}). */
public enum Category {
    SECRET, PII;

    /** The lower-case name used in configuration and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category named {@code id}, or null. */
    public static Category byId(String id) {
        for (Category c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }
}
