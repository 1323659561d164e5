package dev.veil.benchmarks.wire;

import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.llm.EndpointMatch;
import dev.veil.agent.llm.EndpointRegistry;
import dev.veil.agent.llm.RequestRewriter;
import dev.veil.agent.llm.RewriteResult;
import dev.veil.agent.redact.PromptScrubber;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Request rewrite of an ~8 KiB OpenAI chat body. MB/s = ops/s x bodyBytes / 1e6 (bodyBytes is printed
 * at setup). The scrubber is a stand-in that only looks for a marker, so the figure is the wire layer's
 * own cost (walk, decode prompt strings, splice), not the detection engine's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RequestRewriteBenchmark {
    /** clean: nothing found, original array returned; secret: one string replaced and the body spliced. */
    @Param({"clean", "secret"})
    public String body;

    @Param({"8192"})
    public int size;

    private EndpointMatch match;
    private byte[] bytes;
    private final PromptScrubber scrubber = new PromptScrubber() {
        @Override
        public String scrub(String text) {
            int i = text.indexOf("CANARY-");
            return i < 0 ? text : text.substring(0, i) + "[REDACTED]";
        }
    };

    @Setup
    public void setUp() {
        match = EndpointRegistry.fromConfig(VeilConfig.defaults()).match("POST", "https", "api.openai.com", -1,
                "/v1/chat/completions", null);
        bytes = Payloads.chatRequest(size, body.equals("secret") ? "CANARY-0123456789ab" : null);
        System.out.println("\nbodyBytes=" + bytes.length);
    }

    @Benchmark
    public RewriteResult rewrite() {
        return RequestRewriter.rewrite(match, bytes, null, scrubber);
    }
}
