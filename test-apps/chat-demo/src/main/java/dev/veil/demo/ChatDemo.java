package dev.veil.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An ordinary app that knows nothing about Veil: it starts a fake OpenAI-compatible server on
 * 127.0.0.1, sends one chat completion whose prompt holds an e-mail address and an API-key-shaped value
 * (generated now, never a real key), and prints what it sent, what the server received and the reply.
 * Run it with and without {@code -javaagent:agent/target/veil-agent.jar} to see the difference.
 */
public final class ChatDemo {

    public static void main(String[] args) throws Exception {
        AtomicReference<String> received = new AtomicReference<>("(nothing)");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            byte[] body = readAll(exchange.getRequestBody());
            received.set(new String(body, StandardCharsets.UTF_8));
            byte[] reply = ("{\"id\":\"chatcmpl-demo\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Done: I drafted the e-mail.\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":42,\"completion_tokens\":7,\"total_tokens\":49}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
        try {
            String email = "jane.doe@example.com";
            String key = apiKeyShapedValue(new SecureRandom());
            String prompt = "Write to " + email + " that the new API key is " + key + " and ask her to rotate the old one.";
            String body = "{\"model\":\"gpt-4o-mini\",\"messages\":["
                    + "{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
                    + "{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";

            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer demo-not-a-real-key")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();

            System.out.println("app sent:        " + body);
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                System.out.println("server received: " + received.get());
                System.out.println("reply (" + response.statusCode() + "):     " + response.body());
            } catch (java.io.IOException e) {
                System.out.println("server received: " + received.get());
                System.out.println("call failed:     " + e.getMessage());
            }
        } finally {
            server.stop(0);
        }
    }

    /** An OpenAI-project-key-shaped random value: never a working key, generated fresh on every run. */
    static String apiKeyShapedValue(SecureRandom random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("sk-proj-");
        for (int i = 0; i < 74; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        sb.append("T3BlbkFJ");
        for (int i = 0; i < 74; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static byte[] readAll(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
