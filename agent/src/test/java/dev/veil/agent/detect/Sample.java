package dev.veil.agent.detect;

/** A test text and, for a true positive, the value in it the detector must report. */
public final class Sample {
    public final String detectorId;
    public final String text;
    /** The exact value expected to be found, or null for a hard negative. */
    public final String value;

    private Sample(String detectorId, String text, String value) {
        this.detectorId = detectorId;
        this.text = text;
        this.value = value;
    }

    /** {@code template} holds {@code %s} where the value goes. */
    public static Sample positive(String detectorId, String template, String value) {
        return new Sample(detectorId, String.format(template, value), value);
    }

    public static Sample negative(String detectorId, String text) {
        return new Sample(detectorId, text, null);
    }

    public boolean isPositive() {
        return value != null;
    }

    @Override
    public String toString() {
        return (isPositive() ? "TP " : "FP ") + detectorId + ": " + (text.length() > 160 ? text.substring(0, 160) + "..." : text);
    }
}
