package dev.veil.agent.detect;

/**
 * One detected value: the half-open range {@code [start, end)} of the scanned text, the stable id of
 * the detector that found it and its category. Immutable.
 */
public final class Finding {
    private final int start;
    private final int end;
    private final String detectorId;
    private final Category category;
    /** Higher wins when two findings of the same length overlap (checksum beats context guess). */
    private final int specificity;
    /** The built-in detector, or null for a custom one. */
    private final Detector detector;

    public Finding(int start, int end, String detectorId, Category category, int specificity) {
        this(start, end, detectorId, category, specificity, null);
    }

    private Finding(int start, int end, String detectorId, Category category, int specificity, Detector detector) {
        this.start = start;
        this.end = end;
        this.detectorId = detectorId;
        this.category = category;
        this.specificity = specificity;
        this.detector = detector;
    }

    static Finding of(int start, int end, Detector detector) {
        return new Finding(start, end, detector.id(), detector.category(), detector.specificity(), detector);
    }

    Detector detector() {
        return detector;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public int length() {
        return end - start;
    }

    public String detectorId() {
        return detectorId;
    }

    public Category category() {
        return category;
    }

    public int specificity() {
        return specificity;
    }

    @Override
    public String toString() {
        return detectorId + "[" + start + "," + end + ")";
    }
}
