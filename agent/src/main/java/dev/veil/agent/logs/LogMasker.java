package dev.veil.agent.logs;

import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.detect.DetectionSettings;
import dev.veil.agent.redact.Redactor;

/**
 * Masks secrets (and, with {@code veil.logs.pii}, personal data) in log text. A clean line costs one
 * {@link SecretPrefilter} pass and comes back as the same instance; only a suspicious line reaches the
 * detection engine, which is built on first need (a JVM whose logs never look suspicious never loads it).
 * Wire-log events (Apache HttpClient) are also masked across event boundaries ({@link WireLogCarry}).
 * Thread-safe.
 */
public final class LogMasker implements MaskingOutputStream.LineMasker {

    private final VeilConfig config;
    private final boolean enabled;
    private final boolean pii;
    /** With PII or custom detectors the prefilter's guarantee does not hold: every line goes to the engine. */
    private final boolean prefilter;
    private volatile Redactor redactor;
    private final WireLogCarry wire = new WireLogCarry();
    private final LogTemplates templates = new LogTemplates();

    public LogMasker(VeilConfig config) {
        this.config = config;
        this.enabled = "mask".equals(config.get(LogSettings.MODE));
        this.pii = config.get(LogSettings.PII);
        this.prefilter = !pii && config.get(DetectionSettings.CUSTOM).isEmpty();
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The text with secrets replaced by {@code [[VEIL:DETECTOR_ID]]}; the same instance when clean. If the
     * engine fails, every secret-shaped token is masked ({@link FallbackMask}): never the raw text.
     */
    @Override
    public String mask(String text) {
        if (!enabled || text == null || text.isEmpty()) {
            return text;
        }
        int wireContent = WireLogCarry.contentStart(text);
        if (wireContent < 0 && prefilter && !SecretPrefilter.mayHoldSecret(text)) {
            return text;
        }
        try {
            return wireContent < 0 ? redactor().maskLog(text, pii) : wire.mask(text, wireContent, redactor(), pii);
        } catch (Throwable t) {
            return FallbackMask.mask(text);
        }
    }

    /**
     * {@link #mask}{@code (formatted)} for a message a framework rendered from an SLF4J-style pattern
     * ({@code {}} placeholders) and its arguments: a clean event whose pattern was seen before costs a
     * look-up and a check of its arguments ({@link LogTemplates}) instead of a scan of the whole line.
     */
    public String maskFormatted(String pattern, Object[] args, String formatted) {
        if (!enabled || formatted == null || formatted.isEmpty()) {
            return formatted;
        }
        if (prefilter && templates.clean(pattern, args, formatted)) {
            return formatted;
        }
        return mask(formatted);
    }

    /** {@link #mask} for a message pattern (usually the same instance on every call): its verdict is cached. */
    public String maskPattern(String pattern) {
        if (!enabled || pattern == null || pattern.isEmpty()) {
            return pattern;
        }
        if (prefilter && templates.patternClean(pattern)) {
            return pattern;
        }
        return mask(pattern);
    }

    /** False only when {@link #mask} would return the text unchanged. */
    @Override
    public boolean mayHoldSecret(CharSequence text) {
        return enabled && text != null && text.length() > 0
                && (!prefilter || wireShaped(text) || SecretPrefilter.mayHoldSecret(text));
    }

    /** Ends in a quote: may be a wire-log event ({@link WireLogCarry}), which is never skipped. */
    private static boolean wireShaped(CharSequence text) {
        return text.charAt(text.length() - 1) == '"';
    }

    /** The one redactor of the agent (prompts and logs share the engine), built on first use. */
    public Redactor redactor() {
        Redactor r = redactor;
        if (r == null) {
            synchronized (this) {
                r = redactor;
                if (r == null) {
                    r = Redactor.fromConfig(config);
                    redactor = r;
                }
            }
        }
        return r;
    }
}
