package dev.veil.agent.llm;

import dev.veil.agent.redact.PromptScrubber;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test stand-in for the detection engine: replaces planted markers ({@code CANARY-<hex>} must go,
 * {@code KEEPME-<hex>} sits in fields the rewriter must never hand over) with {@code [REDACTED]}, and
 * records every string it was asked about.
 */
final class CanaryScrubber implements PromptScrubber {
    static final Pattern MARKER = Pattern.compile("(CANARY|KEEPME)-[0-9a-f]{12}");
    static final String PLACEHOLDER = "[REDACTED]";

    final List<String> seen = new ArrayList<String>();

    @Override
    public String scrub(String text) {
        seen.add(text);
        Matcher m = MARKER.matcher(text);
        return m.find() ? m.replaceAll(PLACEHOLDER) : text;
    }
}
