package dev.veil.instrumentation.huc;

import dev.veil.bootstrap.PromptTooLargeException;
import dev.veil.bootstrap.RequestVerdict;
import dev.veil.bootstrap.Veil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CancellationException;

/**
 * Glue for {@code HttpURLConnection}, in the boot loader (the instrumented class is in {@code java.base}).
 * Calls the engine only through {@link Veil}. Connections to other endpoints cost one endpoint lookup and
 * leave no state; their bodies are never read.
 */
public final class HucRequests {

    /** The LLM calls Veil follows, by connection; weak, so an abandoned connection takes its entry with it. */
    private static final Map<HttpURLConnection, HucCall> CALLS =
            Collections.synchronizedMap(new WeakHashMap<HttpURLConnection, HucCall>());

    /** How deep this thread is in {@code getInputStream()} calls (the JDK nests them). */
    private static final ThreadLocal<int[]> DEPTH = new ThreadLocal<int[]>();

    private HucRequests() {
    }

    public static void enterGetInputStream() {
        int[] depth = DEPTH.get();
        if (depth == null) {
            depth = new int[1];
            DEPTH.set(depth);
        }
        depth[0]++;
    }

    /** True when the outermost {@code getInputStream()} of this thread is returning. */
    public static boolean exitGetInputStream() {
        int[] depth = DEPTH.get();
        if (depth == null) {
            return true;
        }
        depth[0] = Math.max(0, depth[0] - 1);
        return depth[0] == 0;
    }

    /**
     * Called as the request is about to be written. Returns null (send it as it is), the bytes to send
     * instead, or the IOException to fail the send with. Never throws.
     */
    public static Object beforeSend(HttpURLConnection connection, ByteArrayOutputStream buffered, boolean streaming) {
        Object endpoint = match(connection);
        if (endpoint == null || CALLS.containsKey(connection)) {
            // Not an LLM endpoint, or a retry/redirect/authentication round whose body Veil already chose.
            return null;
        }
        RequestVerdict verdict;
        try {
            if (streaming) {
                // setFixedLengthStreamingMode/setChunkedStreamingMode: the app writes straight to the socket.
                verdict = Veil.interceptionFailed(endpoint, new IllegalStateException(
                        "HttpURLConnection streaming mode: the body cannot be held back for inspection"));
            } else {
                if (buffered.size() > Veil.maxPromptBytes()) {
                    throw new PromptTooLargeException(Veil.maxPromptBytes());
                }
                verdict = Veil.inspectRequest(endpoint, buffered.toByteArray(),
                        connection.getRequestProperty("Content-Encoding"), connection.getRequestProperty("traceparent"),
                        false);
            }
        } catch (Throwable t) {
            verdict = Veil.interceptionFailed(endpoint, t);
        }
        if (verdict.isBlock()) {
            return new IOException(verdict.message());
        }
        if (verdict.call() != null) {
            CALLS.put(connection, new HucCall(verdict.call(), verdict.headersToAdd()));
        }
        return verdict.isRewrite() ? verdict.body() : null;
    }

    /**
     * Headers to set on the request {@link #beforeSend} just let go (name, value, name, value...); empty when
     * none. The advice sets them, from inside {@code java.base}, on the JDK's own request header list.
     */
    public static String[] headersToAdd(HttpURLConnection connection) {
        HucCall call = CALLS.get(connection);
        if (call == null || call.headers.isEmpty()) {
            return NO_HEADERS;
        }
        String[] out = new String[call.headers.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> header : call.headers.entrySet()) {
            out[i++] = header.getKey();
            out[i++] = header.getValue();
        }
        return out;
    }

    private static final String[] NO_HEADERS = new String[0];

    /** The stream the app reads: the same one for a connection Veil does not follow, else the tee. Never throws. */
    public static InputStream responseBody(HttpURLConnection connection, InputStream body) {
        HucCall call = CALLS.get(connection);
        if (call == null || body == null) {
            return body;
        }
        TeeInputStream tee;
        synchronized (call) {
            if (call.stream != null) {
                return call.stream;
            }
            tee = new TeeInputStream(body, call.handle);
            call.stream = tee;
        }
        try {
            // These read the headers through getInputStream, which now returns the tee.
            Veil.responseStarted(call.handle, connection.getResponseCode(), connection.getContentType(),
                    connection.getContentEncoding());
        } catch (Throwable t) {
            // bookkeeping only
        }
        return tee;
    }

    /** The response could not be read (an error status, a timeout, a refused connection): the call is over. */
    public static void failed(HttpURLConnection connection, Throwable failure) {
        HucCall call = CALLS.remove(connection);
        if (call != null) {
            Veil.callEnded(call.handle, failure);
        }
    }

    /** The app disconnected: a call whose body was not read to its end is over. */
    public static void disconnected(HttpURLConnection connection) {
        HucCall call = CALLS.remove(connection);
        if (call != null) {
            // Ignored by the agent when the tee already ended the call.
            Veil.callEnded(call.handle, new CancellationException("the application disconnected before the end of the body"));
        }
    }

    private static Object match(HttpURLConnection connection) {
        URL url = connection.getURL();
        return Veil.matchEndpoint(connection.getRequestMethod(), url.getProtocol(), url.getHost(), url.getPort(),
                url.getPath(), url.getQuery());
    }
}
