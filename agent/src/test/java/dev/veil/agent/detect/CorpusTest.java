package dev.veil.agent.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Corpus-level quality: every sample of many seeds, embedded between paragraphs of ordinary prompt text
 * (prose, code, JSON, numbers), scanned as one document. Prints precision and recall per category.
 */
class CorpusTest {
    private static final String[] FILLER = {
        "The quarterly report shows revenue grew 12.5% to $4.2 million in Q3 2024, ahead of plan.",
        "Run `mvn -B -q package` and check target/classes for the compiled output before you deploy.",
        "{\"id\": 1234, \"status\": \"ok\", \"items\": [1, 2, 3], \"version\": \"2.1.0\", \"ratio\": 0.75}",
        "def handler(event, context):\n    return {'statusCode': 200, 'body': json.dumps(event)}",
        "The meeting moved to 14:30 on 2024-11-22 in room B-204; bring the Q4 roadmap slides.",
        "Can you summarise this thread in three bullet points and suggest a reply to the customer?",
        "for (int i = 0; i < items.size(); i++) { total += items.get(i).price() * 1.2; }",
        "Our SLA is 99.95% uptime, measured monthly; credits apply below 99.0%.",
        "Translate into French: the delivery window is 9am-5pm, Monday to Friday.",
        "SELECT customer_id, SUM(amount) FROM orders WHERE created_at > '2024-01-01' GROUP BY 1;",
        "docker run -p 8080:8080 -e JAVA_OPTS=-Xmx512m registry.local/app:1.4.2",
        "Error at line 42: NullPointerException in OrderService.process(OrderService.java:118)",
        "The patient should take 2 tablets every 8 hours for 5 days, then review.",
        "Version 3.11.4 fixed the memory leak reported in issue #4521 (see PR 4533).",
        "kubectl get pods -n payments --selector=app=checkout -o wide",
    };

    private static final class Stats {
        int tp;
        int fp;
        int fn;
        int wrongId;

        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }
    }

    private static String filler(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 2 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(FILLER[r.nextInt(FILLER.length)]).append(i % 2 == 0 ? " " : "\n");
        }
        return sb.toString();
    }

    @Test
    void precisionAndRecallPerCategory() {
        Engine engine = Engine.defaults();
        Stats[] stats = {new Stats(), new Stats()};
        for (long seed = 1; seed <= 30; seed++) {
            Random r = new Random(seed);
            for (Sample sample : Samples.generate(seed * 7919)) {
                String before = filler(r) + "\n";
                String doc = before + sample.text + "\n" + filler(r);
                int valueAt = sample.isPositive() ? before.length() + sample.text.indexOf(sample.value) : -1;
                Category expected = sample.isPositive() ? Detector.byId(sample.detectorId).category() : null;
                boolean matched = false;
                for (Finding f : engine.scan(doc)) {
                    Stats st = stats[f.category().ordinal()];
                    if (f.start() == valueAt && f.end() == valueAt + sample.value.length() && f.category() == expected) {
                        st.tp++;
                        if (!f.detectorId().equals(sample.detectorId)) {
                            st.wrongId++;
                            System.out.println("corpus other id " + f.detectorId() + " for " + sample);
                        }
                        matched = true;
                    } else {
                        st.fp++;
                        System.out.println("corpus FP " + f.detectorId() + " '" + doc.substring(f.start(), f.end()) + "' in " + sample);
                    }
                }
                if (sample.isPositive() && !matched) {
                    stats[expected.ordinal()].fn++;
                    System.out.println("corpus FN " + sample);
                }
            }
        }
        for (Category c : Category.values()) {
            Stats st = stats[c.ordinal()];
            System.out.printf("corpus %-6s precision %.3f recall %.3f (tp %d, fp %d, fn %d, right category but other id %d)%n",
                    c.id(), st.precision(), st.recall(), st.tp, st.fp, st.fn, st.wrongId);
            assertTrue(st.precision() >= 0.98 && st.recall() >= 0.98, c.id() + " below 0.98");
        }
    }
}
