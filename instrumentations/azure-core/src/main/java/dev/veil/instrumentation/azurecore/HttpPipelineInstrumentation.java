package dev.veil.instrumentation.azurecore;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;

import dev.veil.instrumentation.api.TypeInstrumentation;
import dev.veil.instrumentation.api.TypeTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code HttpPipelineBuilder.build()} is the only way to make an {@code HttpPipeline}; it ends in the
 * package-private constructor {@code HttpPipeline(HttpClient, List<HttpPipelinePolicy>[, Tracer])}, which
 * copies the policy list.
 */
final class HttpPipelineInstrumentation implements TypeInstrumentation {

    @Override
    public ElementMatcher<TypeDescription> typeMatcher() {
        return named(AzureCoreModule.HTTP_PIPELINE);
    }

    @Override
    public void transform(TypeTransformer transformer) {
        transformer.applyAdviceToMethod(isConstructor()
                        .and(takesArgument(0, named("com.azure.core.http.HttpClient")))
                        .and(takesArgument(1, named("java.util.List"))),
                PipelineConstructorAdvice.class.getName());
    }
}
