package dev.veil.testapp.springai.servlet;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An ordinary Spring Boot servlet app (Tomcat) with Spring AI's OpenAI starter: at start-up it asks the
 * auto-configured {@link ChatClient} (RestClient underneath) one question given as {@code --prompt=…},
 * prints the answer and the usage Spring AI reported, and exits.
 */
@SpringBootApplication
public class SpringAiServletApp {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(SpringAiServletApp.class, args)));
    }

    @Bean
    CommandLineRunner ask(ChatClient.Builder chat, @Value("${prompt}") String prompt) {
        return args -> {
            try {
                ChatResponse response = chat.build().prompt().user(prompt).call().chatResponse();
                System.out.println("ANSWER " + response.getResult().getOutput().getText());
                Usage usage = response.getMetadata().getUsage();
                System.out.println("USAGE in " + usage.getPromptTokens() + " out " + usage.getCompletionTokens());
            } catch (RuntimeException e) {
                System.out.println("ERROR " + e.getClass().getName() + ": " + e.getMessage());
            }
        };
    }
}
