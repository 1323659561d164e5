package dev.veil.agent.call;

import dev.veil.agent.llm.EndpointMatch;
import dev.veil.agent.llm.RequestInfo;
import dev.veil.agent.llm.ResponseInfo;
import dev.veil.agent.llm.ResponseParser;
import dev.veil.agent.llm.ResponseParsers;
import dev.veil.agent.llm.stream.OpenAiUsageStripper;
import dev.veil.agent.testing.FaultInjection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CancellationException;

/**
 * One LLM call, from the moment its request was inspected to the end of its response: what was decided
 * (once, by {@code AgentHooks}) and what the response said. Spans, metrics, the audit log and the agent
 * log all read this record; nothing else is kept about a call.
 *
 * <p>The response is fed by the client glue as the application reads it; a call ends exactly once —
 * at the end of the body, on an error, or when the application cancels or closes the stream early.
 */
public final class CallRecord {

    /** What Veil did to the request ({@code veil.action}). */
    public enum Action {
        REDACTED, BLOCKED, AUDITED, PASSED;

        public String attributeValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final EndpointMatch endpoint;
    private final RequestInfo request;
    private final Action action;
    private final SortedMap<String, Integer> findings;
    private final String traceparent;
    private final long startNanos;
    private final long startEpochNanos;
    private final ResponseFilter filter;
    private final CallListener listener;

    private volatile Object attachment;
    private volatile SortedMap<String, java.util.SortedSet<String>> fingerprints =
            Collections.<String, java.util.SortedSet<String>>emptySortedMap();
    private volatile String veilError;
    private Map<String, String> requestHeaders = Collections.emptyMap();
    private byte[] sentBody;
    private String sentEncoding;
    private int captureChars;

    private ResponseParser parser;
    /** The filter applies to this response: it is an uncompressed event stream (what the stripper can edit). */
    private volatile boolean filtering;
    /** The response parser threw: it is not called again; the call ends and is reported without response facts. */
    private boolean parserFailed;
    private int status = -1;
    private boolean ended;
    private Throwable failure;
    private long endNanos;

    public CallRecord(EndpointMatch endpoint, RequestInfo request, Action action, SortedMap<String, Integer> findings,
                      String traceparent, ResponseFilter filter, CallListener listener) {
        this.endpoint = endpoint;
        this.request = request;
        this.action = action;
        this.findings = findings == null ? Collections.<String, Integer>emptySortedMap() : findings;
        this.traceparent = traceparent;
        this.startNanos = System.nanoTime();
        this.startEpochNanos = System.currentTimeMillis() * 1000000L;
        this.filter = filter;
        this.listener = listener;
    }

    public synchronized void responseStarted(int status, String contentType, String contentEncoding) {
        if (ended || parser != null) {
            return;
        }
        this.status = status;
        filtering = filter != null && OpenAiUsageStripper.canStrip(contentType, contentEncoding);
        parser = ResponseParsers.forResponse(endpoint, request, contentType, contentEncoding, captureChars, startNanos);
        if (FaultInjection.ENABLED) {
            parser = FaultInjection.parser(parser, contentType);
        }
    }

    public synchronized void responseChunk(byte[] b, int off, int len) {
        if (!ended && parser != null && !parserFailed) {
            try {
                parser.onBytes(b, off, len);
            } catch (Throwable t) {
                parserFailed = true; // the call still ends and is reported, without response facts
            }
        }
    }

    /** The bytes the application reads instead of {@code b[off, off+len)}: the parser sees the original. */
    public byte[] filterChunk(byte[] b, int off, int len) {
        responseChunk(b, off, len);
        return filtering ? filter.filter(b, off, len) : copy(b, off, len);
    }

    public byte[] finishFilter() {
        return filtering ? filter.finish() : new byte[0];
    }

