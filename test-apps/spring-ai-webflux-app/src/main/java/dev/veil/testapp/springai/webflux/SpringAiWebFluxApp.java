package dev.veil.testapp.springai.webflux;

import java.util.List;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An ordinary Spring Boot WebFlux app (Reactor Netty) with Spring AI's OpenAI starter: at start-up it streams
 * one answer with {@code ChatClient.prompt().stream()} (WebClient over Reactor Netty, server-sent events),
 * prints each token as it arrives and the usage Spring AI reported, and exits.
 */
@SpringBootApplication
public class SpringAiWebFluxApp {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(SpringAiWebFluxApp.class, args)));
    }

    @Bean
    CommandLineRunner ask(ChatClient.Builder chat, @Value("${prompt}") String prompt) {
        return args -> {
            try {
                List<ChatResponse> responses = chat.build().prompt().user(prompt).stream().chatResponse()
                        .doOnNext(r -> {
                            if (r.getResult() != null && r.getResult().getOutput().getText() != null
                                    && !r.getResult().getOutput().getText().isEmpty()) {
                                System.out.println("TOKEN " + r.getResult().getOutput().getText());
                            }
                        })
                        .collectList()
                        .block();
                StringBuilder answer = new StringBuilder();
                Usage usage = null;
                for (ChatResponse r : responses) {
                    if (r.getResult() != null && r.getResult().getOutput().getText() != null) {
                        answer.append(r.getResult().getOutput().getText());
                    }
                    if (r.getMetadata().getUsage() != null && r.getMetadata().getUsage().getTotalTokens() > 0) {
                        usage = r.getMetadata().getUsage();
                    }
                }
                System.out.println("ANSWER " + answer);
                System.out.println(usage == null ? "USAGE none" : "USAGE in " + usage.getPromptTokens() + " out " + usage.getCompletionTokens());
            } catch (RuntimeException e) {
                System.out.println("ERROR " + e.getClass().getName() + ": " + e.getMessage());
            }
        };
    }
}
