package dev.veil.agent.redact;

import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.detect.DetectionSettings;
import dev.veil.agent.detect.Engine;
import dev.veil.agent.detect.Finding;
import java.util.List;

/**
 * The entry point of detection and redaction: builds the engine and the operator policy from the
 * configuration once, then hands out per-request sessions and masks log lines. Immutable and
 * thread-safe; holds no global mutable state.
 */
public final class Redactor {
    private final Engine engine;
    private final OperatorPolicy policy;
    private final boolean logPii;

    private Redactor(Engine engine, OperatorPolicy policy, boolean logPii) {
        this.engine = engine;
        this.policy = policy;
        this.logPii = logPii;
    }

    public static Redactor fromConfig(VeilConfig config) {
        return new Redactor(Engine.fromConfig(config), OperatorPolicy.fromConfig(config),
                config.get(dev.veil.agent.logs.LogSettings.PII));
    }

    /** One per HTTP request; {@code rewrite=false} only counts findings (audit and block modes). */
    public RedactionSession newSession(boolean rewrite) {
        return new RedactionSession(this, rewrite);
    }

    /** Masks secrets (and personal data when {@code veil.logs.pii} is true); the same instance when clean. */
    public String maskLog(String line) {
        return maskLog(line, logPii);
    }

    /** Replaces each finding with {@code [[VEIL:DETECTOR_ID]]}; the same instance when nothing is found. */
    public String maskLog(String line, boolean includePii) {
        if (line == null || line.isEmpty()) {
            return line;
        }
        List<Finding> found = engine.scan(line, true, includePii);
        if (found.isEmpty()) {
            return line;
        }
        return Replacements.apply(line, found, LOG_REPLACER);
    }

    private static final Replacements.Replacer LOG_REPLACER = new Replacements.Replacer() {
        @Override
        public String replacementFor(Finding f, String value) {
            return PlaceholderFormat.forLog(f.detectorId());
        }
    };

    /** The placeholder log masking writes for a detector id ({@code [[VEIL:ID]]}). */
    public static String logPlaceholder(String detectorId) {
        return PlaceholderFormat.forLog(detectorId);
    }

    /** The engine, for callers that only need findings. */
    public Engine engine() {
        return engine;
    }

    OperatorPolicy policy() {
        return policy;
    }
}
