package dev.veil.testapp.azureopenai;

import com.azure.ai.openai.OpenAIAsyncClient;
import com.azure.ai.openai.OpenAIClient;
import com.azure.ai.openai.OpenAIClientBuilder;
import com.azure.ai.openai.models.ChatChoice;
import com.azure.ai.openai.models.ChatCompletionStreamOptions;
import com.azure.ai.openai.models.ChatCompletions;
import com.azure.ai.openai.models.ChatCompletionsOptions;
import com.azure.ai.openai.models.ChatRequestMessage;
import com.azure.ai.openai.models.ChatRequestUserMessage;
import com.azure.ai.openai.models.CompletionsUsage;
import com.azure.core.credential.AzureKeyCredential;
import java.util.List;

/**
 * An ordinary azure-ai-openai app talking to an Azure OpenAI resource (deployment URLs, {@code api-key}).
 * Args: endpoint, key, deployment, mode ({@code chat}, {@code stream}, {@code async-chat},
 * {@code async-stream}), prompt. Prints the streamed tokens, the answer and the usage the SDK reports, or
 * the error it raised; then {@code AFTER} to show it keeps running.
 */
public final class AzureOpenAiApp {

    public static void main(String[] args) {
        OpenAIClientBuilder builder = new OpenAIClientBuilder().endpoint(args[0]).credential(new AzureKeyCredential(args[1]));
        String deployment = args[2];
        String mode = args[3];
        List<ChatRequestMessage> messages = List.of(new ChatRequestUserMessage(args[4]));
        try {
            switch (mode) {
                case "chat":
                    print(builder.buildClient().getChatCompletions(deployment, new ChatCompletionsOptions(messages)));
                    break;
                case "async-chat":
                    print(builder.buildAsyncClient().getChatCompletions(deployment, new ChatCompletionsOptions(messages)).block());
                    break;
                case "stream": {
                    OpenAIClient client = builder.buildClient();
                    Streamed streamed = new Streamed();
                    client.getChatCompletionsStream(deployment, new ChatCompletionsOptions(messages),
                            new ChatCompletionStreamOptions().setIncludeUsage(true)).forEach(streamed::add);
                    streamed.print();
                    break;
                }
                case "async-stream": {
                    OpenAIAsyncClient client = builder.buildAsyncClient();
                    Streamed streamed = new Streamed();
                    client.getChatCompletionsStream(deployment, new ChatCompletionsOptions(messages),
                            new ChatCompletionStreamOptions().setIncludeUsage(true)).doOnNext(streamed::add).blockLast();
                    streamed.print();
                    break;
                }
                default:
                    throw new IllegalArgumentException(mode);
            }
        } catch (Exception e) {
            System.out.println("ERROR " + e.getClass().getName() + ": " + e.getMessage());
        }
        System.out.println("AFTER");
    }

    private static void print(ChatCompletions completions) {
        ChatChoice choice = completions.getChoices().get(0);
        System.out.println("ANSWER " + choice.getMessage().getContent());
        System.out.println("DONE " + choice.getFinishReason());
        usage(completions.getUsage());
    }

    private static void usage(CompletionsUsage usage) {
        System.out.println(usage == null ? "USAGE none" : "USAGE in " + usage.getPromptTokens() + " out " + usage.getCompletionTokens());
    }

    /** The chunks of a stream, assembled as the SDK's samples do. */
    private static final class Streamed {
        private final StringBuilder answer = new StringBuilder();
        private CompletionsUsage usage;
        private String finish;

        void add(ChatCompletions chunk) {
            if (chunk.getUsage() != null) {
                usage = chunk.getUsage();
            }
            if (chunk.getChoices() == null || chunk.getChoices().isEmpty()) {
                return;
            }
            ChatChoice choice = chunk.getChoices().get(0);
            if (choice.getDelta() != null && choice.getDelta().getContent() != null && !choice.getDelta().getContent().isEmpty()) {
                System.out.println("TOKEN " + choice.getDelta().getContent());
                answer.append(choice.getDelta().getContent());
            }
            if (choice.getFinishReason() != null) {
                finish = choice.getFinishReason().toString();
            }
        }

        void print() {
            System.out.println("ANSWER " + answer);
            System.out.println("DONE " + finish);
            usage(usage);
        }
    }
}
