package dev.veil.instrumentation.azurecore;

import com.azure.core.http.policy.HttpPipelinePolicy;
import java.util.ArrayList;
import java.util.List;

/** Where Veil's policies go in a pipeline. */
public final class VeilPolicies {

    private VeilPolicies() {
    }

    /**
     * The pipeline's policies with {@link VeilCallPolicy} first (above the retry policy: each call is
     * inspected once, a block is not retried, and a rewritten body is what every attempt sends) and
     * {@link VeilSendPolicy} last (right above the {@code HttpClient}: once per attempt). A list that already
     * holds them (a pipeline rebuilt from another's policies) is returned as it is.
     */
    public static List<HttpPipelinePolicy> withVeil(List<HttpPipelinePolicy> policies) {
        if (policies == null) {
            return null;
        }
        for (HttpPipelinePolicy policy : policies) {
            if (policy instanceof VeilCallPolicy || policy instanceof VeilSendPolicy) {
                return policies;
            }
        }
        List<HttpPipelinePolicy> all = new ArrayList<>(policies.size() + 2);
        all.add(new VeilCallPolicy());
        all.addAll(policies);
        all.add(new VeilSendPolicy());
        return all;
    }
}
