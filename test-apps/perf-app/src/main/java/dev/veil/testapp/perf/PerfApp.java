package dev.veil.testapp.perf;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workloads of the whole-process benchmark harness ({@code dev.veil.benchmarks.process.ProcessHarness}),
 * an ordinary application that knows nothing of any agent. One mode per run; the last line printed is
 * {@code RESULT key=value ...}:
 * <ul>
 *   <li>{@code startup}: loads Logback (file appender), OkHttp and the JDK HttpClient and makes one chat
 *       call with each to the local fake server: a realistic start-up;</li>
 *   <li>{@code latency clean|findings|other WARMUP CALLS}: a loop of 8 KB POSTs with the JDK HttpClient over
 *       keep-alive (a chat request without findings, with ten findings, or a non-LLM request), timing each
 *       call in-process: {@code p50Us}, {@code p99Us}, and {@code leaked} (requests whose planted values
 *       reached the server);</li>
 *   <li>{@code stream TTFB_CALLS MB}: time to first byte of short SSE streams ({@code ttfbUs}, median), then
 *       one stream of MB megabytes read to the end, with the heap still in use after a full GC at 90 % of
 *       it ({@code retainedHeapMiB}) and the read rate;</li>
 *   <li>{@code logging EVENTS}: that many INFO events through Logback's file appender: {@code eventsPerSec}.</li>
 * </ul>
 * Every mode also reports {@code heapPeakMiB}, the sum of the heap pools' peak usage.
 */
public final class PerfApp {

    private static final String MODEL = "gpt-4o-mini";
    private static final int BODY_BYTES = 8 * 1024;

