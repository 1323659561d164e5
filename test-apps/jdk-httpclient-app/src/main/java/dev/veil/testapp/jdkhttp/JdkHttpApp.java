package dev.veil.testapp.jdkhttp;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * An unmodified app that posts a body with {@code java.net.http.HttpClient} the way real apps do.
 * Usage: {@code JdkHttpApp <url> <how> <body-file> [Name=value | "Name: value" ...]} (extra request headers) where {@code how} is one of
 * {@code send}, {@code sendAsync}, {@code inputStream} (unknown length), {@code byteArray}, {@code http2},
 * {@code stream} (reads the response as an InputStream, 7 bytes at a time, and prints it in base64),
 * {@code streamClose} (reads the first bytes of the response stream, then closes it).
 * Prints {@code STATUS n} and {@code BODY ...}, or {@code ERROR class: message}.
 */
public final class JdkHttpApp {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        String how = args[1];
        byte[] body = Files.readAllBytes(Paths.get(args[2]));

        HttpClient.Builder clientBuilder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        clientBuilder.version("http2".equals(how) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
        HttpClient client = clientBuilder.build();

        HttpRequest.BodyPublisher publisher;
        if ("inputStream".equals(how)) {
            publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        } else if ("byteArray".equals(how)) {
            publisher = HttpRequest.BodyPublishers.ofByteArray(body);
        } else {
            publisher = HttpRequest.BodyPublishers.ofString(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpRequest.Builder requestBuilder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer test-token")
                .POST(publisher);
        for (int i = 3; i < args.length; i++) {
            // Extra request headers: "Name=value" or "Name: value", whichever separator comes first.
            int eq = args[i].indexOf('=');
            int colon = args[i].indexOf(':');
            int cut = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            requestBuilder.header(args[i].substring(0, cut).trim(), args[i].substring(cut + 1).trim());
        }
        HttpRequest request = requestBuilder.build();
        try {
            if ("streamClose".equals(how)) {
                // Reads the first bytes of a stream and closes it, as an app that stops early does.
                HttpResponse<java.io.InputStream> streamed = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                byte[] first = new byte[16];
                int n;
                try (java.io.InputStream in = streamed.body()) {
                    n = in.read(first);
                }
                System.out.println("STATUS " + streamed.statusCode());
                System.out.println("CLOSED after " + n + " bytes");
                return;
            }
            if ("stream".equals(how)) {
                // Reads the body the way streaming SDKs do: an InputStream, a small buffer at a time.
                HttpResponse<java.io.InputStream> streamed = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                try (java.io.InputStream in = streamed.body()) {
                    byte[] buffer = new byte[7];
                    int n;
                    while ((n = in.read(buffer)) != -1) {
                        all.write(buffer, 0, n);
                    }
                }
                System.out.println("STATUS " + streamed.statusCode());
                System.out.println("STREAM " + java.util.Base64.getEncoder().encodeToString(all.toByteArray()));
                return;
            }
            HttpResponse<String> response;
            if ("sendAsync".equals(how)) {
                response = client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join();
            } else {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            }
            System.out.println("STATUS " + response.statusCode());
            System.out.println("BODY " + response.body());
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.out.println("ERROR " + cause.getClass().getName() + ": " + cause.getMessage());
        } catch (Exception e) {
            System.out.println("ERROR " + e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
