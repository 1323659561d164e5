package dev.veil.testapp.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

/**
 * The protocol every client test app speaks, so one conformance suite drives them all. An app implements
 * the four calls below with its HTTP client, the way ordinary apps do; this class turns a scenario into
 * calls and prints what the app saw.
 *
 * <p>Arguments: {@code <url> <mode> <body-file> ["Name: value"]} for one scenario (the optional
 * header is added to the request, e.g. a {@code Content-Encoding}), or {@code --batch <file>} where each
 * line is {@code id<TAB>url<TAB>mode<TAB>body-file}; in a batch every output line starts with {@code id }.
 *
 * <p>Modes: {@code sync} ({@code send}), {@code async} ({@code sendAsync}), {@code chunked}
 * ({@code inputStream}: no length), {@code gzip} (gzip body, {@code Content-Encoding: gzip}),
 * {@code stream} (reads 7 bytes at a time), {@code timeout} (1 s read timeout, reads a stream),
 * {@code early-close} (closes the stream after its first line), {@code cancel} (cancels the call after
 * the first line), {@code abandon} (reads the status only, cancels, closes the unread body), {@code retry} (sends the same request object again after a 5xx),
 * {@code concurrent-N} (N sync calls at once; {@code %i%} in the body becomes the call's index),
 * {@code interrupted} (a sync call on a thread already interrupted), {@code interrupt-late} (a sync call whose
 * thread is interrupted 200 ms in); both then print {@code INTERRUPTED} and clear the flag;
 * {@code load-TxC} (T threads, C sync calls each, variant {@code load}; {@code %i%} becomes the call's index;
 * prints {@code LOAD calls= ok= failed= digest= ms= heapAfterWarmup= heapAtEnd=}: the digest is the XOR of
 * SHA-256(index, status, body) over all calls, so any lost, failed or garbled answer changes it, and the heap
 * figures are bytes used after a full GC once 5% of the calls are done and at the end; {@code retried=} counts calls
 * retried once after an IOException, as applications retry a dropped keep-alive connection).
 * Any other mode is a sync call whose {@link RequestSpec#variant} names it (app-specific variants).
 *
 * <p>Output: {@code STATUS n}, {@code BODY text}, {@code STREAM base64}, {@code CLOSED},
 * {@code CANCELLED}, {@code ABANDONED}, {@code ATTEMPTS n}, {@code CONCURRENT ok=n}, or {@code ERROR class: message}.
 */
public abstract class ConformanceApp {

    /** Builds the client's request object once (a retry sends it again). */
    protected abstract Object build(RequestSpec spec) throws Exception;

    /** Sends it and reads the whole body as text, blocking. */
    protected abstract Reply execute(Object request) throws Exception;

    /** Sends it through the client's asynchronous API and waits for the text body. */
    protected abstract Reply executeAsync(Object request) throws Exception;

    /** Sends it and returns the body unread, as a stream. */
    protected abstract Streamed open(Object request) throws Exception;

    public final void runMain(String[] args) throws Exception {
        PrintStream out = System.out;
        if (args.length == 2 && "--batch".equals(args[0])) {
            for (String line : Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8)) {
                if (line.trim().isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t");
                for (String printed : scenario(f[1], f[2], Files.readAllBytes(Paths.get(f[3])))) {
                    out.println(f[0] + " " + printed);
                }
                out.flush();
            }
        } else {
            if (args.length > 3) {
                extraHeader = args[3];
            }
            for (String printed : scenario(args[0], args[1], Files.readAllBytes(Paths.get(args[2])))) {
                out.println(printed);
            }
        }
        out.flush();
        System.exit(0);
    }

    private List<String> scenario(String url, String mode, byte[] body) {
        List<String> lines = new ArrayList<>();
        try {
            run(url, mode, body, lines);
        } catch (Throwable t) {
            lines.add(error(t));
        }
        return lines;
    }

