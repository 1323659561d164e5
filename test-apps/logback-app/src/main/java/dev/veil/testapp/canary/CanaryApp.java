package dev.veil.testapp.canary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.SimpleFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ordinary app that handles a secret and a personal-data value carelessly everywhere at once: in a
 * prompt and in tool-call arguments (HttpURLConnection to a chat endpoint whose model answers with both
 * values), in Logback and java.util.logging messages and files, in exception messages (logged, printed and
 * thrown uncaught on a thread), and straight on System.out/System.err.
 * Args: {@code <chat-url> <secret> <pii> <log-dir>}. Logback reads {@code -Dlogback.configurationFile}.
 */
public final class CanaryApp {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String secret = args[1];
        String pii = args[2];
        String logDir = args[3];
        Logger log = LoggerFactory.getLogger("com.example.billing.Assistant");
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("com.example.billing.jul");
        FileHandler julFile = new FileHandler(logDir + "/jul.log");
        julFile.setFormatter(new SimpleFormatter());
        jul.addHandler(julFile);

        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"You help with billing.\"},"
                + "{\"role\":\"user\",\"content\":\"Use key " + secret + " and mail " + pii + "\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"send_mail\",\"arguments\":\"{\\\"to\\\":\\\"" + pii + "\\\",\\\"token\\\":\\\""
                + secret + "\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"sent to " + pii + " with " + secret + "\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"send_mail\",\"parameters\":{\"type\":\"object\"}}}]}";
        String reply = post(url, body);
        System.out.println("REPLY " + reply);
        log.info("model answered: {}", reply);
        jul.info("model answered: " + reply);

        log.info("calling billing with key {} for {}", secret, pii);
        jul.log(Level.INFO, "calling billing with key {0} for {1}", new Object[] {secret, pii});
        System.out.println("stdout: key " + secret + " mail " + pii);
        System.err.println("stderr: key " + secret + " mail " + pii);

        IllegalStateException failure = new IllegalStateException("billing rejected key " + secret + " for " + pii,
                new IOException("401 for " + pii + " using " + secret));
        log.error("billing call failed", failure);
        jul.log(Level.SEVERE, "billing call failed", failure);
        failure.printStackTrace();
        Thread worker = new Thread(() -> {
            throw new IllegalArgumentException("worker died holding " + secret + " and " + pii);
        }, "canary-worker");
        worker.start();
        worker.join();

        System.out.println("CANARY DONE");
        julFile.close();
        ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }

    private static String post(String url, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = c.getInputStream()) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) != -1) {
                all.write(buffer, 0, n);
            }
            return c.getResponseCode() + " " + new String(all.toByteArray(), StandardCharsets.UTF_8);
        }
    }
}
