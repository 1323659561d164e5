package dev.veil.testapp.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStreamEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * An ordinary openai-java 4.x app on the SDK's default OkHttp transport. Args: base URL, mode ({@code chat},
 * {@code chat-async}, {@code chat-stream}, {@code responses}, {@code responses-stream}, {@code embeddings},
 * {@code tools}), prompt; for {@code tools}, also the tool-call arguments and the tool's result. Prints the
 * answer (streamed tokens one per line) and the usage the SDK reports, or the error it raised and the
 * answer to a second, clean call (the app keeps running).
 */
public final class OpenAiJavaApp {

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String mode = args[1];
        String prompt = args[2];
        // The key comes from the environment, as in real apps (OPENAI_API_KEY); the base URL points at the fake.
        OpenAIClient client = OpenAIOkHttpClient.builder().fromEnv().baseUrl(baseUrl).build();
        try {
            run(client, mode, prompt, args);
        } catch (RuntimeException thrown) {
            // join() wraps the async client's failure in a CompletionException: report the SDK's own exception.
            Throwable e = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
            System.out.println("ERROR " + e.getClass().getName() + ": " + e.getMessage());
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                System.out.println("CAUSE " + c.getClass().getName() + ": " + c.getMessage());
            }
            // The app goes on: the next call, with nothing to hide, works.
            ChatCompletion after = client.chat().completions().create(chat("Say hello.").build());
            System.out.println("AFTER " + after.choices().get(0).message().content().orElse(""));
        }
        client.close();
    }

    private static void run(OpenAIClient client, String mode, String prompt, String[] args) throws Exception {
        switch (mode) {
            case "chat":
                printChat(client.chat().completions().create(chat(prompt).build()));
                break;
            case "chat-async":
                printChat(client.async().chat().completions().create(chat(prompt).build()).join());
                break;
            case "chat-stream":
                try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(chat(prompt).build())) {
                    stream.stream().forEach(chunk -> chunk.choices().forEach(choice -> {
                        choice.delta().content().filter(t -> !t.isEmpty()).ifPresent(t -> System.out.println("TOKEN " + t));
                        choice.finishReason().ifPresent(f -> System.out.println("FINISH " + f));
                    }));
                }
                break;
            case "responses":
                printResponse(client.responses().create(responses(prompt)));
                break;
            case "responses-stream":
                try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(responses(prompt))) {
                    stream.stream().forEach(event -> {
                        event.outputTextDelta().ifPresent(d -> System.out.println("TOKEN " + d.delta()));
                        event.completed().ifPresent(c -> printResponse(c.response()));
                    });
                }
                break;
            case "embeddings":
                CreateEmbeddingResponse e = client.embeddings().create(EmbeddingCreateParams.builder()
                        .model("text-embedding-3-small").input(prompt).build());
                System.out.println("EMBEDDING " + e.data().get(0).embedding());
                System.out.println("USAGE in " + e.usage().promptTokens());
                break;
            case "tools":
                printChat(client.chat().completions().create(toolHistory(prompt, args[3], args[4])));
                break;
            default:
                throw new IllegalArgumentException(mode);
        }
    }

    private static ChatCompletionCreateParams.Builder chat(String prompt) {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addSystemMessage("Be brief.").addUserMessage(prompt);
    }

    private static ResponseCreateParams responses(String prompt) {
        return ResponseCreateParams.builder().model("gpt-4.1-mini").instructions("Answer briefly.").input(prompt)
                .maxOutputTokens(200L).build();
    }

    /** A conversation that already went through one tool call: the model's call, the tool's result, then the ask. */
    private static ChatCompletionCreateParams toolHistory(String prompt, String arguments, String result) {
        FunctionDefinition sendMail = FunctionDefinition.builder().name("send_mail").description("Sends an e-mail.")
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of(
                                "to", Map.of("type", "string"), "body", Map.of("type", "string"))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("to", "body")))
                        .build())
                .build();
        return chat(prompt)
                .addFunctionTool(sendMail)
                .addMessage(ChatCompletionAssistantMessageParam.builder()
                        .addToolCall(ChatCompletionMessageFunctionToolCall.builder().id("call_it_1")
                                .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                                        .name("send_mail").arguments(arguments).build())
                                .build())
                        .build())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId("call_it_1").content(result).build())
                .addUserMessage("Did it work?")
                .build();
    }

    private static void printChat(ChatCompletion completion) {
        completion.choices().forEach(choice -> {
            System.out.println("ANSWER " + choice.message().content().orElse(""));
            choice.message().toolCalls().ifPresent(calls -> calls.forEach(call -> call.function().ifPresent(f ->
                    System.out.println("TOOL_CALL " + f.function().name() + " " + f.function().arguments()))));
            System.out.println("FINISH " + choice.finishReason());
        });
        completion.usage().ifPresent(u -> System.out.println("USAGE in " + u.promptTokens() + " out " + u.completionTokens()));
    }

    private static void printResponse(Response response) {
        for (ResponseOutputItem item : response.output()) {
            item.message().ifPresent(m -> m.content().forEach(c -> c.outputText().ifPresent(t ->
                    System.out.println("ANSWER " + t.text()))));
        }
        System.out.println("STATUS " + response.status().map(Object::toString).orElse("none"));
        response.usage().ifPresent(u -> System.out.println("USAGE in " + u.inputTokens() + " out " + u.outputTokens()));
    }
}
