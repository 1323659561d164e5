package dev.veil.agent.detect;

import com.google.re2j.Pattern;
import dev.veil.agent.config.ConfigException;
import dev.veil.agent.config.Setting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Settings of the detection engine ({@code veil.detect.*}) and of redaction ({@code veil.redact.*}). */
public final class DetectionSettings {
    private DetectionSettings() {
    }

    static final String OPERATORS = "placeholder, mask, hash, remove";

    /** One parser for this area's free-form settings (a class per setting would add to start-up). */
    private static final Setting.Parser<Object> PARSE = new Parsers();

    public static final Setting<List<String>> DISABLED = Setting.list("veil.detect.disabled",
            "Detector ids (e.g. `phone_number`) or categories (`secret`, `pii`) to switch off, comma-separated.",
            "comma-separated detector ids or categories", PARSE);

    public static final Setting<List<CustomDetector>> CUSTOM = Setting.shared("veil.detect.custom", "",
            "comma-separated id=regex or id:pii=regex",
            "Extra detectors: `id=regex` (category secret) or `id:pii=regex`, comma-separated (commas inside (), [], {}"
                    + " or written `\\,` belong to the regex). RE2 syntax, linear time; when the regex has a group, only"
                    + " group 1 is redacted. Checked at start-up.",
            PARSE);

    public static final Setting<List<String>> ALLOW = Setting.list("veil.detect.allow",
            "Exact values never redacted, comma-separated (e.g. `support@example.com`).",
            "comma-separated values", null);

    public static final Setting<List<Pattern>> ALLOW_PATTERNS = Setting.shared("veil.detect.allow-patterns", "",
            "comma-separated RE2 regexes",
            "Regexes (RE2 syntax) a finding's whole value may match to be left alone, e.g. `.*@example\\.com`.",
            PARSE);

    public static final Setting<String> OPERATOR = Setting.choice("veil.redact.operator", "placeholder",
            "How a finding is replaced in a prompt: `placeholder` (typed, numbered, e.g. `[[VEIL:EMAIL_ADDRESS_1]]`),"
                    + " `mask` (keeps the last characters), `hash` (HMAC-SHA-256, per-process key), `remove`.",
            "placeholder", "mask", "hash", "remove");

    public static final Setting<String> OPERATOR_SECRET = Setting.choice("veil.redact.operator.secret", "inherit",
            "Operator for secrets; `inherit` uses `veil.redact.operator`.",
            "inherit", "placeholder", "mask", "hash", "remove");

    public static final Setting<String> OPERATOR_PII = Setting.choice("veil.redact.operator.pii", "inherit",
            "Operator for personal data; `inherit` uses `veil.redact.operator`.",
            "inherit", "placeholder", "mask", "hash", "remove");

    public static final Setting<List<String>> OPERATOR_BY_DETECTOR = Setting.list("veil.redact.operator.detectors",
            "Per-detector operators as `id=operator`, comma-separated (e.g. `email_address=mask`); wins over the category.",
            "comma-separated id=operator", PARSE);

    public static final Setting<Long> MASK_KEEP = Setting.number("veil.redact.mask.keep", 4, 0, 8,
            "How many trailing characters the `mask` operator keeps (values shorter than 3x this keep none).");

    public static final Setting<Long> HASH_LENGTH = Setting.number("veil.redact.hash.length", 12, 8, 64,
            "Hex characters of the HMAC-SHA-256 the `hash` operator keeps.");

    public static final List<Setting<?>> ALL = Collections.unmodifiableList(Arrays.<Setting<?>>asList(
            DISABLED, CUSTOM, ALLOW, ALLOW_PATTERNS, OPERATOR, OPERATOR_SECRET, OPERATOR_PII, OPERATOR_BY_DETECTOR,
            MASK_KEEP, HASH_LENGTH));

    /** Parses {@link #CUSTOM} and {@link #ALLOW_PATTERNS}, and checks the items of {@link #DISABLED} and {@link #OPERATOR_BY_DETECTOR}. */
    private static final class Parsers implements Setting.Parser<Object> {
        @Override
        public Object parse(String key, String raw) {
            if (key.equals("veil.detect.disabled")) {
                String v = raw.trim();
                if (Detector.byId(v) == null && Category.byId(v) == null) {
                    throw ConfigException.invalid(raw, key, "expected a detector id from docs/DETECTORS.md or secret, pii");
                }
                return v;
            }
            if (key.equals("veil.redact.operator.detectors")) {
                int eq = raw.indexOf('=');
                String op = eq < 0 ? "" : raw.substring(eq + 1).trim();
                if (eq <= 0 || !Arrays.asList("placeholder", "mask", "hash", "remove").contains(op)) {
                    throw ConfigException.invalid(raw, key, "expected id=operator with operator one of: " + OPERATORS);
                }
                return raw.substring(0, eq).trim() + "=" + op;
            }
            if (key.equals("veil.detect.custom")) {
                List<CustomDetector> out = new ArrayList<CustomDetector>();
                List<String> ids = new ArrayList<String>();
                for (String entry : PatternList.split(raw)) {
                    CustomDetector d = CustomDetector.parse(key, entry);
                    if (ids.contains(d.id())) {
                        throw ConfigException.invalid(d.id(), key, "custom detector id defined twice");
                    }
                    ids.add(d.id());
                    out.add(d);
                }
                return Collections.unmodifiableList(out);
            }
            if (key.equals("veil.detect.allow-patterns")) {
                List<Pattern> out = new ArrayList<Pattern>();
                for (String regex : PatternList.split(raw)) {
                    out.add(CustomDetector.compile(key, regex));
                }
                return Collections.unmodifiableList(out);
            }
            throw new IllegalArgumentException("no parser for " + key);
        }
    }
}
