package dev.veil.benchmarks.wire;

import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.llm.EndpointMatch;
import dev.veil.agent.llm.EndpointRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The hot path every outbound request of the application takes: {@link EndpointRegistry#match}. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EndpointMatchBenchmark {
    private EndpointRegistry registry;
    private String host;
    private String path;

    @Setup
    public void setUp() {
        registry = EndpointRegistry.fromConfig(VeilConfig.defaults());
        // Fresh strings, as a URL parser would hand them over (no cached hash codes).
        host = new String("payments.internal.example.com".toCharArray());
        path = new String("/api/v2/customers/1234/invoices".toCharArray());
    }

    @Benchmark
    public EndpointMatch nonLlmPost() {
        return registry.match("POST", "https", host, 8443, path, "expand=lines");
    }

    @Benchmark
    public EndpointMatch nonLlmGet() {
        return registry.match("GET", "https", host, 8443, path, null);
    }

    @Benchmark
    public EndpointMatch openAiChat() {
        return registry.match("POST", "https", "api.openai.com", -1, "/v1/chat/completions", null);
    }
}
