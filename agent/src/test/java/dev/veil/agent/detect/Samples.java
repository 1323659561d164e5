package dev.veil.agent.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * True-positive and hard-negative samples for every detector, generated from a seed. Positives are
 * embedded in the kinds of text prompts carry (prose, code, JSON, config); negatives are the
 * look-alikes each detector must leave alone.
 */
public final class Samples {
    /** The detector id of negatives that no detector may touch (the false-positive traps). */
    public static final String TRAP = "trap";

    final KeyGen g;
    private final List<Sample> all = new ArrayList<Sample>();

    Samples(long seed) {
        this.g = new KeyGen(seed);
    }

    public static List<Sample> generate(long seed) {
        Samples s = new Samples(seed);
        new SecretSamples(s).addAll();
        new PiiSamples(s).addAll();
        new TrapSamples(s).addAll();
        return s.all;
    }

    void tp(Detector d, String template, String value) {
        all.add(Sample.positive(d.id(), template, value));
    }

    void fp(Detector d, String text) {
        all.add(Sample.negative(d.id(), text));
    }

    void trap(String text) {
        all.add(Sample.negative(TRAP, text));
    }
}
