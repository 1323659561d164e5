package dev.veil.agent.config;

import dev.veil.agent.detect.DetectionSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every known key, in README order. Each area of the agent declares its settings in its own holder
 * class and is listed here once.
 */
public final class SettingsCatalog {
    private SettingsCatalog() {
    }

    public static final List<Setting<?>> ALL;
    private static final Map<String, Setting<?>> BY_KEY;

    static {
        List<Setting<?>> all = new ArrayList<Setting<?>>();
        all.addAll(CoreSettings.ALL);
        all.addAll(DetectionSettings.ALL);
        all.addAll(dev.veil.agent.llm.LlmSettings.ALL);
        all.addAll(dev.veil.agent.audit.AuditSettings.ALL);
        ALL = Collections.unmodifiableList(all);
        Map<String, Setting<?>> byKey = new LinkedHashMap<String, Setting<?>>();
        for (Setting<?> s : ALL) {
            if (byKey.put(s.key(), s) != null) {
                throw new IllegalStateException("duplicate setting " + s.key());
            }
        }
        BY_KEY = Collections.unmodifiableMap(byKey);
    }

    public static Setting<?> find(String key) {
        return BY_KEY.get(key);
    }

    /** The known key closest to {@code key} (edit distance), for "did you mean" warnings. */
    public static String closest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : BY_KEY.keySet()) {
            int d = distance(key, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
