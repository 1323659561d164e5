package dev.veil.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load with redaction on: 64 threads x 10 000 LLM calls (640 000) through the JDK HttpClient and through
 * OkHttp, each in a child JVM with the agent, against a local server that answers every call with a small
 * JSON body depending on the call's index (keep-alive; cheap calls, so the full size fits the build).
 *
 * <p>Asserted: 0 failed calls; the app's answers are byte-identical to a run without the agent (the XOR of
 * SHA-256(index, status, body) over all calls equals the digest of the server's answers, which a run
 * without the agent reproduces: checked on 64 x 200 calls); every prompt reached the server without its
 * planted key and e-mail address (0 leaks, 640 000 received); and the heap is flat: bytes used after a full
 * GC at the end are within 16 MiB of the figure after warm-up (5% of the calls).
 */
class LoadIT {
    static final int THREADS = 64;
    static final int CALLS = Integer.getInteger("veil.load.calls", 10_000);
    static final int BASELINE_CALLS = 200;
    static final long HEAP_SLACK = 16L << 20;

    private static final Pattern INDEX = Pattern.compile("Call #(\\d+):");
    private static final Pattern LOAD = Pattern.compile(
            "LOAD calls=(\\d+) ok=(\\d+) failed=(\\d+) digest=([0-9a-f]{64}) ms=(\\d+) heapAfterWarmup=(\\d+) heapAtEnd=(\\d+) retried=(\\d+).*");
    /**
     * Calls the app may retry once after a transport IOException. The JDK HttpClient drops about one call in
     * 70 000 against this server with "header parser received no bytes" WITHOUT any agent too (measured:
     * 9 and 10 of 640 000 on JDK 17, 7 on Temurin 25, no agent), so a retry is the app's business, not a
     * Veil fault; a Veil fault would show as more retries than this, a garbled answer or a leak.
     */
    static final long MAX_RETRIED_PER_MILLION = 100;

    @TempDir
    Path tmp;

    @Test
    void jdkHttpClient() throws Exception {
        load("jdk-httpclient", ChildJvm.testAppJar("jdk-httpclient-app", "jdk-httpclient-app.jar"));
    }

    @Test
    void okHttp() throws Exception {
        load("okhttp-4.12.0", ChildJvm.testAppJar("okhttp-app/v4", "okhttp-app-v4.jar"));
    }

    private void load(String label, Path app) throws Exception {
        TestSecrets secrets = new TestSecrets(label.hashCode());
        String key = secrets.openAiKey();
        String email = secrets.email();
        Path body = Files.writeString(tmp.resolve("load.json"), ChatBodies.chat("Call #%i%: mail " + email + " the key " + key));
        try (LoadServer server = new LoadServer(key, email)) {
            String url = server.url("/v1/chat/completions");
            Matcher baseline = result(ChildJvm.on(Jdks.current()).withoutAgent()
                    .runJar(app, url, "load-" + THREADS + "x" + BASELINE_CALLS, body.toString()));
            assertEquals(expectedDigest(BASELINE_CALLS), baseline.group(4),
                    "without the agent the app reads exactly the server's answers (the digest below is theirs)");
            server.reset();

            ChildJvm.Result veiled = ChildJvm.on(Jdks.current()).jvmArg("-Xmx256m").timeoutSeconds(900)
                    .runJar(app, url, "load-" + THREADS + "x" + CALLS, body.toString());
            Matcher m = result(veiled);
            long calls = (long) THREADS * CALLS;
            long ms = Long.parseLong(m.group(5));
            long warm = Long.parseLong(m.group(6));
            long end = Long.parseLong(m.group(7));
            System.out.printf("[load] %s: %d calls with the agent (redact) in %d ms (%.0f calls/s), %s failed; "
                    + "heap used after GC: %.1f MiB after warm-up, %.1f MiB at the end; server got %d, leaks %d, "
                    + "malformed %d (%s), retried %s%n",
                    label, calls, ms, calls * 1000.0 / Math.max(1, ms), m.group(3), warm / 1048576.0, end / 1048576.0,
                    server.received.get(), server.leaks.get(), server.broken.get(), server.firstBroken.get(), m.group(8));
            assertEquals(String.valueOf(calls), m.group(1));
            assertEquals(0, server.broken.get(), () -> "the server got a malformed request: " + server.firstBroken.get());
            assertEquals("0", m.group(3), veiled::toString);
            assertEquals(String.valueOf(calls), m.group(2), veiled::toString);
            assertEquals(expectedDigest(CALLS), m.group(4), "an answer was lost or garbled with the agent");
            long retried = Long.parseLong(m.group(8));
            assertTrue(retried * 1_000_000 <= calls * MAX_RETRIED_PER_MILLION, () -> retried + " calls retried\n" + veiled);
            long received = server.received.get();
            assertTrue(received >= calls && received <= calls + retried, "the server got " + received + " requests for "
                    + calls + " calls and " + retried + " retries");
            assertEquals(0, server.leaks.get(), "a planted value reached the server");
            assertEquals(0, server.unindexed.get(), "a prompt lost its call number");
            assertTrue(end <= warm + HEAP_SLACK, "the heap grew: " + warm + " bytes after warm-up, " + end + " at the end");
            assertTrue(veiled.agentLines().stream().noneMatch(l -> l.contains("WARN") || l.contains("ERROR")), veiled::toString);
            JdkHttpClientIT.assertNoSecretIn(veiled, key, email);
        }
    }

