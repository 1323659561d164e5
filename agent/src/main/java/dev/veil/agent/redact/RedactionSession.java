package dev.veil.agent.redact;

import dev.veil.agent.detect.Finding;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import dev.veil.agent.testing.FaultInjection;
import javax.crypto.Mac;

/**
 * One request's worth of redaction: every prompt field of the request goes through {@link #scrub},
 * and the same value gets the same placeholder in all of them. Not thread-safe.
 */
public final class RedactionSession implements PromptScrubber, Replacements.Replacer {
    private final Redactor redactor;
    private final boolean rewrite;
    // created on the first finding: a request with clean prompts allocates nothing beyond the session
    private TreeMap<String, Integer> counts;
    /** value -> placeholder, so a repeated value is recognisable to the model as the same thing */
    private Map<String, String> placeholders;
    /** detector id -> last number handed out */
    private Map<String, Integer> numbers;
    private int findings;
    private Mac mac;
    /** detector id -> HMAC fingerprints of the values found, for the audit log; null unless asked for */
    private TreeMap<String, TreeSet<String>> fingerprints;
    private boolean collectFingerprints;

    /** At most this many distinct fingerprints are kept per detector (the count is always exact). */
    static final int MAX_FINGERPRINTS_PER_DETECTOR = 16;

    RedactionSession(Redactor redactor, boolean rewrite) {
        this.redactor = redactor;
        this.rewrite = rewrite;
    }

    @Override
    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (FaultInjection.ENABLED) {
            FaultInjection.engine(text);
        }
        List<Finding> found = redactor.engine().scan(text);
        if (found.isEmpty()) {
            return text;
        }
        if (counts == null) {
            counts = new TreeMap<String, Integer>();
            placeholders = new HashMap<String, String>();
            numbers = new HashMap<String, Integer>();
        }
        for (Finding f : found) {
            Integer c = counts.get(f.detectorId());
            counts.put(f.detectorId(), c == null ? 1 : c + 1);
            if (collectFingerprints) {
                fingerprint(f.detectorId(), text.substring(f.start(), f.end()));
            }
        }
        findings += found.size();
        return rewrite ? Replacements.apply(text, found, this) : text;
    }

    /**
     * Asks this session to keep an HMAC fingerprint of every value it finds (for the audit log): the same
     * HMAC-SHA-256 under the same per-process key, truncated to {@code veil.redact.hash.length} hex digits,
     * as the {@code hash} operator, so an audit line can be matched with a hashed placeholder. Never a value.
     */
    public RedactionSession collectFingerprints() {
        this.collectFingerprints = true;
        return this;
    }

    private void fingerprint(String detectorId, String value) {
        if (fingerprints == null) {
            fingerprints = new TreeMap<String, TreeSet<String>>();
        }
        TreeSet<String> set = fingerprints.get(detectorId);
        if (set == null) {
            set = new TreeSet<String>();
            fingerprints.put(detectorId, set);
        }
        if (set.size() < MAX_FINGERPRINTS_PER_DETECTOR) {
            set.add(hmac(value));
        }
    }

    private String hmac(String value) {
        if (mac == null) {
            mac = Hmac.newMac();
        }
        return Hmac.hex(mac, value, redactor.policy().hashLength);
    }

    /** Detector id -> sorted distinct HMAC fingerprints (empty unless {@link #collectFingerprints()} was called). */
    public SortedMap<String, java.util.SortedSet<String>> fingerprintsByDetector() {
        if (fingerprints == null) {
            return Collections.<String, java.util.SortedSet<String>>emptySortedMap();
        }
        return Collections.<String, java.util.SortedSet<String>>unmodifiableSortedMap(fingerprints);
    }

    public int findingCount() {
        return findings;
    }

    /** Detector id -> number of findings, over every field scrubbed so far. */
    public SortedMap<String, Integer> countsByDetector() {
        return counts == null ? Collections.<String, Integer>emptySortedMap() : Collections.unmodifiableSortedMap(counts);
    }

    @Override
    public String replacementFor(Finding f, String value) {
        OperatorPolicy policy = redactor.policy();
        switch (policy.operatorFor(f.detectorId(), f.category())) {
            case REMOVE:
                return "";
            case MASK:
                return Masks.mask(value, policy.maskKeep);
            case HASH:
                return PlaceholderFormat.hashed(f.detectorId(), hmac(value));
            default:
                return placeholderFor(f.detectorId(), value);
        }
    }

    private String placeholderFor(String detectorId, String value) {
        String existing = placeholders.get(value);
        if (existing != null) {
            return existing;
        }
        Integer last = numbers.get(detectorId);
        int n = last == null ? 1 : last + 1;
        numbers.put(detectorId, n);
        String p = PlaceholderFormat.numbered(detectorId, n);
        placeholders.put(value, p);
        return p;
    }
}
