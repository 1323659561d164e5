package dev.veil.it.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The wire formats {@link ProviderFakes} does not speak, as the vendor SDKs parse them: the OpenAI Responses API
 * (JSON, and SSE with named events and the usage in {@code response.completed}), OpenAI embeddings (float or
 * base64 vectors, as the request asks) and Gemini {@code generateContent} / {@code streamGenerateContent?alt=sse}.
 * Usage numbers are distinct per API and mode; streamed text is "Hel" + "lo!" as elsewhere.
 */
final class SdkFakes {

    static final int RESPONSES_IN = 31;
    static final int RESPONSES_OUT = 5;
    static final int RESPONSES_STREAM_IN = 33;
    static final int RESPONSES_STREAM_OUT = 7;
    static final int EMBEDDINGS_IN = 8;
    static final int GEMINI_IN = 35;
    static final int GEMINI_OUT = 4;
    static final int GEMINI_STREAM_IN = 37;
    static final int GEMINI_STREAM_OUT = 6;

    static final String RESPONSES_MODEL = "gpt-4.1-mini-2025-04-14";
    static final String GEMINI_MODEL_VERSION = "gemini-2.5-flash-it";

    private SdkFakes() {
    }

    static RecordingServer.Responder openAiResponses() {
        return (request, exchange) -> {
            if (!ProviderFakes.json(request.body).path("stream").asBoolean(false)) {
                RecordingServer.send(exchange, 200, "application/json", response("completed", "Hello!",
                        usage(RESPONSES_IN, RESPONSES_OUT)));
                return;
            }
            List<byte[]> events = new ArrayList<>();
            int seq = 0;
            events.add(sse("response.created", "{\"type\":\"response.created\",\"sequence_number\":" + seq++
                    + ",\"response\":" + response("in_progress", null, "null") + "}"));
            events.add(sse("response.output_item.added", "{\"type\":\"response.output_item.added\",\"sequence_number\":"
                    + seq++ + ",\"output_index\":0,\"item\":{\"type\":\"message\",\"id\":\"msg_it\",\"status\":\"in_progress\","
                    + "\"role\":\"assistant\",\"content\":[]}}"));
            for (String delta : new String[] {"Hel", "lo!"}) {
                events.add(sse("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"sequence_number\":"
                        + seq++ + ",\"item_id\":\"msg_it\",\"output_index\":0,\"content_index\":0,\"delta\":\"" + delta
                        + "\",\"logprobs\":[]}"));
            }
            events.add(sse("response.output_text.done", "{\"type\":\"response.output_text.done\",\"sequence_number\":"
                    + seq++ + ",\"item_id\":\"msg_it\",\"output_index\":0,\"content_index\":0,\"text\":\"Hello!\",\"logprobs\":[]}"));
            events.add(sse("response.completed", "{\"type\":\"response.completed\",\"sequence_number\":" + seq
                    + ",\"response\":" + response("completed", "Hello!", usage(RESPONSES_STREAM_IN, RESPONSES_STREAM_OUT)) + "}"));
            RecordingServer.stream(exchange, "text/event-stream; charset=utf-8", events);
        };
    }

    private static String response(String status, String text, String usage) {
        String output = text == null ? "[]" : "[{\"type\":\"message\",\"id\":\"msg_it\",\"status\":\"completed\","
                + "\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"" + text + "\",\"annotations\":[]}]}]";
        return "{\"id\":\"resp_it\",\"object\":\"response\",\"created_at\":1763776800,\"status\":\"" + status + "\","
                + "\"error\":null,\"incomplete_details\":null,\"instructions\":\"Answer briefly.\",\"max_output_tokens\":200,"
                + "\"model\":\"" + RESPONSES_MODEL + "\",\"output\":" + output + ",\"parallel_tool_calls\":true,"
                + "\"previous_response_id\":null,\"temperature\":1.0,\"tool_choice\":\"auto\",\"tools\":[],\"top_p\":1.0,"
                + "\"truncation\":\"disabled\",\"usage\":" + usage + ",\"metadata\":{}}";
    }

    private static String usage(int in, int out) {
        return "{\"input_tokens\":" + in + ",\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":" + out
                + ",\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":" + (in + out) + "}";
    }

    /** Embeddings: three dimensions, as floats or as the base64 of little-endian float32s (the SDK's default). */
    static RecordingServer.Responder openAiEmbeddings() {
        return (request, exchange) -> {
            JsonNode body = ProviderFakes.json(request.body);
            float[] vector = {0.25f, -0.5f, 0.125f};
            String embedding;
            if ("base64".equals(body.path("encoding_format").asText())) {
                ByteBuffer buf = ByteBuffer.allocate(4 * vector.length).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : vector) {
                    buf.putFloat(f);
                }
                embedding = "\"" + Base64.getEncoder().encodeToString(buf.array()) + "\"";
            } else {
                embedding = "[0.25,-0.5,0.125]";
            }
            RecordingServer.send(exchange, 200, "application/json", "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\","
                    + "\"index\":0,\"embedding\":" + embedding + "}],\"model\":\"text-embedding-3-small\",\"usage\":"
                    + "{\"prompt_tokens\":" + EMBEDDINGS_IN + ",\"total_tokens\":" + EMBEDDINGS_IN + "}}");
        };
    }

    /** {@code :generateContent} answers JSON; {@code :streamGenerateContent?alt=sse} answers {@code data:} events. */
    static RecordingServer.Responder gemini() {
        return (request, exchange) -> {
            ProviderFakes.json(request.body);
            if (!request.rawPath.endsWith(":streamGenerateContent")) {
                RecordingServer.send(exchange, 200, "application/json; charset=UTF-8", geminiChunk("Hello!", true,
                        GEMINI_IN, GEMINI_OUT));
                return;
            }
            if (!"alt=sse".equals(request.rawQuery)) {
                RecordingServer.send(exchange, 400, "application/json", "{\"error\":{\"code\":400,\"message\":\"this fake "
                        + "streams only with alt=sse\",\"status\":\"INVALID_ARGUMENT\"}}");
                return;
            }
            List<byte[]> events = new ArrayList<>();
            events.add(data(geminiChunk("Hel", false, GEMINI_STREAM_IN, 1)));
            events.add(data(geminiChunk("lo!", true, GEMINI_STREAM_IN, GEMINI_STREAM_OUT)));
            RecordingServer.stream(exchange, "text/event-stream", events);
        };
    }

    private static String geminiChunk(String text, boolean last, int in, int out) {
        return "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"" + text + "\"}],\"role\":\"model\"},"
                + (last ? "\"finishReason\":\"STOP\"," : "") + "\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":" + in
                + ",\"candidatesTokenCount\":" + out + ",\"totalTokenCount\":" + (in + out) + "},\"modelVersion\":\""
                + GEMINI_MODEL_VERSION + "\",\"responseId\":\"gemini-it\"}";
    }

    private static byte[] sse(String event, String data) {
        return ("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] data(String data) {
        return ("data: " + data + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
