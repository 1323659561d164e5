package dev.veil.benchmarks.logs;

import dev.veil.agent.call.CallListener;
import dev.veil.agent.call.CallRecord;
import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.hooks.AgentHooks;
import dev.veil.agent.logs.LogMasker;
import dev.veil.bootstrap.Veil;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What an instrumented logging call pays on the calling thread: {@code Veil.maskLog} on a clean line of
 * unknown origin (prefilter only; must return the same instance), {@code Veil.maskFormattedLog} on a clean
 * event of a known pattern (what the Logback advice calls: a cached pattern verdict and a check of the
 * arguments) and {@code Veil.maskLog} on a line with a secret (prefilter, engine, replacement). The clean
 * lines are typical application log messages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LogMaskingBenchmark {

    static final String[] CLEAN = {
        "Started CheckoutService in 2.345 seconds (process running for 2.9)",
        "order 42 shipped to warehouse eu-west with 3 items",
        "GET /api/v1/orders/42 -> 200 in 12 ms",
        "User alice logged in from web, session count=3",
        "Cache hit ratio 0.93 over the last 5 minutes",
    };

    /** Message patterns (each the same instance on every call, as a literal is) with typical arguments. */
    static final String[] PATTERNS = {
        "order {} shipped to warehouse {} with {} items",
        "GET {} -> {} in {} ms",
        "User {} logged in from {}, session count={}",
        "Started {} in {} seconds",
        "Cache hit ratio {} over the last {} minutes",
    };
    static final Object[][] ARGUMENTS = {
        {42, "eu-west", 3}, {"/api/v1/orders/42", 200, 12L}, {"alice", "web", 3}, {"CheckoutService", "2.345"},
        {"0.93", 5},
    };

    String[] clean;
    String[] formatted;
    String secret;

    @Setup
    public void setUp() {
        installHooks();
        clean = new String[CLEAN.length];
        for (int i = 0; i < CLEAN.length; i++) {
            clean[i] = new String(CLEAN[i]);
            if (Veil.maskLog(clean[i]) != clean[i]) {
                throw new IllegalStateException("a clean line did not come back as the same instance: " + clean[i]);
            }
        }
        formatted = new String[PATTERNS.length];
        for (int i = 0; i < PATTERNS.length; i++) {
            formatted[i] = org.slf4j.helpers.MessageFormatter.arrayFormat(PATTERNS[i], ARGUMENTS[i]).getMessage();
            if (Veil.maskFormattedLog(PATTERNS[i], ARGUMENTS[i], formatted[i]) != formatted[i]) {
                throw new IllegalStateException("a clean event did not come back as the same instance: " + formatted[i]);
            }
        }
        secret = "calling the model with key " + openAiShapedKey(new Random(1)) + " for tenant 7";
        if (Veil.maskLog(secret).equals(secret)) {
            throw new IllegalStateException("the secret line was not masked");
        }
    }

    static void installHooks() {
        if (!Veil.isInstalled()) {
            VeilConfig config = VeilConfig.defaults();
            Veil.install(new AgentHooks(config, new CallListener() {
                @Override
                public void callEnded(CallRecord call) {
                }
            }, new LogMasker(config)));
        }
    }

    static String openAiShapedKey(Random random) {
        String alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("sk-proj-");
        for (int i = 0; i < 74; i++) {
            sb.append(alnum.charAt(random.nextInt(alnum.length())));
        }
        sb.append("T3Blbk").append("FJ");
        for (int i = 0; i < 74; i++) {
            sb.append(alnum.charAt(random.nextInt(alnum.length())));
        }
        return sb.toString();
    }

    int next;

    private int nextIndex() {
        int i = next + 1;
        if (i == CLEAN.length) {
            i = 0;
        }
        next = i;
        return i;
    }

    /** One clean line per call (rotating over five), a line of unknown origin: a full prefilter pass. */
    @Benchmark
    public String cleanLine() {
        return Veil.maskLog(clean[nextIndex()]);
    }

    /** The same rotation without Veil: the harness cost to subtract. */
    @Benchmark
    public String cleanLineBaseline() {
        return clean[nextIndex()];
    }

    /**
     * One clean event per call as the Logback advice hands it over (pattern, arguments, formatted line),
     * rotating over five patterns seen before: what a clean Logback event costs on the calling thread.
     */
    @Benchmark
    public String cleanEvent() {
        int i = nextIndex();
        return Veil.maskFormattedLog(PATTERNS[i], ARGUMENTS[i], formatted[i]);
    }

    @Benchmark
    public String lineWithSecret() {
        return Veil.maskLog(secret);
    }
}
