package dev.veil.agent.hooks;

import dev.veil.agent.call.CallListener;
import dev.veil.agent.call.CallRecord;
import dev.veil.agent.call.CallRecord.Action;
import dev.veil.agent.call.ExportGuard;
import dev.veil.agent.call.UsageStripFilter;
import dev.veil.agent.config.CoreSettings;
import dev.veil.agent.config.VeilConfig;
import dev.veil.agent.llm.EndpointMatch;
import dev.veil.agent.llm.EndpointRegistry;
import dev.veil.agent.llm.RequestInfo;
import dev.veil.agent.llm.RequestRewriter;
import dev.veil.agent.llm.RewriteResult;
import dev.veil.agent.log.VeilLog;
import dev.veil.agent.logs.ConsoleStreams;
import dev.veil.agent.logs.LogMasker;
import dev.veil.agent.redact.RedactionSession;
import dev.veil.agent.redact.Redactor;
import dev.veil.bootstrap.PromptTooLargeException;
import dev.veil.bootstrap.RequestVerdict;
import dev.veil.bootstrap.VeilHooks;
import java.util.Map;
import java.util.SortedMap;
import org.slf4j.Logger;

/**
 * The agent's implementation of the bootstrap hooks: the one place where a decision about an LLM
 * request is made (endpoint match → wire format → detectors → redact, block, audit or pass) and where
 * Veil's own failures become the configured failure policy. The endpoint registry and the detection
 * engine are built on first use, so a JVM that makes no LLM call never pays for them.
 */
public final class AgentHooks implements VeilHooks {

    private static final Logger LOG = VeilLog.get(AgentHooks.class);

    private final VeilConfig config;
    private final String mode;
    private final boolean failClosed;
    private final long maxPromptBytes;
    private final CallListener listener;
    private final boolean fingerprints;

    private final LogMasker logs;
    private volatile EndpointRegistry endpoints;

    public AgentHooks(VeilConfig config, CallListener listener) {
        this(config, listener, new LogMasker(config));
    }

    /** {@code logs}: the log masker, which owns the one detection engine prompts and logs share. */
    public AgentHooks(VeilConfig config, CallListener listener, LogMasker logs) {
        this.config = config;
        this.logs = logs;
        this.listener = listener;
        this.fingerprints = listener != null && listener.wantsFingerprints();
        this.mode = config.get(CoreSettings.PROMPT_MODE);
        this.failClosed = "closed".equals(config.get(CoreSettings.FAILURE));
        this.maxPromptBytes = config.get(CoreSettings.PROMPT_MAX_BYTES);
    }

    @Override
    public Object matchEndpoint(String method, String scheme, String host, int port, String rawPath, String rawQuery) {
        if (ExportGuard.active()) {
            return null; // Veil's own telemetry export: never an LLM call
        }
        return endpoints().match(method, scheme, host, port, rawPath, rawQuery);
    }

    @Override
    public RequestVerdict inspectRequest(Object endpoint, byte[] body, String contentEncoding, String traceparent,
                                         boolean canFilterResponse) {
        EndpointMatch match = (EndpointMatch) endpoint;
        if ("off".equals(mode) || body == null || body.length == 0) {
            CallRecord call = record(match, RequestInfo.fromMatch(match), Action.PASSED, null, traceparent, false);
            return send(call, body, contentEncoding, null, false);
        }
        if (body.length > maxPromptBytes) {
            return failure(match, "the request body is larger than veil.prompt.max-bytes", null, traceparent);
        }
        try {
            boolean rewrite = "redact".equals(mode);
            RedactionSession session = redactor().newSession(rewrite);
            if (fingerprints) {
                session.collectFingerprints();
            }
            RewriteResult result = RequestRewriter.rewrite(match, body, contentEncoding, session, rewrite && canFilterResponse);
            if (!result.recognized()) {
                // A generic API path on an unknown host whose body is not an LLM request: not an LLM call.
                return RequestVerdict.pass();
            }
            boolean filter = result.usageInjected();
            if (session.findingCount() == 0) {
                CallRecord call = record(match, result.info(), Action.PASSED, null, traceparent, filter);
                return send(call, result.body(), contentEncoding, result.changed() ? result.body() : null, filter);
            }
            SortedMap<String, Integer> counts = session.countsByDetector();
            String found = describe(counts);
            if ("block".equals(mode)) {
                LOG.info("blocked a {} {} request to {}: prompt holds {}", match.provider(), match.operation(),
                        match.serverAddress(), found);
                record(match, result.info(), Action.BLOCKED, session, traceparent, false).end(null);
                return RequestVerdict.block("veil: blocked: the prompt holds " + found);
            }
            if ("audit".equals(mode)) {
                LOG.info("audit: a {} {} request to {} holds {}; sent unchanged (veil.prompt.mode=audit)",
                        match.provider(), match.operation(), match.serverAddress(), found);
                CallRecord call = record(match, result.info(), Action.AUDITED, session, traceparent, false);
                return send(call, body, contentEncoding, null, false);
            }
            LOG.debug("redacted a {} {} request to {}: {}", match.provider(), match.operation(), match.serverAddress(), found);
            CallRecord call = record(match, result.info(), Action.REDACTED, session, traceparent, filter);
            return send(call, result.body(), contentEncoding, result.changed() ? result.body() : null, filter);
        } catch (Throwable t) {
            return failure(match, "the prompt could not be inspected", t, traceparent);
        }
    }

