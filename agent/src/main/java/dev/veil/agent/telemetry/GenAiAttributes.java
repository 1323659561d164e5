package dev.veil.agent.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * Every attribute and instrument name Veil emits, in one place: the GenAI conventions are still in
 * development, and a rename must be one edit here.
 */
final class GenAiAttributes {
    private GenAiAttributes() {
    }

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<Long> REQUEST_MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
    static final AttributeKey<Double> REQUEST_TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");
    static final AttributeKey<Double> REQUEST_TOP_P = AttributeKey.doubleKey("gen_ai.request.top_p");
    static final AttributeKey<Double> REQUEST_TOP_K = AttributeKey.doubleKey("gen_ai.request.top_k");
    static final AttributeKey<Double> REQUEST_FREQUENCY_PENALTY = AttributeKey.doubleKey("gen_ai.request.frequency_penalty");
    static final AttributeKey<Double> REQUEST_PRESENCE_PENALTY = AttributeKey.doubleKey("gen_ai.request.presence_penalty");
    static final AttributeKey<List<String>> REQUEST_STOP_SEQUENCES = AttributeKey.stringArrayKey("gen_ai.request.stop_sequences");
    static final AttributeKey<Long> REQUEST_SEED = AttributeKey.longKey("gen_ai.request.seed");
    static final AttributeKey<Long> REQUEST_CHOICE_COUNT = AttributeKey.longKey("gen_ai.request.choice.count");
    static final AttributeKey<Boolean> REQUEST_STREAM = AttributeKey.booleanKey("gen_ai.request.stream");

    static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS = AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    static final AttributeKey<Double> RESPONSE_TIME_TO_FIRST_CHUNK = AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk");

    static final AttributeKey<Long> USAGE_INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<Long> USAGE_CACHE_READ = AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");
    static final AttributeKey<Long> USAGE_CACHE_CREATION = AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens");
    static final AttributeKey<Long> USAGE_REASONING = AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens");

    static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
    static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");
    static final AttributeKey<String> SYSTEM_INSTRUCTIONS = AttributeKey.stringKey("gen_ai.system_instructions");

    static final AttributeKey<String> OPENAI_API_TYPE = AttributeKey.stringKey("openai.api.type");
    static final AttributeKey<String> OPENAI_SERVICE_TIER = AttributeKey.stringKey("openai.response.service_tier");
    static final AttributeKey<String> OPENAI_SYSTEM_FINGERPRINT = AttributeKey.stringKey("openai.response.system_fingerprint");

    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");

    static final AttributeKey<String> VEIL_ACTION = AttributeKey.stringKey("veil.action");
    static final AttributeKey<Long> VEIL_REDACTION_COUNT = AttributeKey.longKey("veil.redaction.count");
    static final AttributeKey<List<String>> VEIL_REDACTION_TYPES = AttributeKey.stringArrayKey("veil.redaction.types");
    static final AttributeKey<String> VEIL_DETECTOR = AttributeKey.stringKey("veil.detector");
    /** Veil could not inspect the call and applied {@code veil.failure}: a fixed description and the failure's class. */
    static final AttributeKey<String> VEIL_ERROR = AttributeKey.stringKey("veil.error");

    /** error.type of a call Veil blocked: the application got Veil's {@code veil: blocked} failure. */
    static final String BLOCKED_ERROR_TYPE = "veil.blocked";

    // Instruments.
    static final String METRIC_TOKEN_USAGE = "gen_ai.client.token.usage";
    static final String METRIC_DURATION = "gen_ai.client.operation.duration";
    static final String METRIC_TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";
    static final String METRIC_TIME_PER_OUTPUT_CHUNK = "gen_ai.client.operation.time_per_output_chunk";
    static final String METRIC_REDACTIONS = "veil.redactions";
    static final String METRIC_BLOCKED = "veil.requests.blocked";
}
