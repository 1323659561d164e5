package dev.veil.testapp.wirelog;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.logging.HttpLoggingInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ordinary app that turns on the HTTP wire loggers of its clients while debugging an integration:
 * Apache HttpClient 4 ({@code org.apache.http.wire}/{@code headers} through commons-logging to SLF4J),
 * Apache HttpClient 5 ({@code org.apache.hc.client5.http.wire}/{@code headers}) and OkHttp's
 * {@code HttpLoggingInterceptor} (BODY, then HEADERS) into Logback. Each call sends credentials in
 * headers ({@code Authorization}, {@code x-api-key}, {@code api-key}) and in a JSON body streamed in
 * 4 KiB writes, with a key placed across the first write boundary (the Apache clients' session buffer
 * flushes there, so their wire logger cuts the key in two events) and a password value on the line after its name. The server (127.0.0.1) answers with a
 * session token in its body. Args: key1 key2 hexKey; files go to {@code -Dlog.dir}.
 */
public final class WireLogApp {
    private static final Logger LOG = LoggerFactory.getLogger("app.orders");
    /** Where the JSON body is cut by the clients' 4 KiB stream buffers. */
    private static final int WRITE = 4096;

    public static void main(String[] args) throws Exception {
        String key1 = args[0];
        String key2 = args[1];
        String hexKey = args[2];
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/upload", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] buf = new byte[8192];
                while (in.read(buf) >= 0) {
                    // drain
                }
            }
            byte[] reply = ("{\"status\":\"stored\",\"session_token\":\"" + key2 + "\"}\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/internal/upload";
        int benign = 0;
        try {
            for (int cut : new int[] {7, 31}) {
                byte[] body = body(key1, hexKey, cut);
                LOG.info(String.format("benign-%03d order=%d status=ok", ++benign, benign));
                apache4(url, body, key1, key2, hexKey);
                LOG.info(String.format("benign-%03d order=%d status=ok", ++benign, benign));
                apache5(url, body, key1, key2, hexKey);
                LOG.info(String.format("benign-%03d order=%d status=ok", ++benign, benign));
                okhttp(url, body, key1, key2, hexKey, HttpLoggingInterceptor.Level.BODY);
                LOG.info(String.format("benign-%03d order=%d status=ok", ++benign, benign));
                okhttp(url, body, key1, key2, hexKey, HttpLoggingInterceptor.Level.HEADERS);
            }
            LOG.info(String.format("benign-%03d order=%d status=ok", ++benign, benign));
        } finally {
            server.stop(0);
        }
    }

    /**
     * A JSON body whose {@code api_key} value starts {@code cut} characters before the first 4 KiB
     * boundary, and whose {@code password} value stands on the line after its name.
     */
    static byte[] body(String key, String password, int cut) {
        String head = "{\"batch\":\"orders\",\"note\":\"";
        String keyField = "\",\"api_key\":\"";
        StringBuilder sb = new StringBuilder(head);
        while (sb.length() + keyField.length() < WRITE - cut) {
            sb.append("lorem ipsum ");
        }
        sb.setLength(WRITE - cut - keyField.length());
        sb.append(keyField).append(key).append("\",\"password\":\n\"").append(password).append("\",\"items\":3,\"trailer\":\"");
        // more than two writes in all: the client's 8 KiB session buffer flushes at the second write
        while (sb.length() < 3 * WRITE) {
            sb.append("dolor sit amet ");
        }
        sb.append("\"}\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static void apache4(String url, byte[] body, String key1, String key2, String hexKey) throws Exception {
        try (org.apache.http.impl.client.CloseableHttpClient client = org.apache.http.impl.client.HttpClients.createDefault()) {
            org.apache.http.client.methods.HttpPost post = new org.apache.http.client.methods.HttpPost(url);
            post.setHeader("Authorization", "Bearer " + key1);
            post.setHeader("x-api-key", key2);
            post.setHeader("api-key", hexKey);
            post.setEntity(new org.apache.http.entity.InputStreamEntity(new ByteArrayInputStream(body), body.length,
                    org.apache.http.entity.ContentType.APPLICATION_JSON));
            try (org.apache.http.client.methods.CloseableHttpResponse response = client.execute(post)) {
                org.apache.http.util.EntityUtils.consume(response.getEntity());
            }
        }
    }

    static void apache5(String url, byte[] body, String key1, String key2, String hexKey) throws Exception {
        try (org.apache.hc.client5.http.impl.classic.CloseableHttpClient client =
                     org.apache.hc.client5.http.impl.classic.HttpClients.createDefault()) {
            org.apache.hc.client5.http.classic.methods.HttpPost post = new org.apache.hc.client5.http.classic.methods.HttpPost(url);
            post.setHeader("Authorization", "Bearer " + key1);
            post.setHeader("x-api-key", key2);
            post.setHeader("api-key", hexKey);
            post.setEntity(new org.apache.hc.core5.http.io.entity.InputStreamEntity(new ByteArrayInputStream(body), body.length,
                    org.apache.hc.core5.http.ContentType.APPLICATION_JSON));
            client.execute(post, response -> {
                org.apache.hc.core5.http.io.entity.EntityUtils.consume(response.getEntity());
                return null;
            });
        }
    }

    static void okhttp(String url, byte[] body, String key1, String key2, String hexKey, HttpLoggingInterceptor.Level level)
            throws Exception {
        Logger wire = LoggerFactory.getLogger("okhttp3.logging");
        HttpLoggingInterceptor logging = new HttpLoggingInterceptor(wire::debug);
        logging.setLevel(level);
        OkHttpClient client = new OkHttpClient.Builder().addInterceptor(logging).build();
        okhttp3.Request request = new okhttp3.Request.Builder().url(url)
                .header("Authorization", "Bearer " + key1).header("x-api-key", key2).header("api-key", hexKey)
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (okhttp3.Response response = client.newCall(request).execute()) {
            response.body().string();
        }
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        client.dispatcher().executorService().awaitTermination(5, TimeUnit.SECONDS);
    }
}
