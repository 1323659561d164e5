package dev.veil.testapp.langchain4j;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An ordinary LangChain4j app. Args: provider ({@code openai}, {@code anthropic}, {@code ollama}), base URL,
 * {@code chat}, {@code stream} or {@code chat-logged}, prompt, and for {@code chat-logged} the API key. Prints the
 * answer (streamed tokens one per line), the finish reason and the token usage the SDK reports, or the error the
 * SDK raised. {@code chat-logged} builds the blocking model with {@code logRequests(true).logResponses(true)}: the
 * SDK logs each HTTP request and response (headers, bodies) through SLF4J, here into Logback as configured by
 * {@code -Dlogback.configurationFile}.
 */
public final class LangChain4jApp {

    public static void main(String[] args) throws Exception {
        String provider = args[0];
        String baseUrl = args[1];
        boolean stream = "stream".equals(args[2]);
        String prompt = args[3];
        try {
            ChatModel chat = "chat-logged".equals(args[2]) ? loggedChatModel(provider, baseUrl, args[4]) : null;
            ChatResponse response = stream ? stream(streamingModel(provider, baseUrl), prompt)
                    : (chat != null ? chat : chatModel(provider, baseUrl)).chat(dev.langchain4j.data.message.UserMessage.from(prompt));
            System.out.println("ANSWER " + response.aiMessage().text());
            System.out.println("FINISH " + response.finishReason());
            System.out.println("USAGE in " + response.tokenUsage().inputTokenCount()
                    + " out " + response.tokenUsage().outputTokenCount());
        } catch (RuntimeException e) {
            System.out.println("ERROR " + e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private static ChatModel chatModel(String provider, String baseUrl) {
        switch (provider) {
            case "openai":
                return OpenAiChatModel.builder().baseUrl(baseUrl).apiKey("not-a-real-key").modelName("gpt-4o-mini").build();
            case "anthropic":
                return AnthropicChatModel.builder().baseUrl(baseUrl).apiKey("not-a-real-key")
                        .modelName("claude-3-5-haiku-20241022").maxTokens(200).build();
            case "ollama":
                return OllamaChatModel.builder().baseUrl(baseUrl).modelName("llama3.2").build();
            default:
                throw new IllegalArgumentException(provider);
        }
    }

    private static ChatModel loggedChatModel(String provider, String baseUrl, String apiKey) {
        switch (provider) {
            case "openai":
                return OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName("gpt-4o-mini")
                        .logRequests(true).logResponses(true).build();
            case "anthropic":
                return AnthropicChatModel.builder().baseUrl(baseUrl).apiKey(apiKey).modelName("claude-3-5-haiku-20241022")
                        .maxTokens(200).logRequests(true).logResponses(true).build();
            default:
                throw new IllegalArgumentException(provider);
        }
    }

    private static StreamingChatModel streamingModel(String provider, String baseUrl) {
        switch (provider) {
            case "openai":
                return OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey("not-a-real-key").modelName("gpt-4o-mini").build();
            case "anthropic":
                return AnthropicStreamingChatModel.builder().baseUrl(baseUrl).apiKey("not-a-real-key")
                        .modelName("claude-3-5-haiku-20241022").maxTokens(200).build();
            case "ollama":
                return OllamaStreamingChatModel.builder().baseUrl(baseUrl).modelName("llama3.2").build();
            default:
                throw new IllegalArgumentException(provider);
        }
    }

    private static ChatResponse stream(StreamingChatModel model, String prompt) throws Exception {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(prompt, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String token) {
                System.out.println("TOKEN " + token);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            return done.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            System.out.println("ERROR " + cause.getClass().getName() + ": " + cause.getMessage());
            System.exit(0);
            return null;
        }
    }
}
