package dev.veil.agent.telemetry;

import static dev.veil.agent.telemetry.GenAiAttributes.INPUT_MESSAGES;
import static dev.veil.agent.telemetry.GenAiAttributes.OUTPUT_MESSAGES;
import static dev.veil.agent.telemetry.GenAiAttributes.SYSTEM_INSTRUCTIONS;

import dev.veil.agent.call.CallRecord;
import dev.veil.agent.llm.ResponseInfo;
import dev.veil.agent.llm.request.BodyCodec;
import dev.veil.agent.redact.RedactionSession;
import dev.veil.agent.redact.Redactor;
import io.opentelemetry.api.trace.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opt-in content capture ({@code OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true}):
 * {@code gen_ai.system_instructions}, {@code gen_ai.input.messages} and {@code gen_ai.output.messages} as
 * JSON in the published message schema. Always redacted: the body as sent and the assembled answer go
 * through a fresh redaction session with the configured operators, so content is redacted even in audit
 * mode, for a call that passed, and when the model echoes something back.
 */
final class ContentCapture {
    private final Redactor redactor;
    private final long maxBytes;

    ContentCapture(Redactor redactor, long maxBytes) {
        this.redactor = redactor;
        this.maxBytes = maxBytes;
    }

    /** Characters of generated text to assemble: enough to fill the cap (UTF-8 never takes fewer bytes than chars). */
    int captureChars() {
        return (int) Math.min(Integer.MAX_VALUE - 8, maxBytes);
    }

    void addTo(Span span, CallRecord call) {
        RedactionSession session = redactor.newSession(true);
        ContentJson json = new ContentJson(session, maxBytes);
        byte[] sent = call.sentBody();
        if (sent != null && sent.length > 0) {
            PromptMessages prompt = PromptMessages.read(call.endpoint().apiFamily(),
                    JsonTree.parse(BodyCodec.plain(sent, call.sentEncoding(), call.endpoint().maxBodyBytes())));
            set(span, SYSTEM_INSTRUCTIONS, json.array(prompt.system));
            set(span, INPUT_MESSAGES, json.array(prompt.messages));
        }
        ResponseInfo r = call.response();
        if (r != null && r.outputText() != null && !r.outputText().isEmpty()) {
            List<Object> parts = new ArrayList<Object>(1);
            parts.add(PromptMessages.text(r.outputText()));
            Map<String, Object> message = new LinkedHashMap<String, Object>();
            message.put("role", "assistant");
            message.put("parts", parts);
            message.put("finish_reason", finishReason(call, r));
            set(span, OUTPUT_MESSAGES, json.array(Collections.singletonList(message)));
        }
    }

    private static String finishReason(CallRecord call, ResponseInfo r) {
        if (!r.finishReasons().isEmpty()) {
            return r.finishReasons().get(0);
        }
        return call.failure() != null || call.status() >= 400 ? "error" : "unknown";
    }

    private static void set(Span span, io.opentelemetry.api.common.AttributeKey<String> key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }
}
