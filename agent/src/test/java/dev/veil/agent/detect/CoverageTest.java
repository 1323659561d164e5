package dev.veil.agent.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every built-in detector ships with true positives and hard negatives; ids are unique and stable-shaped. */
class CoverageTest {

    @Test
    void everyDetectorHasPositiveAndNegativeSamples() {
        List<Sample> samples = Samples.generate(DetectorSamplesTest.SEED);
        Map<String, int[]> counts = new HashMap<String, int[]>();
        for (Sample s : samples) {
            int[] c = counts.get(s.detectorId);
            if (c == null) {
                counts.put(s.detectorId, c = new int[2]);
            }
            c[s.isPositive() ? 0 : 1]++;
        }
        for (Detector d : Detector.values()) {
            int[] c = counts.get(d.id());
            assertTrue(c != null && c[0] >= 1 && c[1] >= 1, d.id() + " needs TP and FP samples");
        }
    }

    @Test
    void atLeastFortyFiveStableIds() {
        Set<String> ids = new HashSet<String>();
        for (Detector d : Detector.values()) {
            assertTrue(d.id().matches("[a-z][a-z0-9_]+"), d.id());
            ids.add(d.id());
        }
        assertEquals(Detector.values().length, ids.size());
        assertTrue(ids.size() >= 45, "detector count " + ids.size());
    }
}
