package dev.veil.testapp.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * An ordinary anthropic-java 3.x app on the SDK's default OkHttp transport. Args: base URL, mode ({@code chat},
 * {@code stream}, {@code tools}), prompt; for {@code tools}, also the tool-use input (a JSON object) and the
 * tool's result. The API key comes from {@code ANTHROPIC_API_KEY}; the SDK's own OpenTelemetry tracing follows
 * its {@code ANTHROPIC_OPEN_TELEMETRY*} settings. Prints the answer (streamed tokens one per line), the stop
 * reason and the usage the SDK reports, or the error it raised and the answer to a second, clean call.
 */
public final class AnthropicJavaApp {

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String mode = args[1];
        String prompt = args[2];
        AnthropicClient client = AnthropicOkHttpClient.builder().fromEnv().baseUrl(baseUrl).build();
        try {
            switch (mode) {
                case "chat":
                    print(client.messages().create(params(prompt).build()));
                    break;
                case "stream":
                    MessageAccumulator accumulator = MessageAccumulator.create();
                    try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params(prompt).build())) {
                        stream.stream().peek(accumulator::accumulate).forEach(event -> event.contentBlockDelta()
                                .flatMap(d -> d.delta().text()).ifPresent(t -> System.out.println("TOKEN " + t.text())));
                    }
                    print(accumulator.message());
                    break;
                case "tools":
                    print(client.messages().create(toolHistory(prompt, args[3], args[4])));
                    break;
                default:
                    throw new IllegalArgumentException(mode);
            }
        } catch (RuntimeException e) {
            System.out.println("ERROR " + e.getClass().getName() + ": " + e.getMessage());
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                System.out.println("CAUSE " + c.getClass().getName() + ": " + c.getMessage());
            }
            Message after = client.messages().create(params("Say hello.").build());
            System.out.println("AFTER " + after.content().get(0).text().map(t -> t.text()).orElse(""));
        }
        client.close();
    }

    private static MessageCreateParams.Builder params(String prompt) {
        return MessageCreateParams.builder().model("claude-3-5-haiku-20241022").maxTokens(200L).system("Be brief.")
                .addUserMessage(prompt);
    }

    /** A conversation that already went through one tool use: the model's call, the tool's result, then the ask. */
    @SuppressWarnings("unchecked")
    private static MessageCreateParams toolHistory(String prompt, String input, String result) throws Exception {
        ToolUseBlockParam.Input.Builder toolInput = ToolUseBlockParam.Input.builder();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) new ObjectMapper().readValue(input, Map.class)).entrySet()) {
            toolInput.putAdditionalProperty(e.getKey(), JsonValue.from(e.getValue()));
        }
        Tool sendMail = Tool.builder().name("send_mail").description("Sends an e-mail.")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(Tool.InputSchema.Properties.builder()
                                .putAdditionalProperty("to", JsonValue.from(Map.of("type", "string")))
                                .putAdditionalProperty("body", JsonValue.from(Map.of("type", "string")))
                                .build())
                        .required(List.of("to", "body"))
                        .build())
                .build();
        return params(prompt)
                .addTool(sendMail)
                .addAssistantMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolUse(ToolUseBlockParam.builder()
                        .id("toolu_it_1").name("send_mail").input(toolInput.build()).build())))
                .addUserMessageOfContentBlockParams(List.of(
                        ContentBlockParam.ofToolResult(ToolResultBlockParam.builder().toolUseId("toolu_it_1").content(result).build()),
                        ContentBlockParam.ofText("Did it work?")))
                .build();
    }

    private static void print(Message message) {
        message.content().forEach(block -> {
            block.text().ifPresent(t -> System.out.println("ANSWER " + t.text()));
            block.toolUse().ifPresent(t -> System.out.println("TOOL_USE " + t.name() + " " + t._input()));
        });
        System.out.println("FINISH " + message.stopReason().map(Object::toString).orElse("none"));
        System.out.println("USAGE in " + message.usage().inputTokens() + " out " + message.usage().outputTokens());
    }
}