    private void run(String url, String mode, byte[] body, List<String> lines) throws Exception {
        if (mode.startsWith("load-")) {
            load(url, mode, body, lines);
            return;
        }
        if (mode.startsWith("concurrent-")) {
            concurrent(url, Integer.parseInt(mode.substring("concurrent-".length())), body, lines);
            return;
        }
        switch (mode) {
            case "sync":
            case "send":
                print(execute(build(spec(mode, url, body, false, false, 0))), lines);
                return;
            case "async":
            case "sendAsync":
                print(executeAsync(build(spec(mode, url, body, false, false, 0))), lines);
                return;
            case "chunked":
            case "inputStream":
                print(execute(build(spec(mode, url, body, true, false, 0))), lines);
                return;
            case "gzip":
                print(execute(build(spec(mode, url, body, false, true, 0))), lines);
                return;
            case "stream":
                stream(open(build(spec(mode, url, body, false, false, 0))), lines);
                return;
            case "timeout":
                stream(open(build(spec(mode, url, body, false, false, 1000))), lines);
                return;
            case "early-close":
            case "cancel":
                firstLineThenStop(open(build(spec(mode, url, body, false, false, 0))), "cancel".equals(mode), lines);
                return;
            case "abandon":
                abandon(open(build(spec(mode, url, body, false, false, 0))), lines);
                return;
            case "retry":
                retry(build(spec(mode, url, body, false, false, 0)), lines);
                return;
            case "interrupted":
            case "interrupt-late":
                interrupted(build(spec(mode, url, body, false, false, 0)), "interrupt-late".equals(mode), lines);
                return;
            default:
                print(execute(build(spec(mode, url, body, false, false, 0))), lines);
        }
    }

    /** One more request header, {@code "Name: value"}, from the optional 4th argument of a single run. */
    private String extraHeader;

