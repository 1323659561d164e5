package dev.veil.agent.audit;

import dev.veil.agent.config.ConfigException;
import dev.veil.agent.config.Setting;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Settings of the audit log: one JSON line per LLM call, never a prompt or a detected value. */
public final class AuditSettings {
    private AuditSettings() {
    }

    public static final Setting<String> FILE = Setting.of("veil.audit.file", "", "a file path",
            "Audit log: one JSON line per LLM call (time, host, provider, model, action, detector ids and counts, "
                    + "HMAC fingerprints of the values, Veil's own failure, status, trace id; never a prompt or a detected "
                    + "value). Created with mode 600. Off when empty.", new Setting.Parser<String>() {
                @Override
                public String parse(String key, String raw) {
                    String path = raw.trim();
                    try {
                        java.nio.file.Paths.get(path);
                    } catch (RuntimeException e) {
                        throw ConfigException.invalid(raw, key, "not a file path: " + e.getClass().getSimpleName());
                    }
                    return path;
                }
            });

    public static final Setting<Long> MAX_BYTES = Setting.bytes("veil.audit.max-bytes", "10MiB",
            "Size at which the audit log is rotated (`file` → `file.1` → … ).");

    public static final Setting<Long> KEEP = Setting.number("veil.audit.keep", 5, 0, 100,
            "How many rotated audit files are kept besides the current one.");

    public static final List<Setting<?>> ALL = Collections.unmodifiableList(Arrays.<Setting<?>>asList(FILE, MAX_BYTES, KEEP));
}