    @Override
    public void responseStarted(Object call, int status, String contentType, String contentEncoding) {
        ((CallRecord) call).responseStarted(status, contentType, contentEncoding);
    }

    @Override
    public void responseChunk(Object call, byte[] bytes, int offset, int length) {
        ((CallRecord) call).responseChunk(bytes, offset, length);
    }

    @Override
    public byte[] filterResponseChunk(Object call, byte[] bytes, int offset, int length) {
        return ((CallRecord) call).filterChunk(bytes, offset, length);
    }

    @Override
    public byte[] finishResponseFilter(Object call) {
        return ((CallRecord) call).finishFilter();
    }

    @Override
    public void callEnded(Object call, Throwable failure) {
        ((CallRecord) call).end(failure);
    }

    /** {@code findings}: the session whose detector counts (and fingerprints) the call carries, or null when clean. */
    private CallRecord record(EndpointMatch match, RequestInfo info, Action action, RedactionSession findings,
                              String traceparent, boolean filter) {
        CallRecord call = new CallRecord(match, info, action, findings == null ? null : findings.countsByDetector(),
                traceparent, filter ? new UsageStripFilter() : null, listener);
        if (findings != null) {
            call.fingerprints(findings.fingerprintsByDetector());
        }
        if (listener != null) {
            listener.callStarted(call);
        }
        return call;
    }

    /**
     * The verdict for a call that is sent: {@code rewritten} (or the original bytes when null), plus the
     * headers listeners asked for (e.g. {@code traceparent}); keeps the body as sent for opt-in content capture.
     */
    private RequestVerdict send(CallRecord call, byte[] sent, String contentEncoding, byte[] rewritten, boolean filter) {
        int captureChars = listener == null ? 0 : listener.contentCaptureChars();
        if (captureChars > 0) {
            call.captureContent(sent, contentEncoding, captureChars);
        }
        RequestVerdict verdict = rewritten != null ? RequestVerdict.rewrite(rewritten, call, filter) : RequestVerdict.pass(call);
        return verdict.withHeaders(call.requestHeaders());
    }

    @Override
    public RequestVerdict interceptionFailed(Object endpoint, Throwable failure) {
        EndpointMatch match = endpoint instanceof EndpointMatch ? (EndpointMatch) endpoint : null;
        if ("off".equals(mode)) {
            // Veil inspects nothing in off mode, so a body it cannot read (streamed, duplex) is no failure.
            return RequestVerdict.pass();
        }
        String what = failure instanceof PromptTooLargeException
                ? "the request body is larger than veil.prompt.max-bytes"
                : "the request body could not be read for inspection";
        return failure(match, what, failure, null);
    }

    @Override
    public long maxPromptBytes() {
        return maxPromptBytes;
    }

    @Override
    public String maskLog(String text) {
        return logs.mask(text);
    }

    @Override
    public String maskFormattedLog(String pattern, Object[] args, String formatted) {
        return logs.maskFormatted(pattern, args, formatted);
    }

    @Override
    public String maskLogPattern(String pattern) {
        return logs.maskPattern(pattern);
    }

    @Override
    public boolean logMayHoldSecret(CharSequence text) {
        return logs.mayHoldSecret(text);
    }

    @Override
    public java.io.PrintStream wrapConsole(java.io.PrintStream stream) {
        return ConsoleStreams.wrap(stream, logs);
    }

    /**
     * Applies {@code veil.failure}: closed blocks the call, open sends it; either way the agent log says so
     * and the listeners (audit, span) get a record of the call, ended at once, carrying
     * {@link CallRecord#veilError()} (a fixed description and the failure's class; never its message).
     */
    private RequestVerdict failure(EndpointMatch match, String what, Throwable cause, String traceparent) {
        String where = match == null ? "an LLM endpoint" : match.provider() + " at " + match.serverAddress();
        if (failClosed) {
            LOG.warn("request to {} not sent: {} (veil.failure=closed)", where, what, cause);
        } else {
            LOG.warn("request to {} sent uninspected: {} (veil.failure=open)", where, what, cause);
        }
        if (match != null && listener != null) {
            try {
                CallRecord call = new CallRecord(match, RequestInfo.fromMatch(match), failClosed ? Action.BLOCKED : Action.PASSED,
                        null, traceparent, null, listener);
                call.veilError(what + (cause == null ? "" : " (" + cause.getClass().getName() + ")")
                        + (failClosed ? "; not sent" : "; sent uninspected"));
                listener.callStarted(call);
                call.end(null);
            } catch (Throwable ignored) {
                // recording is best effort; the policy below still applies
            }
        }
        return failClosed ? RequestVerdict.block("veil: " + what + "; request not sent (veil.failure=closed)")
                : RequestVerdict.pass();
    }

    /** {@code email_address ×2, openai_api_key ×1}: detector ids and counts, never values. */
    static String describe(SortedMap<String, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append(" x").append(e.getValue());
        }
        return sb.toString();
    }

    private EndpointRegistry endpoints() {
        EndpointRegistry r = endpoints;
        if (r == null) {
            synchronized (this) {
                r = endpoints;
                if (r == null) {
                    r = EndpointRegistry.fromConfig(config);
                    endpoints = r;
                }
            }
        }
        return r;
    }

    private Redactor redactor() {
        return logs.redactor();
    }
}