    public static void main(String[] args) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        switch (args[0]) {
            case "startup":
                startup(result);
                break;
            case "latency":
                latency(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), result);
                break;
            case "stream":
                stream(Integer.parseInt(args[1]), Integer.parseInt(args[2]), result);
                break;
            case "logging":
                logging(Integer.parseInt(args[1]), result);
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        result.put("heapPeakMiB", heapPeakMiB());
        StringBuilder line = new StringBuilder("RESULT");
        for (Map.Entry<String, Object> e : result.entrySet()) {
            Object v = e.getValue();
            line.append(' ').append(e.getKey()).append('=')
                    .append(v instanceof Double ? String.format(Locale.ROOT, "%.3f", (Double) v) : v);
        }
        System.out.println(line);
    }

    private static void startup(Map<String, Object> result) throws Exception {
        Logger log = LoggerFactory.getLogger(PerfApp.class);
        log.info("starting");
        FakeLlmServer server = FakeLlmServer.start();
        try {
            byte[] body = chatBody(new Random(1), 0, false).getBytes(StandardCharsets.UTF_8);
            OkHttpClient ok = new OkHttpClient();
            Request request = new Request.Builder().url(server.uri("/v1/chat/completions").toString())
                    .post(RequestBody.create(body, MediaType.get("application/json"))).build();
            try (Response response = ok.newCall(request).execute()) {
                result.put("okhttpStatus", response.code());
                response.body().bytes();
            }
            ok.dispatcher().executorService().shutdown();
            ok.connectionPool().evictAll();
            HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<byte[]> r = jdk.send(post(server, "/v1/chat/completions", body), HttpResponse.BodyHandlers.ofByteArray());
            result.put("jdkStatus", r.statusCode());
            log.info("done: {} {}", result.get("okhttpStatus"), r.statusCode());
        } finally {
            server.stop();
        }
    }

    private static void latency(String kind, int warmup, int calls, Map<String, Object> result) throws Exception {
        FakeLlmServer server = FakeLlmServer.start();
        try {
            Random random = new Random(42);
            List<String> planted = new ArrayList<>();
            String path = "/v1/chat/completions";
            String text;
            if (kind.equals("clean")) {
                text = chatBody(random, 0, false);
            } else if (kind.equals("findings")) {
                text = chatBody(random, 10, false);
                planted.addAll(plantedValues(new Random(42), 10));
            } else if (kind.equals("other")) {
                path = "/api/orders";
                text = "{\"order\":\"A-1001\",\"note\":\"" + prose(random, BODY_BYTES - 40) + "\"}";
            } else {
                throw new IllegalArgumentException("unknown latency kind " + kind);
            }
            server.watch(planted);
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = post(server, path, body);
            for (int i = 0; i < warmup; i++) {
                client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
            int leakedBefore = server.leaked();
            long[] nanos = new long[calls];
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                nanos[i] = System.nanoTime() - start;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("status " + r.statusCode());
                }
            }
            Arrays.sort(nanos);
            result.put("bodyBytes", body.length);
            result.put("p50Us", nanos[calls / 2] / 1000.0);
            result.put("p99Us", nanos[Math.min(calls - 1, (int) Math.ceil(calls * 0.99) - 1)] / 1000.0);
            result.put("leaked", server.leaked() - leakedBefore);
            result.put("planted", planted.isEmpty() ? 0 : calls);
        } finally {
            server.stop();
        }
    }

    private static void stream(int ttfbCalls, int megabytes, Map<String, Object> result) throws Exception {
        FakeLlmServer server = FakeLlmServer.start();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            byte[] body = chatBody(new Random(7), 0, true).getBytes(StandardCharsets.UTF_8);
            byte[] buffer = new byte[64 * 1024];
            long[] ttfb = new long[ttfbCalls];
            for (int i = 0; i < ttfbCalls; i++) {
                long start = System.nanoTime();
                HttpResponse<InputStream> r = client.send(post(server, "/v1/chat/completions?bytes=65536", body),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    if (in.read() < 0) {
                        throw new IllegalStateException("empty stream");
                    }
                    ttfb[i] = System.nanoTime() - start;
                    while (in.read(buffer) >= 0) {
                        // drain
                    }
                }
            }
            Arrays.sort(ttfb);
            result.put("ttfbUs", ttfb[ttfbCalls / 2] / 1000.0);

            long total = megabytes * 1024L * 1024L;
            long start = System.nanoTime();
            HttpResponse<InputStream> r = client.send(post(server, "/v1/chat/completions?bytes=" + total, body),
                    HttpResponse.BodyHandlers.ofInputStream());
            long read = 0;
            long mark = total * 9 / 10;
            double retained = -1;
            try (InputStream in = r.body()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    read += n;
                    if (retained < 0 && read >= mark) {
                        retained = liveHeapMiB();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            result.put("streamMiB", read / (1024.0 * 1024.0));
            result.put("streamMiBPerSec", read / (1024.0 * 1024.0) / seconds);
            result.put("retainedHeapMiB", retained);
        } finally {
            server.stop();
        }
    }

    private static void logging(int events, Map<String, Object> result) {
        Logger log = LoggerFactory.getLogger("dev.veil.perf.orders");
        int warmup = Math.max(1000, events / 10);
        for (int i = 0; i < warmup; i++) {
            log.info("order {} shipped to warehouse {} in {} ms", i, "berlin-3", 17);
        }
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            log.info("order {} shipped to warehouse {} in {} ms", i, "berlin-3", 17);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        result.put("events", events);
        result.put("eventsPerSec", events / seconds);
    }

    private static HttpRequest post(FakeLlmServer server, String path, byte[] body) {
        return HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /**
     * An OpenAI chat request of about 8 KB: a system message and a user message of ordinary prose, with
     * {@code findings} planted values (e-mail addresses and API-key shapes, generated from a seed) spread
     * through it.
     */
    static String chatBody(Random random, int findings, boolean stream) {
        List<String> values = plantedValues(new Random(42), findings);
        StringBuilder user = new StringBuilder();
        int plantedLength = 0;
        for (String v : values) {
            plantedLength += v.length() + 20;
        }
        int per = Math.max(0, (BODY_BYTES - 200 - plantedLength) / (findings + 1));
        for (int i = 0; i <= findings; i++) {
            user.append(prose(random, per));
            if (i < findings) {
                user.append(i % 2 == 0 ? " write to " : " the key is ").append(values.get(i)).append(" and ");
            }
        }
        return "{\"model\":\"" + MODEL + "\"," + (stream ? "\"stream\":true," : "")
                + "\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},"
                + "{\"role\":\"user\",\"content\":\"" + user + "\"}]}";
    }

    /** Key-shaped and PII values generated at run time: nothing realistic is committed. */
    static List<String> plantedValues(Random random, int n) {
        String alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            if (i % 2 == 0) {
                sb.append("user.");
                for (int k = 0; k < 8; k++) {
                    sb.append((char) ('a' + random.nextInt(26)));
                }
                sb.append("@example.com");
            } else {
                sb.append("sk-").append("proj-");
                for (int k = 0; k < 74; k++) {
                    sb.append(alnum.charAt(random.nextInt(alnum.length())));
                }
                sb.append("T3Blbk").append("FJ");
                for (int k = 0; k < 74; k++) {
                    sb.append(alnum.charAt(random.nextInt(alnum.length())));
                }
            }
            values.add(sb.toString());
        }
        return values;
    }

    private static final String[] WORDS = ("the quarterly report shows steady growth in every region while returns "
            + "stayed low and the team plans to expand the warehouse network next spring please summarise the "
            + "main points for the board and suggest three questions they might ask about costs").split(" ");

    private static String prose(Random random, int length) {
        StringBuilder sb = new StringBuilder(Math.max(0, length) + 16);
        while (sb.length() < length) {
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(sb.length() % 97 < 8 ? ". " : " ");
        }
        sb.setLength(Math.max(0, length));
        return sb.toString();
    }

    private static double liveHeapMiB() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    private static double heapPeakMiB() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / (1024.0 * 1024.0);
    }
}
