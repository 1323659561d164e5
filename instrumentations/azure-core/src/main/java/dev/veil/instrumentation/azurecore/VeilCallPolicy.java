package dev.veil.instrumentation.azurecore;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import reactor.core.publisher.Mono;

/**
 * The first policy of a pipeline: once per call, above retries and authentication. For an LLM endpoint it
 * reads the request body (bounded), asks Veil, and sends the vetted bytes, fails the call with the transport's
 * own kind of error carrying the {@code veil: blocked} message (an {@link IOException}; sync pipelines:
 * {@link UncheckedIOException}), and tees the final response to Veil. Any other request passes untouched,
 * its body unread.
 */
public final class VeilCallPolicy implements HttpPipelinePolicy {

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        Object endpoint = AzureRequests.match(context.getHttpRequest());
        if (endpoint == null) {
            return next.process();
        }
        return AzureRequests.readBody(context.getHttpRequest())
                .map(body -> AzureRequests.prepare(context, endpoint, body, null))
                .onErrorResume(failure -> Mono.just(AzureRequests.prepare(context, endpoint, null, failure)))
                .flatMap(call -> call.blocked() != null
                        ? Mono.<HttpResponse>error(new IOException(call.blocked()))
                        : call.follow(next.process()));
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        Object endpoint = AzureRequests.match(context.getHttpRequest());
        if (endpoint == null) {
            return next.processSync();
        }
        AzureCall call;
        try {
            call = AzureRequests.prepare(context, endpoint, AzureRequests.readBodySync(context.getHttpRequest()), null);
        } catch (Throwable failure) {
            call = AzureRequests.prepare(context, endpoint, null, failure);
        }
        if (call.blocked() != null) {
            throw new UncheckedIOException(call.blocked(), new IOException(call.blocked()));
        }
        HttpResponse response;
        try {
            response = next.processSync();
        } catch (RuntimeException | Error e) {
            call.end(e);
            throw e;
        }
        return call.wrap(response);
    }
}
