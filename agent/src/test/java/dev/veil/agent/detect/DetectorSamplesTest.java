package dev.veil.agent.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** gitleaks' discipline: every true positive must be found exactly, every hard negative left alone. */
class DetectorSamplesTest {
    static final long SEED = 20261122L;
    private final Engine engine = Engine.defaults();

    @TestFactory
    List<DynamicTest> everySample() {
        List<DynamicTest> tests = new ArrayList<DynamicTest>();
        for (final Sample sample : Samples.generate(SEED)) {
            tests.add(DynamicTest.dynamicTest(sample.toString(), () -> check(sample)));
        }
        return tests;
    }

    private void check(Sample sample) {
        List<Finding> found = engine.scan(sample.text);
        if (!sample.isPositive()) {
            assertEquals(0, found.size(), () -> "false positive " + describe(sample.text, found));
            return;
        }
        int at = sample.text.indexOf(sample.value);
        for (Finding f : found) {
            if (f.start() == at && f.end() == at + sample.value.length()) {
                assertEquals(sample.detectorId, f.detectorId(), () -> "wrong detector " + describe(sample.text, found));
                return;
            }
        }
        fail("missed " + sample.value + "; found " + describe(sample.text, found));
    }

    static String describe(String text, List<Finding> found) {
        StringBuilder sb = new StringBuilder("[");
        for (Finding f : found) {
            sb.append(f.detectorId()).append("='").append(text, f.start(), f.end()).append("' ");
        }
        return sb.append(']').toString();
    }

    @TestFactory
    List<DynamicTest> samplesAreDistinctFromSeedToSeed() {
        List<DynamicTest> tests = new ArrayList<DynamicTest>();
        tests.add(DynamicTest.dynamicTest("another seed finds the same detectors", () -> {
            for (Sample sample : Samples.generate(SEED + 1)) {
                if (sample.isPositive()) {
                    boolean hit = false;
                    for (Finding f : engine.scan(sample.text)) {
                        hit |= f.detectorId().equals(sample.detectorId);
                    }
                    assertTrue(hit, () -> "missed with seed+1: " + sample);
                }
            }
        }));
        return tests;
    }
}
