package dev.veil.testapp.ollama4j;

import io.github.ollama4j.Ollama;
import io.github.ollama4j.models.chat.OllamaChatMessageRole;
import io.github.ollama4j.models.chat.OllamaChatRequest;
import io.github.ollama4j.models.chat.OllamaChatResponseModel;
import io.github.ollama4j.models.chat.OllamaChatResult;
import io.github.ollama4j.models.chat.OllamaChatStreamObserver;

/**
 * An ordinary ollama4j app. Args: host URL, {@code chat} or {@code stream}, prompt. Prints the streamed
 * tokens (one per line), the answer and the counts ollama4j reports, or the error it raised.
 */
public final class Ollama4jApp {

    public static void main(String[] args) {
        Ollama ollama = new Ollama(args[0]);
        boolean stream = "stream".equals(args[1]);
        OllamaChatRequest request = OllamaChatRequest.builder().withModel("llama3.2")
                .withMessage(OllamaChatMessageRole.USER, args[2]);
        try {
            OllamaChatResult result;
            if (stream) {
                request = request.withStreaming();
                result = ollama.chat(request, new OllamaChatStreamObserver(
                        thinking -> System.out.println("THINKING " + thinking),
                        token -> System.out.println("TOKEN " + token)));
            } else {
                result = ollama.chat(request, null);
            }
            OllamaChatResponseModel response = result.getResponseModel();
            System.out.println("ANSWER " + response.getMessage().getResponse());
            System.out.println("DONE " + response.getDoneReason());
            System.out.println("USAGE in " + response.getPromptEvalCount() + " out " + response.getEvalCount());
        } catch (Exception e) {
            System.out.println("ERROR " + e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
