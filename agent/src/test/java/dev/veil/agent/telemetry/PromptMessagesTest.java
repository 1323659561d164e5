package dev.veil.agent.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.veil.agent.llm.ApiFamily;
import dev.veil.agent.redact.PromptScrubber;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each wire format's request, read into the GenAI message schema. */
class PromptMessagesTest {

    private static final PromptScrubber SAME = text -> text;

    @Test
    void openAiChatKeepsSystemMessagesInHistoryWithToolCallsAndResults() {
        PromptMessages m = read(ApiFamily.OPENAI_CHAT, "{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Weather?\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"x\"}}]},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"sunny\"}]}");
        assertEquals("[]", json(m.system));
        assertEquals("[{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Be brief.\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather?\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"c1\",\"name\":\"weather\","
                + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}]},"
                + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"c1\",\"response\":\"sunny\"}]}]",
                json(m.messages));
    }

    @Test
    void responsesApiInstructionsAreSystemInstructions() {
        PromptMessages m = read(ApiFamily.OPENAI_RESPONSES, "{\"model\":\"m\",\"instructions\":\"Be brief.\",\"input\":\"Hi\"}");
        assertEquals("[{\"type\":\"text\",\"content\":\"Be brief.\"}]", json(m.system));
        assertEquals("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Hi\"}]}]", json(m.messages));
    }

    @Test
    void anthropicSystemAndBlocks() {
        PromptMessages m = read(ApiFamily.ANTHROPIC_MESSAGES, "{\"model\":\"m\",\"system\":[{\"type\":\"text\",\"text\":\"S\"}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Q\"},{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\","
                + "\"id\":\"t1\",\"name\":\"f\",\"input\":{\"a\":1}}]},{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"t1\",\"content\":[{\"type\":\"text\",\"text\":\"R\"}]}]}]}");
        assertEquals("[{\"type\":\"text\",\"content\":\"S\"}]", json(m.system));
        assertEquals("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Q\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"t1\",\"name\":\"f\",\"arguments\":{\"a\":1}}]},"
                + "{\"role\":\"user\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"t1\",\"response\":\"R\"}]}]",
                json(m.messages));
    }

    @Test
    void geminiModelRoleIsAssistant() {
        PromptMessages m = read(ApiFamily.GEMINI_GENERATE, "{\"systemInstruction\":{\"parts\":[{\"text\":\"S\"}]},"
                + "\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Q\"}]},{\"role\":\"model\",\"parts\":[{\"text\":\"A\"}]}]}");
        assertEquals("[{\"type\":\"text\",\"content\":\"S\"}]", json(m.system));
        assertEquals("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Q\"}]},"
                + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"A\"}]}]", json(m.messages));
    }

    @Test
    void bedrockConverse() {
        PromptMessages m = read(ApiFamily.BEDROCK_CONVERSE, "{\"system\":[{\"text\":\"S\"}],\"messages\":[{\"role\":\"user\","
                + "\"content\":[{\"text\":\"Q\"},{\"image\":{\"format\":\"png\"}}]}]}");
        assertEquals("[{\"type\":\"text\",\"content\":\"S\"}]", json(m.system));
        assertEquals("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Q\"}]}]", json(m.messages));
    }

    @Test
    void embeddingsAndUnreadableBodiesGiveNothing() {
        assertEquals(0, read(ApiFamily.OPENAI_EMBEDDINGS, "{\"input\":\"x\"}").messages.size());
        assertEquals(0, read(ApiFamily.OPENAI_CHAT, "not json").messages.size());
    }

    private static PromptMessages read(ApiFamily family, String body) {
        return PromptMessages.read(family, JsonTree.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String json(java.util.List<? extends Object> list) {
        String s = new ContentJson(SAME, 1 << 20).array(list);
        return s == null ? "[]" : s;
    }
}
