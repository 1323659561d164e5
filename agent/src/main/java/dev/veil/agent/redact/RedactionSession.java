package dev.veil.agent.redact;

import dev.veil.agent.detect.Finding;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
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

    RedactionSession(Redactor redactor, boolean rewrite) {
        this.redactor = redactor;
        this.rewrite = rewrite;
    }

    @Override
    public String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
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
        }
        findings += found.size();
        return rewrite ? Replacements.apply(text, found, this) : text;
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
                if (mac == null) {
                    mac = Hmac.newMac();
                }
                return PlaceholderFormat.hashed(f.detectorId(), Hmac.hex(mac, value, policy.hashLength));
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