    /** Ends the call once; later calls are ignored. */
    public void end(Throwable failure) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            this.endNanos = System.nanoTime();
            if (parser != null && !parserFailed) {
                try {
                    parser.onEnd();
                } catch (Throwable t) {
                    parserFailed = true;
                }
            }
            this.failure = failure instanceof CancellationException && answerFinished() ? null : failure;
        }
        if (listener != null) {
            listener.callEnded(this);
        }
    }

    /**
     * The response carried the model's finish reason, so its answer was complete: a reader that closes the body
     * then (SDKs stop at {@code [DONE]}, {@code message_stop} or the end of a JSON document without reading to
     * end of stream) ended the call normally, not by cancelling it.
     */
    private boolean answerFinished() {
        if (parser == null || parserFailed) {
            return false;
        }
        try {
            ResponseInfo info = parser.result();
            return info != null && info.finishReasons() != null && !info.finishReasons().isEmpty();
        } catch (Throwable t) {
            parserFailed = true;
            return false;
        }
    }

    /**
     * Keeps the request body as sent (a reference, no copy; still in its Content-Encoding) and asks the
     * response parser to assemble up to {@code maxChars} of generated text. Only for opt-in content capture.
     */
    public synchronized void captureContent(byte[] body, String contentEncoding, int maxChars) {
        this.sentBody = body;
        this.sentEncoding = contentEncoding;
        this.captureChars = Math.max(0, maxChars);
    }

    /** The request body as sent, when content capture asked for it; otherwise null. */
    public synchronized byte[] sentBody() {
        return sentBody;
    }

    /** The Content-Encoding of {@link #sentBody()}, or null. */
    public synchronized String sentEncoding() {
        return sentEncoding;
    }

    /** A listener's per-call state (e.g. the open span); one slot, owned by the telemetry listener. */
    public void attach(Object state) {
        this.attachment = state;
    }

    public Object attachment() {
        return attachment;
    }

    /** Asks the client glue to add (or replace) a header on the outgoing request; only during {@code callStarted}. */
    public synchronized void addRequestHeader(String name, String value) {
        if (requestHeaders.isEmpty()) {
            requestHeaders = new LinkedHashMap<String, String>(2);
        }
        requestHeaders.put(name, value);
    }

    /** Headers listeners asked to add to the outgoing request (never null). */
    public synchronized Map<String, String> requestHeaders() {
        return requestHeaders;
    }

    public EndpointMatch endpoint() {
        return endpoint;
    }

    public RequestInfo request() {
        return request;
    }

    public Action action() {
        return action;
    }

    /** Detector id → number of findings in the request (ids and counts only, never values). */
    public SortedMap<String, Integer> findings() {
        return findings;
    }

    /** Detector id -> HMAC fingerprints of the values found (only when a listener {@link CallListener#wantsFingerprints wants them}). */
    public SortedMap<String, java.util.SortedSet<String>> fingerprints() {
        return fingerprints;
    }

    public void fingerprints(SortedMap<String, java.util.SortedSet<String>> byDetector) {
        this.fingerprints = byDetector;
    }

    /**
     * Why Veil could not inspect this call ({@code veil.failure} applied: blocked when closed, sent
     * uninspected when open): a fixed description and the failure's class, never a message or a value; else null.
     */
    public String veilError() {
        return veilError;
    }

    public void veilError(String description) {
        this.veilError = description;
    }

    public int findingCount() {
        int n = 0;
        for (Integer c : findings.values()) {
            n += c;
        }
        return n;
    }

    /** The request's W3C {@code traceparent} header, or null. */
    public String traceparent() {
        return traceparent;
    }

    public long startNanos() {
        return startNanos;
    }

    /** Wall-clock start in nanoseconds since the epoch (millisecond precision). */
    public long startEpochNanos() {
        return startEpochNanos;
    }

    public synchronized long durationNanos() {
        return (ended ? endNanos : System.nanoTime()) - startNanos;
    }

    /** HTTP status, or -1 when no response arrived. */
    public synchronized int status() {
        return status;
    }

    public synchronized boolean ended() {
        return ended;
    }

    /** Why the call failed (transport error, cancellation, early close), or null. */
    public synchronized Throwable failure() {
        return failure;
    }

    /** What the response said so far; null when no response arrived. */
    public synchronized ResponseInfo response() {
        if (parser == null || parserFailed) {
            return null;
        }
        try {
            return parser.result();
        } catch (Throwable t) {
            parserFailed = true;
            return null;
        }
    }

    private static byte[] copy(byte[] b, int off, int len) {
        byte[] out = new byte[len];
        System.arraycopy(b, off, out, 0, len);
        return out;
    }
}
