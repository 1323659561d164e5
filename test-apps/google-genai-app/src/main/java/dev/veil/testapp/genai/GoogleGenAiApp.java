package dev.veil.testapp.genai;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Part;

/**
 * An ordinary google-genai app (Gemini Developer API, the SDK's default OkHttp transport). Args: base URL, mode
 * ({@code generate} or {@code stream}), prompt. The API key comes from {@code GOOGLE_API_KEY}, as the SDK reads it;
 * the base URL is set through {@link HttpOptions}. Prints the answer (streamed chunks one per line), the finish
 * reason and the usage the SDK reports, or the error it raised and the answer to a second, clean call.
 */
public final class GoogleGenAiApp {

    private static final String MODEL = "gemini-2.5-flash";

    public static void main(String[] args) {
        String baseUrl = args[0];
        String mode = args[1];
        String prompt = args[2];
        Client client = Client.builder().httpOptions(HttpOptions.builder().baseUrl(baseUrl).build()).build();
        GenerateContentConfig config = GenerateContentConfig.builder()
                .systemInstruction(Content.fromParts(Part.fromText("Be brief.")))
                .temperature(0.2f).maxOutputTokens(128).build();
        try {
            if ("stream".equals(mode)) {
                GenerateContentResponse last = null;
                try (ResponseStream<GenerateContentResponse> stream = client.models.generateContentStream(MODEL, prompt, config)) {
                    for (GenerateContentResponse chunk : stream) {
                        System.out.println("TOKEN " + chunk.text());
                        last = chunk;
                    }
                }
                print(last, false);
            } else {
                print(client.models.generateContent(MODEL, prompt, config), true);
            }
        } catch (RuntimeException e) {
            System.out.println("ERROR " + e.getClass().getName() + ": " + e.getMessage());
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                System.out.println("CAUSE " + c.getClass().getName() + ": " + c.getMessage());
            }
            System.out.println("AFTER " + client.models.generateContent(MODEL, "Say hello.", config).text());
        }
        client.close();
    }

    private static void print(GenerateContentResponse response, boolean withText) {
        if (withText) {
            System.out.println("ANSWER " + response.text());
        }
        System.out.println("FINISH " + response.finishReason());
        response.usageMetadata().ifPresent(u -> System.out.println("USAGE in " + u.promptTokenCount().orElse(-1)
                + " out " + u.candidatesTokenCount().orElse(-1)));
    }
}
