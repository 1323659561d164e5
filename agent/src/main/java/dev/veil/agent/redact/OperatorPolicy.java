package dev.veil.agent.redact;

import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.detect.Category;
import dev.veil.agent.detect.DetectionSettings;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which operator applies to a finding: per detector, else per category, else the default. Immutable. */
final class OperatorPolicy {
    private final Operator forSecrets;
    private final Operator forPii;
    private final Map<String, Operator> byDetector;
    final int maskKeep;
    final int hashLength;

    OperatorPolicy(Operator forSecrets, Operator forPii, Map<String, Operator> byDetector, int maskKeep, int hashLength) {
        this.forSecrets = forSecrets;
        this.forPii = forPii;
        this.byDetector = byDetector;
        this.maskKeep = maskKeep;
        this.hashLength = hashLength;
    }

    static OperatorPolicy fromConfig(VeilConfig config) {
        Operator base = Operator.byName(config.get(DetectionSettings.OPERATOR));
        String secret = config.get(DetectionSettings.OPERATOR_SECRET);
        String pii = config.get(DetectionSettings.OPERATOR_PII);
        Map<String, Operator> byDetector = new HashMap<String, Operator>();
        List<String> entries = config.get(DetectionSettings.OPERATOR_BY_DETECTOR);
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            byDetector.put(entry.substring(0, eq), Operator.byName(entry.substring(eq + 1)));
        }
        return new OperatorPolicy(secret.equals("inherit") ? base : Operator.byName(secret),
                pii.equals("inherit") ? base : Operator.byName(pii), Collections.unmodifiableMap(byDetector),
                config.get(DetectionSettings.MASK_KEEP).intValue(), config.get(DetectionSettings.HASH_LENGTH).intValue());
    }

    Operator operatorFor(String detectorId, Category category) {
        Operator op = byDetector.isEmpty() ? null : byDetector.get(detectorId);
        if (op != null) {
            return op;
        }
        return category == Category.SECRET ? forSecrets : forPii;
    }
}
