package dev.veil.agent.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The agent's own settings. Other areas (detection, wire formats, telemetry) keep theirs beside their code. */
public final class CoreSettings {
    private CoreSettings() {
    }

    public static final Setting<Boolean> ENABLED = Setting.bool("veil.enabled", true,
            "Master switch. `false` leaves the JVM untouched: nothing is instrumented.");

    public static final Setting<String> CONFIG_FILE = Setting.text("veil.config", "", "a path to a .properties file",
            "Optional properties file with `veil.*` keys. Precedence: system property > environment > file > default.");

    public static final Setting<String> PROMPT_MODE = Setting.choice("veil.prompt.mode", "redact",
            "What happens to a prompt that holds secrets or PII: `redact` replaces them with placeholders, "
                    + "`block` fails the call (nothing is sent), `audit` sends it unchanged and logs detector ids, `off` does nothing.",
            "redact", "block", "audit", "off");

    public static final Setting<String> FAILURE = Setting.choice("veil.failure", "closed",
            "When Veil cannot inspect or redact a prompt: `closed` fails the call with `veil: …` (nothing is sent), "
                    + "`open` sends it unchanged and records the failure in the agent log.",
            "closed", "open");

    public static final Setting<Long> PROMPT_MAX_BYTES = Setting.bytes("veil.prompt.max-bytes", "8MiB",
            "Largest request body Veil inspects; a larger LLM request follows `veil.failure`.");

    public static final Setting<List<String>> LLM_HOSTS = Setting.list("veil.llm.hosts",
            "Extra hosts treated as LLM endpoints, as `host` or `host:port`, comma-separated (e.g. `llm.internal:8443`).",
            "comma-separated host or host:port", new HostPort());

    public static final Setting<String> LOG_LEVEL = Setting.choice("veil.log.level", "info",
            "Level of the agent's own log on stderr (prefix `[veil]`). It never contains prompt text or secrets.",
            "off", "error", "warn", "info", "debug");

    public static final List<Setting<?>> ALL = Collections.unmodifiableList(Arrays.<Setting<?>>asList(
            ENABLED, CONFIG_FILE, PROMPT_MODE, FAILURE, PROMPT_MAX_BYTES, LLM_HOSTS, LOG_LEVEL));

    /** Validates {@code host} or {@code host:port} (IPv6 in brackets) and lower-cases it. */
    static final class HostPort implements Setting.Parser<String> {
        @Override
        public String parse(String key, String item) {
            return check(key, item);
        }

        static String check(String key, String item) {
            String v = item.toLowerCase(Locale.ROOT);
            String host = v;
            int colon = v.lastIndexOf(':');
            if (v.startsWith("[")) {
                int close = v.indexOf(']');
                if (close < 0) {
                    throw ConfigException.invalid(item, key, "expected host or host:port");
                }
                colon = v.indexOf(':', close);
                host = v.substring(0, close + 1);
            } else if (colon >= 0) {
                host = v.substring(0, colon);
            }
            if (colon >= 0) {
                String port = v.substring(colon + 1);
                try {
                    int p = Integer.parseInt(port);
                    if (p < 1 || p > 65535) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw ConfigException.invalid(item, key, "expected host or host:port with a port from 1 to 65535");
                }
            }
            if (host.isEmpty() || host.contains("/") || host.contains(" ") || host.contains("@")) {
                throw ConfigException.invalid(item, key, "expected host or host:port");
            }
            return v;
        }
    }
}
