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
 * What an instrumented logging call pays on the calling thread: {@code Veil.maskLog} (the call every
 * log advice makes) on a clean line (prefilter only; must return the same instance) and on a line with
 * a secret (prefilter, engine, replacement). The clean lines are typical application log messages.
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

    String[] clean;
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

    /** One clean line per call (rotating over five): the added cost of a clean event. */
    @Benchmark
    public String cleanLine() {
        String line = clean[next++ % clean.length];
        return Veil.maskLog(line);
    }

    /** The same rotation without Veil: the harness cost to subtract. */
    @Benchmark
    public String cleanLineBaseline() {
        return clean[next++ % clean.length];
    }

    @Benchmark
    public String lineWithSecret() {
        return Veil.maskLog(secret);
    }
}
