package dev.veil.agent.telemetry;

import static dev.veil.agent.telemetry.GenAiAttributes.*;

import dev.veil.agent.call.CallRecord;
import dev.veil.agent.llm.ApiFamily;
import dev.veil.agent.llm.EndpointMatch;
import dev.veil.agent.llm.RequestInfo;
import dev.veil.agent.llm.ResponseInfo;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One CLIENT span per LLM call, following the GenAI conventions: started when the request is inspected
 * (with the attributes samplers may use), completed from the {@link CallRecord} when the call ends.
 */
final class GenAiSpans {
    private GenAiSpans() {
    }

    static Span start(Tracer tracer, CallRecord call) {
        EndpointMatch m = call.endpoint();
        String model = call.request().model();
        SpanBuilder b = tracer.spanBuilder(model == null ? operation(call) : operation(call) + " " + model)
                .setSpanKind(SpanKind.CLIENT)
                .setStartTimestamp(call.startEpochNanos(), TimeUnit.NANOSECONDS)
                .setAttribute(OPERATION, operation(call))
                .setAttribute(PROVIDER, m.provider());
        if (model != null) {
            b.setAttribute(REQUEST_MODEL, model);
        }
        if (m.serverAddress() != null) {
            b.setAttribute(SERVER_ADDRESS, m.serverAddress());
            if (m.serverPort() > 0) {
                b.setAttribute(SERVER_PORT, (long) m.serverPort());
            }
        }
        SpanContext parent = Traceparent.parse(call.traceparent());
        if (parent != null) {
            b.setParent(Context.root().with(Span.wrap(parent)));
        } else {
            b.setNoParent();
        }
        return b.startSpan();
    }

    /** Sets what the request and response said, Veil's decision and the outcome; ends the span at the call's end. */
    static void end(Span span, CallRecord call, String errorType) {
        request(span, call.request());
        ResponseInfo r = call.response();
        if (r != null) {
            response(span, call, r);
        }
        span.setAttribute(VEIL_ACTION, call.action().attributeValue());
        span.setAttribute(VEIL_REDACTION_COUNT, (long) call.findingCount());
        if (!call.findings().isEmpty()) {
            span.setAttribute(VEIL_REDACTION_TYPES, new ArrayList<String>(call.findings().keySet()));
        }
        if (call.veilError() != null) {
            span.setAttribute(VEIL_ERROR, call.veilError());
        }
        if (errorType != null) {
            span.setAttribute(ERROR_TYPE, errorType);
            span.setStatus(StatusCode.ERROR, errorDescription(call, errorType));
        }
        span.end(call.startEpochNanos() + call.durationNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * {@code error.type}: blocked by Veil; the failure's class (transport error, cancellation, early close);
     * else the provider's error type or the HTTP status of an error answer; null for a success.
     */
    static String errorType(CallRecord call) {
        if (call.action() == CallRecord.Action.BLOCKED) {
            return BLOCKED_ERROR_TYPE;
        }
        if (call.failure() != null) {
            return call.failure().getClass().getName();
        }
        int status = call.status();
        if (status >= 400) {
            ResponseInfo r = call.response();
            return r != null && r.errorType() != null ? r.errorType() : String.valueOf(status);
        }
        return null;
    }

    static String operation(CallRecord call) {
        String op = call.request().operation();
        return op != null ? op : call.endpoint().operation();
    }

    private static String errorDescription(CallRecord call, String errorType) {
        if (call.action() == CallRecord.Action.BLOCKED) {
            return "blocked by Veil: the prompt holds " + call.findings().keySet();
        }
        return call.status() >= 400 ? "HTTP " + call.status() : errorType;
    }

    private static void request(Span span, RequestInfo q) {
        span.setAttribute(REQUEST_STREAM, q.streaming());
        set(span, REQUEST_MAX_TOKENS, q.maxTokens());
        set(span, REQUEST_TEMPERATURE, q.temperature());
        set(span, REQUEST_TOP_P, q.topP());
        set(span, REQUEST_TOP_K, q.topK());
        set(span, REQUEST_FREQUENCY_PENALTY, q.frequencyPenalty());
        set(span, REQUEST_PRESENCE_PENALTY, q.presencePenalty());
        set(span, REQUEST_SEED, q.seed());
        if (q.choiceCount() != null && q.choiceCount() != 1) {
            span.setAttribute(REQUEST_CHOICE_COUNT, q.choiceCount());
        }
        if (q.stopSequences() != null && !q.stopSequences().isEmpty()) {
            span.setAttribute(REQUEST_STOP_SEQUENCES, q.stopSequences());
        }
    }

    private static void response(Span span, CallRecord call, ResponseInfo r) {
        set(span, RESPONSE_ID, r.responseId());
        set(span, RESPONSE_MODEL, r.responseModel());
        if (!r.finishReasons().isEmpty()) {
            span.setAttribute(RESPONSE_FINISH_REASONS, new ArrayList<String>(r.finishReasons()));
        }
        set(span, USAGE_INPUT_TOKENS, r.inputTokens());
        set(span, USAGE_OUTPUT_TOKENS, r.outputTokens());
        set(span, USAGE_CACHE_READ, r.cacheReadTokens());
        set(span, USAGE_CACHE_CREATION, r.cacheCreationTokens());
        set(span, USAGE_REASONING, r.reasoningTokens());
        if (call.request().streaming() && r.timeToFirstChunkNanos() >= 0 && r.chunkCount() > 0) {
            span.setAttribute(RESPONSE_TIME_TO_FIRST_CHUNK, r.timeToFirstChunkNanos() / 1e9);
        }
        String apiType = openAiApiType(call.endpoint());
        if (apiType != null) {
            span.setAttribute(OPENAI_API_TYPE, apiType);
            set(span, OPENAI_SERVICE_TIER, r.serviceTier());
            set(span, OPENAI_SYSTEM_FINGERPRINT, r.systemFingerprint());
        }
    }

    /** {@code openai.api.type} for the OpenAI and Azure OpenAI providers' chat completions and Responses APIs. */
    private static String openAiApiType(EndpointMatch m) {
        String p = m.provider();
        if (p == null || !(p.equals("openai") || p.equals("azure.ai.openai"))) {
            return null;
        }
        if (m.apiFamily() == ApiFamily.OPENAI_CHAT) {
            return "chat_completions";
        }
        return m.apiFamily() == ApiFamily.OPENAI_RESPONSES ? "responses" : null;
    }

    private static <T> void set(Span span, AttributeKey<T> key, T value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }
}