    private RequestSpec spec(String mode, String url, byte[] body, boolean unknownLength, boolean gzip,
                             int readTimeoutMillis) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "Bearer test-token");
        if (extraHeader != null) {
            int colon = extraHeader.indexOf(':');
            headers.put(extraHeader.substring(0, colon).trim(), extraHeader.substring(colon + 1).trim());
        }
        byte[] bytes = body;
        if (gzip) {
            headers.put("Content-Encoding", "gzip");
            bytes = gzip(body);
        }
        return new RequestSpec(mode, url, bytes, headers, unknownLength, readTimeoutMillis);
    }

    private static void print(Reply reply, List<String> lines) {
        lines.add("STATUS " + reply.status);
        lines.add("BODY " + reply.body);
    }

    /** Reads the body the way streaming SDKs do: a small buffer at a time. */
    private static void stream(Streamed streamed, List<String> lines) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (InputStream in = streamed.body) {
            byte[] buffer = new byte[7];
            int n;
            while ((n = in.read(buffer)) != -1) {
                all.write(buffer, 0, n);
            }
        }
        lines.add("STATUS " + streamed.status);
        lines.add("STREAM " + Base64.getEncoder().encodeToString(all.toByteArray()));
    }

    private static void firstLineThenStop(Streamed streamed, boolean cancel, List<String> lines) throws IOException {
        lines.add("STATUS " + streamed.status);
        InputStream in = streamed.body;
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            // the first line only
        }
        if (cancel) {
            streamed.cancel.run();
            try {
                while (in.read() != -1) {
                    // a cancelled call either ends the stream or fails it
                }
            } catch (IOException expected) {
                // the client's way of saying the call was cancelled
            }
            in.close();
            lines.add("CANCELLED");
        } else {
            in.close();
            lines.add("CLOSED");
        }
    }

    /** Reads the status only, then gives the call up the client's way and closes the unread body. */
    private static void abandon(Streamed streamed, List<String> lines) throws IOException {
        lines.add("STATUS " + streamed.status);
        streamed.cancel.run();
        streamed.body.close();
        lines.add("ABANDONED");
    }

    private void retry(Object request, List<String> lines) throws Exception {
        Reply reply = execute(request);
        int attempts = 1;
        while (reply.status >= 500 && attempts < 3) {
            reply = execute(request);
            attempts++;
        }
        lines.add("ATTEMPTS " + attempts);
        print(reply, lines);
    }

    private void interrupted(Object request, boolean late, List<String> lines) throws Exception {
        Thread caller = Thread.currentThread();
        Thread interrupter = null;
        if (late) {
            interrupter = new Thread(() -> {
                try {
                    Thread.sleep(200);
                    caller.interrupt();
                } catch (InterruptedException ignored) {
                    // not needed any more
                }
            });
            interrupter.start();
        } else {
            caller.interrupt();
        }
        try {
            print(execute(request), lines);
        } catch (Throwable t) {
            lines.add(error(t));
        } finally {
            if (interrupter != null) {
                interrupter.interrupt();
                while (true) {
                    try {
                        interrupter.join();
                        break;
                    } catch (InterruptedException flagStillSet) {
                        // some clients (Reactor's block()) leave the flag set, or the late interrupt lands now
                    }
                }
            }
            Thread.interrupted();
            lines.add("INTERRUPTED");
        }
    }

    private void load(String url, String mode, byte[] body, List<String> lines) throws Exception {
        String[] size = mode.substring("load-".length()).split("x");
        final int threads = Integer.parseInt(size[0]);
        final int calls = Integer.parseInt(size[1]);
        final String template = new String(body, StandardCharsets.UTF_8);
        final int warm = Math.max(1, calls / 20);
        final byte[] digest = new byte[32];
        final java.util.concurrent.atomic.AtomicLong ok = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        final java.util.concurrent.atomic.AtomicLong retried = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicReference<String> firstRetried = new java.util.concurrent.atomic.AtomicReference<>();
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        long t0 = System.nanoTime();
        long heapAfterWarmup = 0;
        for (int phase = 0; phase < 2; phase++) {
            final int from = phase == 0 ? 0 : warm;
            final int to = phase == 0 ? warm : calls;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<byte[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int thread = t;
                parts.add(pool.submit(() -> {
                    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                    byte[] acc = new byte[32];
                    for (int c = from; c < to; c++) {
                        long index = (long) thread * calls + c;
                        byte[] own = template.replace("%i%", String.valueOf(index)).getBytes(StandardCharsets.UTF_8);
                        try {
                            Reply r;
                            try {
                                r = execute(build(spec("load", url, own, false, false, 0)));
                            } catch (java.io.IOException dropped) {
                                // A pooled keep-alive connection can fail a call with no response byte read (the JDK
                                // client does so about once in 70 000 calls here, with or without an agent): retried
                                // once, as applications do, and counted.
                                retried.incrementAndGet();
                                firstRetried.compareAndSet(null, error(dropped));
                                r = execute(build(spec("load", url, own, false, false, 0)));
                            }
                            if (r.status == 200) {
                                ok.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                                firstError.compareAndSet(null, "status " + r.status);
                            }
                            sha.update((index + "\n" + r.status + "\n" + r.body).getBytes(StandardCharsets.UTF_8));
                            byte[] d = sha.digest();
                            for (int i = 0; i < 32; i++) {
                                acc[i] ^= d[i];
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            firstError.compareAndSet(null, error(e));
                        }
                    }
                    return acc;
                }));
            }
            for (Future<byte[]> f : parts) {
                byte[] acc = f.get();
                for (int i = 0; i < 32; i++) {
                    digest[i] ^= acc[i];
                }
            }
            pool.shutdown();
            if (phase == 0) {
                heapAfterWarmup = usedAfterGc(memory);
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long heapAtEnd = usedAfterGc(memory);
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            hex.append(String.format("%02x", b));
        }
        lines.add("LOAD calls=" + (long) threads * calls + " ok=" + ok.get() + " failed=" + failed.get() + " digest=" + hex
                + " ms=" + ms + " heapAfterWarmup=" + heapAfterWarmup + " heapAtEnd=" + heapAtEnd + " retried=" + retried.get()
                + (firstRetried.get() == null ? "" : " firstRetried=" + firstRetried.get())
                + (firstError.get() == null ? "" : " firstError=" + firstError.get()));
    }

    private static long usedAfterGc(java.lang.management.MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void concurrent(String url, int n, byte[] body, List<String> lines) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            String template = new String(body, StandardCharsets.UTF_8);
            for (int i = 0; i < n; i++) {
                final byte[] own = template.replace("%i%", String.valueOf(i)).getBytes(StandardCharsets.UTF_8);
                replies.add(pool.submit(() -> execute(build(spec("sync", url, own, false, false, 0)))));
            }
            int ok = 0;
            for (Future<Reply> f : replies) {
                try {
                    Reply r = f.get();
                    if (r.status == 200) {
                        ok++;
                    } else {
                        lines.add("STATUS " + r.status);
                    }
                } catch (ExecutionException e) {
                    lines.add(error(e));
                }
            }
            lines.add("CONCURRENT ok=" + ok);
        } finally {
            pool.shutdownNow();
        }
    }

    static String error(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException
                || e instanceof InvocationTargetException) && e.getCause() != null) {
            e = e.getCause();
        }
        return "ERROR " + e.getClass().getName() + ": " + e.getMessage();
    }

    public static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        }
        return out.toByteArray();
    }

    /** Reads a stream to the end as UTF-8 text (for apps whose client hands out an InputStream). */
    public static String text(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            all.write(buffer, 0, n);
        }
        return new String(all.toByteArray(), StandardCharsets.UTF_8);
    }
}