    private static Matcher result(ChildJvm.Result run) {
        Matcher m = LOAD.matcher(run.line("LOAD"));
        assertTrue(m.matches(), run::toString);
        return m;
    }

    /** What the app reads without the agent: the server's answer for every index, as the app digests it. */
    private static String expectedDigest(int callsPerThread) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] acc = new byte[32];
        for (long i = 0; i < (long) THREADS * callsPerThread; i++) {
            byte[] d = sha.digest((i + "\n200\n" + LoadServer.answer(i)).getBytes(StandardCharsets.UTF_8));
            for (int k = 0; k < 32; k++) {
                acc[k] ^= d[k];
            }
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : acc) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    /**
     * Answers each call by its index and counts what it got; keeps nothing. A minimal HTTP/1.1 keep-alive
     * server (a thread per connection, {@code TCP_NODELAY}, the answer written in one piece), so the calls
     * are cheap and no delayed-ACK stall paces them.
     */
    static final class LoadServer implements AutoCloseable {
        final AtomicLong received = new AtomicLong();
        final AtomicLong leaks = new AtomicLong();
        final AtomicLong unindexed = new AtomicLong();
        /** Requests the server could not parse (it then closes the connection, as servers do). */
        final AtomicLong broken = new AtomicLong();
        final java.util.concurrent.atomic.AtomicReference<String> firstBroken = new java.util.concurrent.atomic.AtomicReference<>();
        private final ServerSocket socket;
        private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "load-server");
            t.setDaemon(true);
            return t;
        });
        private final String[] planted;

        LoadServer(String... planted) throws IOException {
            this.planted = planted;
            socket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
            executor.execute(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        s.setTcpNoDelay(true);
                        executor.execute(() -> serve(s));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        static String answer(long index) {
            return "{\"id\":\"chatcmpl-" + index + "\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok " + index
                    + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2}}";
        }

        private void serve(Socket s) {
            try (Socket c = s; InputStream in = new BufferedInputStream(c.getInputStream()); OutputStream out = c.getOutputStream()) {
                while (true) {
                    long length = -1;
                    boolean chunked = false;
                    String line = readLine(in);
                    if (line == null) {
                        return;
                    }
                    while (!(line = readLine(in)).isEmpty()) {
                        String lower = line.toLowerCase(java.util.Locale.ROOT);
                        if (lower.startsWith("content-length:")) {
                            length = Long.parseLong(line.substring(15).trim());
                        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                            chunked = true;
                        }
                    }
                    byte[] body = chunked ? readChunked(in) : in.readNBytes((int) Math.max(0, length));
                    handle(new String(body, StandardCharsets.UTF_8), out);
                }
            } catch (java.net.SocketException gone) {
                // the client closed the connection
            } catch (IOException | RuntimeException e) {
                broken.incrementAndGet();
                firstBroken.compareAndSet(null, e.toString());
            }
        }

        private void handle(String body, OutputStream out) throws IOException {
            received.incrementAndGet();
            for (String p : planted) {
                if (body.contains(p)) {
                    leaks.incrementAndGet();
                }
            }
            Matcher m = INDEX.matcher(body);
            long index = -1;
            if (m.find()) {
                index = Long.parseLong(m.group(1));
            } else {
                unindexed.incrementAndGet();
            }
            byte[] reply = answer(index).getBytes(StandardCharsets.UTF_8);
            byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + reply.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] all = new byte[head.length + reply.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(reply, 0, all, head.length, reply.length);
            out.write(all);
            out.flush();
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder sb = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    int n = sb.length();
                    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
                }
                sb.append((char) b);
            }
            if (sb.length() == 0) {
                return null;
            }
            throw new IOException("cut line");
        }

        private static byte[] readChunked(InputStream in) throws IOException {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16);
                if (size == 0) {
                    readLine(in);
                    return all.toByteArray();
                }
                all.write(in.readNBytes(size));
                readLine(in);
            }
        }

        String url(String path) {
            return "http://127.0.0.1:" + socket.getLocalPort() + path;
        }

        void reset() {
            received.set(0);
            leaks.set(0);
            unindexed.set(0);
            broken.set(0);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            executor.shutdownNow();
        }
    }
}
