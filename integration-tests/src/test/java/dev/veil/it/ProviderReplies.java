package dev.veil.it;

import java.util.Arrays;

/**
 * Answers shaped like each provider's real ones (field names, framing, usage blocks), for
 * {@link FakeLlmServer#reply}. Values are made up.
 */
final class ProviderReplies {
    private ProviderReplies() {
    }

    static final String OPENAI_RESPONSES = "{\"id\":\"resp_0c1f5e2d9a7b4c3e8f6a1b2c3d4e5f60\",\"object\":\"response\","
            + "\"created_at\":1763769600,\"status\":\"completed\",\"error\":null,\"incomplete_details\":null,"
            + "\"instructions\":\"Answer briefly.\",\"max_output_tokens\":200,\"model\":\"gpt-4.1-mini-2025-04-14\","
            + "\"output\":[{\"type\":\"reasoning\",\"id\":\"rs_01\",\"summary\":[]},"
            + "{\"type\":\"message\",\"id\":\"msg_01\",\"status\":\"completed\",\"role\":\"assistant\","
            + "\"content\":[{\"type\":\"output_text\",\"text\":\"Noted, I will follow up.\",\"annotations\":[]}]}],"
            + "\"parallel_tool_calls\":true,\"service_tier\":\"default\",\"temperature\":0.2,"
            + "\"usage\":{\"input_tokens\":57,\"input_tokens_details\":{\"cached_tokens\":32},\"output_tokens\":21,"
            + "\"output_tokens_details\":{\"reasoning_tokens\":8},\"total_tokens\":78},\"user\":null,\"metadata\":{}}";

    static final FakeLlmServer.Reply ANTHROPIC_STREAM = FakeLlmServer.Reply.streamed("text/event-stream; charset=utf-8",
            Arrays.asList(
                    sse("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\","
                            + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5-20250929\","
                            + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":41,"
                            + "\"cache_creation_input_tokens\":12,\"cache_read_input_tokens\":30,\"output_tokens\":1}}}"),
                    sse("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                    sse("ping", "{\"type\":\"ping\"}"),
                    sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"I will write \"}}"),
                    sse("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"to them today.\"}}"),
                    sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                    sse("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                            + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":9}}"),
                    sse("message_stop", "{\"type\":\"message_stop\"}")));

    static final String GEMINI = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Sure, drafting it now.\"}],"
            + "\"role\":\"model\"},\"finishReason\":\"STOP\",\"avgLogprobs\":-0.21}],"
            + "\"usageMetadata\":{\"promptTokenCount\":33,\"candidatesTokenCount\":6,\"totalTokenCount\":49,"
            + "\"thoughtsTokenCount\":10,\"promptTokensDetails\":[{\"modality\":\"TEXT\",\"tokenCount\":33}]},"
            + "\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"bW9ja1Jlc3BvbnNlSWQx\"}";

    static final String BEDROCK_CONVERSE = "{\"output\":{\"message\":{\"role\":\"assistant\","
            + "\"content\":[{\"text\":\"Understood.\"}]}},\"stopReason\":\"end_turn\","
            + "\"usage\":{\"inputTokens\":25,\"outputTokens\":4,\"totalTokens\":29},\"metrics\":{\"latencyMs\":321}}";

    private static String sse(String event, String data) {
        return "event: " + event + "\ndata: " + data + "\n\n";
    }
}
