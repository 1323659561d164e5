package dev.veil.instrumentation.azurecore;

import com.azure.core.http.policy.HttpPipelinePolicy;
import java.util.List;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of the {@code HttpPipeline} constructor, before it copies the policies: the pipeline
 * gets Veil's policies (once). If this fails the pipeline is built without them, and the agent log has said
 * the class could not be instrumented or the helpers injected.
 */
public final class PipelineConstructorAdvice {

    private PipelineConstructorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Argument(value = 1, readOnly = false) List<HttpPipelinePolicy> policies) {
        policies = VeilPolicies.withVeil(policies);
    }
}
