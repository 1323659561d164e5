package dev.veil.agent.redact;

import java.util.Locale;

/** What replaces a finding in a prompt. */
public enum Operator {
    /** A typed, numbered placeholder such as {@code [[VEIL:EMAIL_ADDRESS_1]]}; same value, same placeholder. */
    PLACEHOLDER,
    /** Asterisks with the last few characters kept, e.g. {@code ************3f9a}. */
    MASK,
    /** A typed, truncated HMAC-SHA-256 with a per-process key, e.g. {@code [[VEIL:EMAIL_ADDRESS#5d41402abc4b]]}. */
    HASH,
    /** Nothing: the value is deleted. */
    REMOVE;

    public static Operator byName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
