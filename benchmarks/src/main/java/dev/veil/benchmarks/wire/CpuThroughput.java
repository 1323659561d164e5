package dev.veil.benchmarks.wire;

import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.llm.EndpointMatch;
import dev.veil.agent.llm.EndpointRegistry;
import dev.veil.agent.llm.RequestRewriter;
import dev.veil.agent.llm.ResponseParser;
import dev.veil.agent.llm.ResponseParsers;
import dev.veil.agent.redact.PromptScrubber;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Companion to the JMH suites for shared, overloaded machines: measures MB per second of this thread's
 * CPU time (best of many short rounds), which other processes competing for the cores distort far less
 * than wall-clock throughput. Run: {@code java -cp benchmarks/target/benchmarks.jar dev.veil.benchmarks.wire.CpuThroughput}.
 */
public final class CpuThroughput {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 60;
    /** Keeps results reachable so the work cannot be optimised away. */
    static volatile Object sink;

    private CpuThroughput() {
    }

    public static void main(String[] args) {
        EndpointRegistry registry = EndpointRegistry.fromConfig(VeilConfig.defaults());
        EndpointMatch chat = registry.match("POST", "https", "api.openai.com", -1, "/v1/chat/completions", null);
        PromptScrubber scrubber = text -> {
            int i = text.indexOf("CANARY-");
            return i < 0 ? text : text.substring(0, i) + "[REDACTED]";
        };
        for (String secret : new String[] {null, "CANARY-0123456789ab"}) {
            byte[] body = Payloads.chatRequest(8192, secret);
            report("rewrite 8 KiB chat, " + (secret == null ? "clean" : "secret"), body.length, 2000,
                    () -> RequestRewriter.rewrite(chat, body, null, scrubber));
        }
        stream("parse openai-sse", Payloads.openAiStream(StreamParseBenchmark.SIZE), chat, "text/event-stream");
        stream("parse anthropic-sse", Payloads.anthropicStream(StreamParseBenchmark.SIZE),
                registry.match("POST", "https", "api.anthropic.com", -1, "/v1/messages", null), "text/event-stream");
        stream("parse bedrock-eventstream", Payloads.bedrockStream(StreamParseBenchmark.SIZE),
                registry.match("POST", "https", "bedrock-runtime.us-east-1.amazonaws.com", -1,
                        "/model/amazon.nova-lite-v1:0/converse-stream", null), "application/vnd.amazon.eventstream");
        stream("parse embeddings-json", Payloads.embeddingsResponse(StreamParseBenchmark.SIZE),
                registry.match("POST", "https", "api.openai.com", -1, "/v1/embeddings", null), "application/json");
    }

    private static void stream(String name, byte[] body, EndpointMatch match, String contentType) {
        report(name, body.length, 40, () -> {
            ResponseParser p = ResponseParsers.forResponse(match, null, contentType, null);
            for (int off = 0; off < body.length; off += 8192) {
                p.onBytes(body, off, Math.min(8192, body.length - off));
            }
            p.onEnd();
            return p.result();
        });
    }

    /** Prints the best MB per CPU second (and wall second) of {@code ROUNDS} rounds of {@code perRound} calls. */
    public static void report(String name, int bytes, int perRound, java.util.function.Supplier<Object> op) {
        double bestCpu = 0;
        double bestWall = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                sink = op.get();
            }
            double total = (double) bytes * perRound * 1000;
            bestCpu = Math.max(bestCpu, total / (THREADS.getCurrentThreadCpuTime() - cpu0));
            bestWall = Math.max(bestWall, total / (System.nanoTime() - wall0));
        }
        System.out.printf("%-36s %7.1f MB/s per CPU second, %7.1f MB/s wall (best of %d rounds)%n", name, bestCpu,
                bestWall, ROUNDS);
    }
}
