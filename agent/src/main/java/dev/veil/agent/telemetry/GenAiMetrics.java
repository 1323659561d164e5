package dev.veil.agent.telemetry;

import static dev.veil.agent.telemetry.GenAiAttributes.*;

import dev.veil.agent.call.CallRecord;
import dev.veil.agent.llm.ResponseInfo;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The GenAI client metrics (with the conventions' units and bucket boundaries) and Veil's own counters,
 * recorded once per call when it ends.
 */
final class GenAiMetrics {
    static final List<Long> TOKEN_BUCKETS = Arrays.asList(1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L,
            262144L, 1048576L, 4194304L, 16777216L, 67108864L);
    static final List<Double> DURATION_BUCKETS = Arrays.asList(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56,
            5.12, 10.24, 20.48, 40.96, 81.92);
    static final List<Double> PER_CHUNK_BUCKETS = Arrays.asList(0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4,
            0.5, 0.75, 1.0, 2.5);

    private final LongHistogram tokenUsage;
    private final DoubleHistogram duration;
    private final DoubleHistogram timeToFirstChunk;
    private final DoubleHistogram timePerOutputChunk;
    private final LongCounter redactions;
    private final LongCounter blocked;

    GenAiMetrics(Meter meter) {
        tokenUsage = meter.histogramBuilder(METRIC_TOKEN_USAGE).ofLongs().setUnit("{token}")
                .setDescription("Number of input and output tokens used.")
                .setExplicitBucketBoundariesAdvice(TOKEN_BUCKETS).build();
        duration = meter.histogramBuilder(METRIC_DURATION).setUnit("s")
                .setDescription("GenAI operation duration.").setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
        timeToFirstChunk = meter.histogramBuilder(METRIC_TIME_TO_FIRST_CHUNK).setUnit("s")
                .setDescription("Time to receive the first chunk in a streaming operation.")
                .setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
        timePerOutputChunk = meter.histogramBuilder(METRIC_TIME_PER_OUTPUT_CHUNK).setUnit("s")
                .setDescription("Time between consecutive chunks after the first in a streaming operation (mean per call).")
                .setExplicitBucketBoundariesAdvice(PER_CHUNK_BUCKETS).build();
        redactions = meter.counterBuilder(METRIC_REDACTIONS).setUnit("{finding}")
                .setDescription("Findings Veil redacted from LLM prompts, by detector.").build();
        blocked = meter.counterBuilder(METRIC_BLOCKED).setUnit("{request}")
                .setDescription("LLM requests Veil blocked (veil.prompt.mode=block).").build();
    }

    void record(CallRecord call, String errorType) {
        ResponseInfo r = call.response();
        Attributes common = common(call, r, null);
        if (call.action() == CallRecord.Action.BLOCKED) {
            blocked.add(1, common);
        } else {
            duration.record(call.durationNanos() / 1e9, errorType == null ? common : common(call, r, errorType));
        }
        if (call.action() == CallRecord.Action.REDACTED) {
            for (Map.Entry<String, Integer> e : call.findings().entrySet()) {
                redactions.add(e.getValue(), Attributes.of(VEIL_DETECTOR, e.getKey(), PROVIDER, call.endpoint().provider()));
            }
        }
        if (r == null) {
            return;
        }
        if (r.inputTokens() != null) {
            tokenUsage.record(r.inputTokens(), common.toBuilder().put(TOKEN_TYPE, "input").build());
        }
        if (r.outputTokens() != null) {
            tokenUsage.record(r.outputTokens(), common.toBuilder().put(TOKEN_TYPE, "output").build());
        }
        long ttfc = r.timeToFirstChunkNanos();
        if (r.chunkCount() > 0 && ttfc >= 0) {
            timeToFirstChunk.record(ttfc / 1e9, common);
            if (r.chunkCount() > 1) {
                long afterFirst = Math.max(0, call.durationNanos() - ttfc);
                timePerOutputChunk.record(afterFirst / 1e9 / (r.chunkCount() - 1), common);
            }
        }
    }

    /** Operation and provider (required), request model and server.port (conditional), response model and server.address. */
    static Attributes common(CallRecord call, ResponseInfo r, String errorType) {
        AttributesBuilder b = Attributes.builder()
                .put(OPERATION, GenAiSpans.operation(call))
                .put(PROVIDER, call.endpoint().provider());
        putIfNotNull(b, REQUEST_MODEL, call.request().model());
        if (r != null) {
            putIfNotNull(b, RESPONSE_MODEL, r.responseModel());
        }
        putIfNotNull(b, SERVER_ADDRESS, call.endpoint().serverAddress());
        if (call.endpoint().serverAddress() != null && call.endpoint().serverPort() > 0) {
            b.put(SERVER_PORT, (long) call.endpoint().serverPort());
        }
        putIfNotNull(b, ERROR_TYPE, errorType);
        return b.build();
    }

    private static void putIfNotNull(AttributesBuilder b, io.opentelemetry.api.common.AttributeKey<String> key, String v) {
        if (v != null) {
            b.put(key, v);
        }
    }
}
