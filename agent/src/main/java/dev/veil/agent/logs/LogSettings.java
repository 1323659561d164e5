package dev.veil.agent.logs;

import dev.veil.agent.config.Setting;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Settings of log masking (the application's logs, not the agent's own). */
public final class LogSettings {
    private LogSettings() {
    }

    public static final Setting<String> MODE = Setting.choice("veil.logs.mode", "mask",
            "Secrets in the application's log output (Logback, Log4j2, Log4j 1.2/reload4j, java.util.logging, JBoss "
                    + "LogManager, System.out/err): `mask` replaces each with `[[VEIL:DETECTOR_ID]]`, `off` leaves logs alone.",
            "mask", "off");

    public static final Setting<Boolean> PII = Setting.bool("veil.logs.pii", false,
            "Whether log masking also masks personal data (e-mail addresses, phone and card numbers, ...); by default only secrets.");

    public static final List<Setting<?>> ALL = Collections.unmodifiableList(Arrays.<Setting<?>>asList(MODE, PII));
}
