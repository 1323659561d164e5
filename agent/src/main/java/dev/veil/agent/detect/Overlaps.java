package dev.veil.agent.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resolves overlapping findings to one replacement each: the longest wins, then the most specific
 * (a checksum-verified key beats a context guess), then the earliest. O(k log k) in the number of
 * findings, so hostile text with many overlaps stays linear-ish.
 */
final class Overlaps {
    private Overlaps() {
    }

    private static final Comparator<Finding> PRIORITY = new Comparator<Finding>() {
        @Override
        public int compare(Finding a, Finding b) {
            if (a.length() != b.length()) {
                return b.length() - a.length();
            }
            if (a.specificity() != b.specificity()) {
                return b.specificity() - a.specificity();
            }
            return a.start() - b.start();
        }
    };

    /** Non-overlapping findings in text order. */
    static List<Finding> resolve(List<Finding> found) {
        if (found.size() == 1) {
            return Collections.singletonList(found.get(0));
        }
        List<Finding> byPriority = new ArrayList<Finding>(found);
        Collections.sort(byPriority, PRIORITY);
        TreeMap<Integer, Finding> kept = new TreeMap<Integer, Finding>();
        for (Finding f : byPriority) {
            Map.Entry<Integer, Finding> before = kept.floorEntry(f.start());
            if (before != null && before.getValue().end() > f.start()) {
                continue;
            }
            Map.Entry<Integer, Finding> after = kept.ceilingEntry(f.start());
            if (after != null && after.getKey() < f.end()) {
                continue;
            }
            kept.put(f.start(), f);
        }
        return Collections.unmodifiableList(new ArrayList<Finding>(kept.values()));
    }
}
