package dev.veil.benchmarks.wire;

import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.llm.EndpointMatch;
import dev.veil.agent.llm.EndpointRegistry;
import dev.veil.agent.llm.ResponseInfo;
import dev.veil.agent.llm.ResponseParser;
import dev.veil.agent.llm.ResponseParsers;
import dev.veil.agent.llm.stream.OpenAiUsageStripper;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Response parsing of a 256 KiB body fed in chunks as an application reads it. MB/s = ops/s x 0.262144.
 * Output text capture is off (the default); {@code capture} measures it on.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StreamParseBenchmark {
    static final int SIZE = 256 * 1024;

    @Param({"openai-sse", "anthropic-sse", "bedrock-eventstream", "embeddings-json"})
    public String format;

    @Param({"8192"})
    public int chunk;

    private EndpointMatch match;
    private String contentType;
    private byte[] body;

    @Setup
    public void setUp() {
        EndpointRegistry registry = EndpointRegistry.fromConfig(VeilConfig.defaults());
        switch (format) {
            case "openai-sse":
                match = registry.match("POST", "https", "api.openai.com", -1, "/v1/chat/completions", null);
                contentType = "text/event-stream";
                body = Payloads.openAiStream(SIZE);
                break;
            case "anthropic-sse":
                match = registry.match("POST", "https", "api.anthropic.com", -1, "/v1/messages", null);
                contentType = "text/event-stream";
                body = Payloads.anthropicStream(SIZE);
                break;
            case "bedrock-eventstream":
                match = registry.match("POST", "https", "bedrock-runtime.us-east-1.amazonaws.com", -1,
                        "/model/amazon.nova-lite-v1:0/converse-stream", null);
                contentType = "application/vnd.amazon.eventstream";
                body = Payloads.bedrockStream(SIZE);
                break;
            default:
                match = registry.match("POST", "https", "api.openai.com", -1, "/v1/embeddings", null);
                contentType = "application/json";
                body = Payloads.embeddingsResponse(SIZE);
                break;
        }
    }

    @Benchmark
    public ResponseInfo parse() {
        return feed(ResponseParsers.forResponse(match, null, contentType, null));
    }

    @Benchmark
    public ResponseInfo parseWithCapture() {
        return feed(ResponseParsers.forResponse(match, null, contentType, null, 16 * 1024, System.nanoTime()));
    }

    /** The usage stripper over the same bytes (meaningful for openai-sse only). */
    @Benchmark
    public void stripUsage(Blackhole bh) {
        OpenAiUsageStripper s = new OpenAiUsageStripper();
        for (int off = 0; off < body.length; off += chunk) {
            bh.consume(s.filter(body, off, Math.min(chunk, body.length - off)));
        }
        bh.consume(s.finish());
    }

    private ResponseInfo feed(ResponseParser p) {
        for (int off = 0; off < body.length; off += chunk) {
            p.onBytes(body, off, Math.min(chunk, body.length - off));
        }
        p.onEnd();
        return p.result();
    }
}
