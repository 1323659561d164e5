package dev.veil.agent.detect;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A prompt is attacker-controlled: 1 MB runs of near-misses aimed at every scanner must finish in
 * linear time. The bound is deliberately generous: at least 5 s, or 50 times the time to scan 1 MB of
 * ordinary text on this machine right now (so a loaded build machine does not fail the test). A
 * backtracking or quadratic scan of these inputs takes thousands of times longer; a linear one takes
 * milliseconds. It proves completion, not speed.
 */
class AdversarialInputTest {
    private static final int SIZE = 1 << 20;
    private static Duration bound;
    private final Engine engine = Engine.defaults();

    @BeforeAll
    static void measureBaseline() {
        StringBuilder sb = new StringBuilder(SIZE);
        for (Sample s : Samples.generate(1)) {
            if (s.detectorId.equals(Samples.TRAP)) {
                sb.append(s.text).append('\n');
            }
        }
        String ordinary = repeat(sb.toString());
        Engine e = Engine.defaults();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            e.scan(ordinary);
            best = Math.min(best, System.nanoTime() - t0);
        }
        bound = Duration.ofNanos(Math.max(TimeUnit.SECONDS.toNanos(5), 50 * best));
    }

    private static String repeat(String unit) {
        StringBuilder sb = new StringBuilder(SIZE + unit.length());
        while (sb.length() < SIZE) {
            sb.append(unit);
        }
        return sb.toString();
    }

    private static String[] hostileInputs() {
        KeyGen g = new KeyGen(99);
        return new String[] {
            repeat("sk-"), repeat("sk-proj-"), repeat("sk-ant-api03-"), repeat("ghp_"), repeat("AKIA"), repeat("xoxb-"),
            repeat("a@"), repeat("a@a."), repeat("@a.b"), repeat("a."), repeat(".a@b"),
            repeat("1"), repeat("1 "), repeat("1-"), repeat("1."), repeat("(1) "), repeat("+1 "), repeat("4111 "),
            repeat("-----BEGIN "), repeat("-----BEGIN RSA PRIVATE KEY-----"), repeat("-----BEGIN RSA PRIVATE KEY-----\nAAAA"),
            repeat("-"), repeat("eyJ"), repeat("eyJhbGciOiJIUzI1NiJ9."), repeat("eyJ."),
            repeat(":"), repeat("::"), repeat("a:"), repeat("ff:"), repeat("1:2:"), repeat("00:11:22:33:44:5"),
            repeat("://"), repeat("http://a:b"), repeat("http://a:"), repeat("https://hooks.slack.com/services/"),
            repeat("="), repeat("password="), repeat("password: "), repeat("api_key=\""), repeat("token:'"),
            repeat("Bearer "), repeat("Basic "), repeat("Bearer a"), repeat("DE89 "), repeat("DE89"),
            repeat("0x"), repeat("bc1"), repeat("1A"), repeat("abc8Q~"), repeat("Q~"),
            repeat("a/"), repeat("A+"), repeat("aws "), repeat("cohere "), repeat(g.alnum(40) + " "), repeat(g.hex(32) + " azure "),
            repeat("x"), repeat(" "), repeat("\u00e9\u4e2d"), repeat("${"), repeat("aaaaaaaaaaaaaaaaaaaa"),
        };
    }

    @TestFactory
    List<DynamicTest> everyHostileInputCompletes() {
        List<DynamicTest> tests = new ArrayList<DynamicTest>();
        for (final String input : hostileInputs()) {
            String name = input.substring(0, Math.min(24, input.length())).replace("\n", "\\n") + "... (1 MB)";
            tests.add(DynamicTest.dynamicTest(name, () -> {
                List<Finding> found = assertTimeoutPreemptively(bound, () -> engine.scan(input));
                // findings never overlap and stay inside the text, whatever the input
                int last = 0;
                for (Finding f : found) {
                    assertTrue(f.start() >= last && f.end() > f.start() && f.end() <= input.length(), f.toString());
                    last = f.end();
                }
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> customPatternsAreLinearToo() {
        final Engine custom = Engine.fromConfig(dev.veil.agent.config.VeilConfig.of(java.util.Collections.singletonMap(
                "veil.detect.custom", "evil=(a+)+b, nested=(x|x|xx)*y")));
        List<DynamicTest> tests = new ArrayList<DynamicTest>();
        for (final String input : new String[] {repeat("a"), repeat("x")}) {
            tests.add(DynamicTest.dynamicTest("catastrophic-backtracking pattern on " + input.charAt(0) + "*",
                    () -> assertTimeoutPreemptively(bound, () -> custom.scan(input))));
        }
        return tests;
    }
}
