package dev.veil.instrumentation.awssdk;

import dev.veil.bootstrap.PromptTooLargeException;
import dev.veil.bootstrap.RequestVerdict;
import dev.veil.bootstrap.Veil;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Veil's global interceptor for every AWS SDK v2 client (Bedrock Runtime: Converse, ConverseStream,
 * InvokeModel, InvokeModelWithResponseStream — the wire layer decides by the request path).
 *
 * <ul>
 *   <li>{@code modifyAsyncHttpContent}/{@code modifyHttpContent}/{@code modifyHttpRequest} run once per
 *   execution, before the retry loop and so before SigV4 signing: the marshalled body is handed to
 *   {@code Veil.inspectRequest}; a rewritten body replaces it (with its new Content-Length) and is what the
 *   signer hashes, and the headers Veil asks for (a W3C {@code traceparent} under {@code veil.otel.propagate})
 *   are added in {@code modifyHttpRequest}, so the signature covers them; a block throws {@link SdkClientException} with the {@code veil: blocked} message, so
 *   nothing is signed or sent.</li>
 *   <li>{@code beforeTransmission} (per attempt, after signing) records the signed {@code Authorization}
 *   value with {@link Veil#markHandledAbove}: HTTP-client glue below the SDK then leaves that request alone
 *   instead of inspecting it a second time (and breaking the signature by rewriting it).</li>
 *   <li>Successful responses are teed as the SDK reads them (an {@code InputStream} for sync clients, a
 *   publisher for async ones, the binary event stream included); retried error responses are not.</li>
 * </ul>
 * A request that does not go to an LLM endpoint is not touched and its body is never read.
 */
public final class VeilExecutionInterceptor implements ExecutionInterceptor {

    private static final ExecutionAttribute<Decision> DECISION = new ExecutionAttribute<>("dev.veil.Decision");

    /** The global interceptor list with Veil's appended, once; a list that cannot be added to is copied. */
    public static List<ExecutionInterceptor> withVeil(List<ExecutionInterceptor> interceptors) {
        if (interceptors == null) {
            interceptors = new ArrayList<>();
        }
        for (ExecutionInterceptor interceptor : interceptors) {
            if (interceptor instanceof VeilExecutionInterceptor) {
                return interceptors;
            }
        }
        try {
            interceptors.add(new VeilExecutionInterceptor());
            return interceptors;
        } catch (RuntimeException readOnly) {
            List<ExecutionInterceptor> copy = new ArrayList<>(interceptors);
            copy.add(new VeilExecutionInterceptor());
            return copy;
        }
    }

    /** What Veil decided about one execution. */
    static final class Decision {
        final Object endpoint;
        /** The bytes to send instead of the marshalled body, or null. */
        byte[] replacement;
        /** The call the response is reported on, or null. */
        Object call;
        /** Headers Veil asks to add (a {@code traceparent} under {@code veil.otel.propagate}); never null. */
        Map<String, String> headers = Collections.emptyMap();
        /** Set when the response is teed through a publisher, which then ends the call. */
        volatile boolean asyncTee;

        Decision(Object endpoint) {
            this.endpoint = endpoint;
        }
    }

    @Override
    public Optional<AsyncRequestBody> modifyAsyncHttpContent(Context.ModifyHttpRequest context,
                                                             ExecutionAttributes attributes) {
        decide(context, attributes);
        return context.asyncRequestBody();
    }

    @Override
    public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        Decision decision = decide(context, attributes);
        if (decision == null || decision.replacement == null) {
            return context.requestBody();
        }
        return Optional.of(RequestBody.fromBytes(decision.replacement));
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        Decision decision = decide(context, attributes);
        SdkHttpRequest request = context.httpRequest();
        boolean length = decision != null && decision.replacement != null && request.firstMatchingHeader("Content-Length").isPresent();
        if (decision == null || (!length && decision.headers.isEmpty())) {
            return request;
        }
        // Before the retry loop, so before SigV4 signing: the signature covers these headers as sent.
        SdkHttpRequest.Builder builder = request.toBuilder();
        if (length) {
            builder.putHeader("Content-Length", String.valueOf(decision.replacement.length));
        }
        for (Map.Entry<String, String> h : decision.headers.entrySet()) {
            builder.putHeader(h.getKey(), h.getValue());
        }
        return builder.build();
    }

    /**
     * Inspects the request once per execution (the three modify hooks share the result). Throws the
     * SDK's own exception when the call must not go out.
     */
    private static Decision decide(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        if (attributes.getAttribute(DECISION) != null) {
            return attributes.getAttribute(DECISION);
        }
        Object endpoint = match(context.httpRequest());
        if (endpoint == null) {
            return null;
        }
        Decision decision = new Decision(endpoint);
        attributes.putAttribute(DECISION, decision);
        RequestVerdict verdict;
        try {
            verdict = inspect(context, endpoint);
        } catch (Throwable t) {
            verdict = Veil.interceptionFailed(endpoint, t);
        }
        if (verdict.isBlock()) {
            throw SdkClientException.create(verdict.message());
        }
        decision.call = verdict.call();
        decision.headers = verdict.headersToAdd();
        if (verdict.isRewrite()) {
            decision.replacement = verdict.body();
        }
        return decision;
    }

    private static Object match(SdkHttpRequest request) {
        try {
            URI uri = request.getUri();
            return Veil.matchEndpoint(request.method().name(), uri.getScheme(), uri.getHost(), uri.getPort(),
                    uri.getRawPath(), uri.getRawQuery());
        } catch (Throwable t) {
            // No URI means no request the SDK can send.
            return null;
        }
    }

    private static RequestVerdict inspect(Context.ModifyHttpRequest context, Object endpoint) throws Exception {
        if (context.asyncRequestBody().isPresent() && !context.requestBody().isPresent()) {
            // A streaming upload (e.g. a bidirectional stream): its bytes are produced while sending.
            throw new IllegalStateException("a streaming request body cannot be inspected before signing");
        }
        SdkHttpRequest request = context.httpRequest();
        byte[] body = new byte[0];
        if (context.requestBody().isPresent()) {
            RequestBody requestBody = context.requestBody().get();
            long limit = Veil.maxPromptBytes();
            Optional<Long> length = requestBody.optionalContentLength();
            if (length.isPresent() && length.get() > limit) {
                throw new PromptTooLargeException(limit);
            }
            InputStream in = requestBody.contentStreamProvider().newStream();
            body = BodyBytes.read(in, limit);
        }
        return Veil.inspectRequest(endpoint, body, request.firstMatchingHeader("Content-Encoding").orElse(null),
                request.firstMatchingHeader("traceparent").orElse(null), false);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (attributes.getAttribute(DECISION) != null) {
            Veil.markHandledAbove(context.httpRequest().firstMatchingHeader("Authorization").orElse(null));
        }
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Object call = teedCall(context, attributes);
        if (call != null) {
            SdkHttpResponse response = context.httpResponse();
            Veil.responseStarted(call, response.statusCode(), response.firstMatchingHeader("Content-Type").orElse(null),
                    response.firstMatchingHeader("Content-Encoding").orElse(null));
        }
        return context.httpResponse();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        Object call = teedCall(context, attributes);
        Optional<InputStream> body = context.responseBody();
        if (call == null || !body.isPresent()) {
            return body;
        }
        return Optional.<InputStream>of(new TeeInputStream(body.get(), call));
    }

    @Override
    public Optional<Publisher<ByteBuffer>> modifyAsyncHttpResponseContent(Context.ModifyHttpResponse context,
                                                                          ExecutionAttributes attributes) {
        Object call = teedCall(context, attributes);
        Optional<Publisher<ByteBuffer>> body = context.responsePublisher();
        if (call == null || !body.isPresent()) {
            return body;
        }
        attributes.getAttribute(DECISION).asyncTee = true;
        return Optional.<Publisher<ByteBuffer>>of(new TeePublisher(body.get(), call));
    }

    /** The call whose response this is, when it is a final (successful) one; error responses may be retried. */
    private static Object teedCall(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Decision decision = attributes.getAttribute(DECISION);
        if (decision == null || decision.call == null || !context.httpResponse().isSuccessful()) {
            return null;
        }
        return decision.call;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Decision decision = attributes.getAttribute(DECISION);
        // An async body ends the call itself: for an event stream this runs before the stream is read.
        if (decision != null && decision.call != null && !decision.asyncTee) {
            Veil.callEnded(decision.call, null);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Decision decision = attributes.getAttribute(DECISION);
        if (decision != null && decision.call != null) {
            Veil.callEnded(decision.call, context.exception());
        }
    }
}
