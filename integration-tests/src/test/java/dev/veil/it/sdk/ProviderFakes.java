package dev.veil.it.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers in the providers' documented wire formats, with usage numbers distinct per provider and per mode
 * so a test can tell which response Veil parsed: OpenAI chat completions (JSON and SSE), Anthropic Messages
 * (JSON and SSE) and Ollama chat (JSON and NDJSON). Streamed text is "Hel" + "lo!" everywhere.
 */
final class ProviderFakes {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final int OPENAI_IN = 22;
    static final int OPENAI_OUT = 2;
    static final int OPENAI_STREAM_IN = 24;
    static final int OPENAI_STREAM_OUT = 4;
    static final int ANTHROPIC_IN = 25;
    static final int ANTHROPIC_OUT = 4;
    static final int ANTHROPIC_STREAM_IN = 27;
    static final int ANTHROPIC_STREAM_OUT = 6;
    static final int OLLAMA_IN = 26;
    static final int OLLAMA_OUT = 3;
    static final int OLLAMA_STREAM_IN = 28;
    static final int OLLAMA_STREAM_OUT = 5;

    private ProviderFakes() {
    }

    /** OpenAI chat completions; a stream carries usage only when the request asks for it (include_usage). */
    static RecordingServer.Responder openAiChat() {
        return (request, exchange) -> {
            JsonNode body = json(request.body);
            String head = "{\"id\":\"chatcmpl-it\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini-2024-07-18\",";
            if (!body.path("stream").asBoolean(false)) {
                RecordingServer.send(exchange, 200, "application/json", head + "\"choices\":[{\"index\":0,\"message\":"
                        + "{\"role\":\"assistant\",\"content\":\"Hello!\"},\"finish_reason\":\"stop\"}],\"usage\":"
                        + "{\"prompt_tokens\":" + OPENAI_IN + ",\"completion_tokens\":" + OPENAI_OUT + ",\"total_tokens\":"
                        + (OPENAI_IN + OPENAI_OUT) + "}}");
                return;
            }
            boolean usage = body.at("/stream_options/include_usage").asBoolean(false);
            String chunk = head.replace("chat.completion", "chat.completion.chunk") + "\"choices\":[";
            String tail = usage ? "],\"usage\":null}" : "]}";
            List<byte[]> events = new ArrayList<>();
            events.add(data(chunk + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}" + tail));
            events.add(data(chunk + "{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}" + tail));
            events.add(data(chunk + "{\"index\":0,\"delta\":{\"content\":\"lo!\"},\"finish_reason\":null}" + tail));
            events.add(data(chunk + "{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}" + tail));
            if (usage) {
                events.add(data(chunk + "],\"usage\":{\"prompt_tokens\":" + OPENAI_STREAM_IN + ",\"completion_tokens\":"
                        + OPENAI_STREAM_OUT + ",\"total_tokens\":" + (OPENAI_STREAM_IN + OPENAI_STREAM_OUT) + "}}"));
            }
            events.add(data("[DONE]"));
            RecordingServer.stream(exchange, "text/event-stream; charset=utf-8", events);
        };
    }

    static RecordingServer.Responder anthropicMessages() {
        return (request, exchange) -> {
            if (!json(request.body).path("stream").asBoolean(false)) {
                RecordingServer.send(exchange, 200, "application/json", "{\"id\":\"msg_it\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"model\":\"claude-3-5-haiku-20241022\",\"content\":[{\"type\":\"text\","
                        + "\"text\":\"Hello!\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":"
                        + ANTHROPIC_IN + ",\"output_tokens\":" + ANTHROPIC_OUT + "}}");
                return;
            }
            List<byte[]> events = new ArrayList<>();
            events.add(sse("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_it\",\"type\":\"message\","
                    + "\"role\":\"assistant\",\"model\":\"claude-3-5-haiku-20241022\",\"content\":[],\"stop_reason\":null,"
                    + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + ANTHROPIC_STREAM_IN + ",\"output_tokens\":1}}}"));
            events.add(sse("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
            events.add(sse("ping", "{\"type\": \"ping\"}"));
            events.add(sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}"));
            events.add(sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"lo!\"}}"));
            events.add(sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
            events.add(sse("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                    + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + ANTHROPIC_STREAM_OUT + "}}"));
            events.add(sse("message_stop", "{\"type\":\"message_stop\"}"));
            RecordingServer.stream(exchange, "text/event-stream; charset=utf-8", events);
        };
    }

    /** Ollama streams unless the request says {@code "stream": false}. */
    static RecordingServer.Responder ollamaChat() {
        return (request, exchange) -> {
            String head = "{\"model\":\"llama3.2\",\"created_at\":\"2026-11-22T00:00:00.000000Z\",";
            if (!json(request.body).path("stream").asBoolean(true)) {
                RecordingServer.send(exchange, 200, "application/json; charset=utf-8", head
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\"},\"done_reason\":\"stop\",\"done\":true,"
                        + "\"total_duration\":1000,\"load_duration\":10,\"prompt_eval_count\":" + OLLAMA_IN
                        + ",\"prompt_eval_duration\":100,\"eval_count\":" + OLLAMA_OUT + ",\"eval_duration\":200}");
                return;
            }
            List<byte[]> lines = new ArrayList<>();
            lines.add(line(head + "\"message\":{\"role\":\"assistant\",\"content\":\"Hel\"},\"done\":false}"));
            lines.add(line(head + "\"message\":{\"role\":\"assistant\",\"content\":\"lo!\"},\"done\":false}"));
            lines.add(line(head + "\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true,"
                    + "\"total_duration\":1000,\"load_duration\":10,\"prompt_eval_count\":" + OLLAMA_STREAM_IN
                    + ",\"prompt_eval_duration\":100,\"eval_count\":" + OLLAMA_STREAM_OUT + ",\"eval_duration\":200}"));
            RecordingServer.stream(exchange, "application/x-ndjson", lines);
        };
    }

    private static byte[] sse(String event, String data) {
        return ("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] data(String data) {
        return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] line(String json) {
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("the server received invalid JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }
}
