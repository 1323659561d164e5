package dev.veil.instrumentation.azurecore;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import reactor.core.publisher.Mono;

/**
 * The last policy of a pipeline: runs once per attempt, right before the {@code HttpClient} (whichever
 * transport) gets the request. When {@link VeilCallPolicy} vetted this call and the attempt still carries
 * exactly the body it vetted, it records one vetted send, so the HTTP-client glue below (OkHttp, the JDK
 * client, Reactor Netty...) leaves this send alone instead of inspecting and reporting it a second time.
 */
public final class VeilSendPolicy implements HttpPipelinePolicy {

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        AzureRequests.sending(context);
        return next.process();
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        AzureRequests.sending(context);
        return next.processSync();
    }
}
